import Foundation

/// word2vec (Mikolov et al. 2013): skip-gram or CBOW, negative sampling and/or hierarchical
/// softmax, trained with lock-free threads (Hogwild) on the shared streaming loop.
public struct Word2VecTrainer: EmbeddingTrainer {
    public let config: Word2VecConfig
    /// When to write checkpoints and whether to resume from one (nil: neither).
    public var checkpoint: CheckpointPolicy?

    public init(config: Word2VecConfig) { self.config = config }

    public init(config: Word2VecConfig, checkpoint: CheckpointPolicy?) {
        self.config = config
        self.checkpoint = checkpoint
    }

    /// Trains with a given vocabulary (rows in its order). Throws `.invalidArgument` for bad
    /// options, `.invalidInput` when no sentence holds two in-vocabulary words, `.diverged`,
    /// `.interrupted`, the corpus's reading errors, and a checkpoint's (`.invalidInput` for one
    /// that cannot be resumed from, `.unwritable`).
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        let threads = max(1, c.threads)
        let model = try Word2VecModel(config: c, vocabulary: vocabulary)
        let checkpoints = try Checkpointer.make(checkpoint, config: c, corpus: corpus, vocabulary: vocabulary, epochs: c.epochs)
        checkpoints?.sections = model.checkpointSections
        let outcome = try StreamingTrainingLoop.train(corpus, vocabulary: vocabulary, settings: c.vocabulary, threads: threads,
                                                      epochs: c.epochs, alpha: c.alpha, checkpoints: checkpoints,
                                                      progress: progress) { t in
            Word2VecWorker(model: model, config: c, seed: c.seed &+ UInt64(t) &* 0x9E37_79B9)
        }
        return try TrainedModel.dense(word: model.input.packed(), context: c.negative > 0 ? model.output.packed() : nil,
                                      choice: c.output, vocabulary: vocabulary, dim: c.dim, epochLosses: outcome.losses,
                                      config: c, divergenceHint: "lower --alpha (it is \(c.alpha))")
    }
}
