import Foundation

/// word2vec (Mikolov et al. 2013): skip-gram or CBOW, negative sampling and/or hierarchical
/// softmax, trained with lock-free threads (Hogwild) on the shared streaming loop.
public struct Word2VecTrainer: EmbeddingTrainer {
    public let config: Word2VecConfig

    public init(config: Word2VecConfig) { self.config = config }

    /// Trains with a given vocabulary (rows in its order). Throws `.invalidArgument` for bad
    /// options, `.invalidInput` when no sentence holds two in-vocabulary words, `.diverged`,
    /// `.interrupted`, and the corpus's reading errors.
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        let threads = max(1, c.threads)
        let model = try Word2VecModel(config: c, vocabulary: vocabulary)
        let feed = try SentenceFeed(corpus: corpus, table: vocabulary.makeTable(), tokenizer: c.vocabulary.tokenizer,
                                    threads: threads, epochs: c.epochs)
        let totalWords = Double(vocabulary.keptTokens) * Double(c.epochs)
        let loop = StreamingTrainingLoop(feed: feed, schedule: LinearDecay(start: Float(c.alpha), totalWords: totalWords),
                                         threads: threads, progress: progress)
        let outcome = try loop.run { t in Word2VecWorker(model: model, config: c, seed: c.seed &+ UInt64(t) &* 0x9E37_79B9) }
        progress.finish(String(format: "%d words x %d epochs, vocabulary %d, %.0fk words/s, loss by epoch %@",
                               vocabulary.keptTokens, c.epochs, vocabulary.count, totalWords / outcome.seconds / 1000,
                               TrainedModel.lossText(outcome.losses)))
        try TrainingCheck.requirePredictions(outcome.predictions, corpus: corpus, vocabulary: vocabulary,
                                             readVocab: c.vocabulary.readVocab, progress: progress)
        return try TrainedModel.dense(word: model.input.packed(), context: c.negative > 0 ? model.output.packed() : nil,
                                      choice: c.output, vocabulary: vocabulary, dim: c.dim, epochLosses: outcome.losses,
                                      config: c, divergenceHint: "lower --alpha (it is \(c.alpha))")
    }
}
