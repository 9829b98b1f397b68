/// `ppmi`: each word's vector is its row of the PPMI matrix (`PPMIMatrix`), V sparse dimensions
/// (one per context word, vocabulary order), written in the sparse vector format. Church & Hanks
/// 1990; Levy, Goldberg & Dagan 2015 (smoothing `cds`, shift, subsampling, dynamic window).
public struct PPMITrainer: EmbeddingTrainer {
    public let config: PPMIConfig

    public init(config: PPMIConfig) { self.config = config }

    /// Counts, weighs and packages the rows. Throws `.invalidInput` when no pair has a positive
    /// PMI (nothing learned), and what counting throws.
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let m = try PPMIMatrix.make(corpus, vocabulary: vocabulary, settings: config.ppmi, tokenizer: config.vocabulary.tokenizer,
                                    threads: config.threads, seed: config.seed, progress: progress)
        try PPMIMatrix.checkLearned(m, corpus: corpus)
        var c = config
        c.dim = m.columnCount
        let vectors = try SparseEmbeddings(words: vocabulary.words, dim: m.columnCount, rowStarts: m.rowStarts,
                                           columns: m.columns, values: m.values)
        return TrainedModel(vectors: .sparse(vectors), vocabulary: vocabulary, config: c)
    }
}
