/// One protocol for every method: a `Config` in, a `TrainedModel` out. A trainer never queries
/// vectors; the vocabulary step is shared (see `train(_:progress:)`).
public protocol EmbeddingTrainer {
    associatedtype Config: TrainerConfig
    var config: Config { get }
    init(config: Config)
    /// Trains with a given vocabulary (row i of every matrix is `vocabulary.words[i]`).
    /// Throws `WordVecError` (invalid options, unreadable corpus, nothing to train on,
    /// divergence, interruption).
    func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel
}

extension EmbeddingTrainer {
    /// Validates the config, makes the vocabulary (counted, or read with `--read-vocab`), then trains.
    public func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let vocabulary = try VocabularyCounter.vocabulary(for: corpus, settings: config.vocabulary,
                                                          threads: config.threads, progress: progress)
        try config.requireMemory(words: vocabulary.count)
        try RunPhase.enter(.training)
        return try train(corpus, vocabulary: vocabulary, progress: progress)
    }
}
