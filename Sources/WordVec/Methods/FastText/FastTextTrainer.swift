import Foundation

/// fastText (Bojanowski, Grave, Joulin & Mikolov 2017): skip-gram or CBOW over subword bags
/// with negative sampling, lock-free threads (Hogwild) on the shared streaming loop. Returns the
/// word vectors (each word's bag mean, what fastText's `.vec` holds), the output rows as
/// context vectors, and the whole model as the artefact (`--save-model` writes it as a `.bin`).
public struct FastTextTrainer: EmbeddingTrainer {
    public let config: FastTextConfig
    /// When to write checkpoints and whether to resume from one (nil: neither).
    public var checkpoint: CheckpointPolicy?

    public init(config: FastTextConfig) { self.config = config }

    public init(config: FastTextConfig, checkpoint: CheckpointPolicy?) {
        self.config = config
        self.checkpoint = checkpoint
    }

    /// Trains with a given vocabulary (rows in its order). Throws `.invalidArgument` for bad
    /// options, `.invalidInput` when no sentence holds two in-vocabulary words or the matrices do
    /// not fit in memory, `.diverged`, `.interrupted`, the corpus's reading errors, and a
    /// checkpoint's (`.invalidInput` for one that cannot be resumed from, `.unwritable`).
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        let threads = max(1, c.threads)
        let weights = try FastTextWeights(config: c, vocabulary: vocabulary)
        let checkpoints = try Checkpointer.make(checkpoint, config: c, corpus: corpus, vocabulary: vocabulary, epochs: c.epochs)
        checkpoints?.sections = [weights.input.checkpointSection("input"), weights.output.checkpointSection("output")]
        let outcome = try StreamingTrainingLoop.train(corpus, vocabulary: vocabulary, settings: c.vocabulary, threads: threads,
                                                      epochs: c.epochs, alpha: c.alpha, detail: ", \(c.ngrams.bucket) n-gram buckets",
                                                      checkpoints: checkpoints, progress: progress) { t in
            FastTextWorker(weights: weights, config: c, seed: c.seed &+ UInt64(t) &* 0x9E37_79B9)
        }
        let model = try FastTextModel(args: args(vocabulary: vocabulary), version: FastTextModelReader.newestVersion,
                                      words: vocabulary.words, counts: vocabulary.counts, tokens: vocabulary.corpusTokens,
                                      input: weights.input, output: weights.output, place: "the vocabulary")
        var trained = try TrainedModel.dense(word: model.wordVectors(threads: threads).vectors, context: weights.output.packed(),
                                             choice: .word, vocabulary: vocabulary, dim: c.dim, epochLosses: outcome.losses,
                                             config: c, divergenceHint: "lower --alpha (it is \(c.alpha))")
        trained.artifact = model
        return trained
    }

    /// The arguments stored in the model file, in fastText's codes.
    func args(vocabulary: Vocabulary) -> FastTextArgs {
        var a = FastTextArgs()
        a.dim = Int32(config.dim)
        a.ws = Int32(config.window)
        a.epoch = Int32(config.epochs)
        a.minCount = Int32(clamping: config.vocabulary.minCount)
        a.neg = Int32(config.negative)
        a.loss = FastTextArgs.Loss.negativeSampling.rawValue
        a.model = (config.architecture == .cbow ? FastTextArgs.Model.cbow : .skipgram).rawValue
        a.bucket = Int32(config.ngrams.bucket)
        a.minn = Int32(config.minn)
        a.maxn = Int32(config.maxn)
        a.t = config.sample
        return a
    }
}
