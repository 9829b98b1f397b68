import Foundation

/// tf-idf word vectors: row w of the word × document matrix with entries tf(w, d) · idf(w)
/// (documents optionally L2-normalised, `TfIdfOptions`), each row then scaled to unit length.
/// Sparse, one dimension per document. Salton, Wong & Yang, "A vector space model for automatic
/// indexing", CACM 18(11), 1975; Spärck Jones, "A statistical interpretation of term specificity
/// and its application in retrieval", J. Documentation 28(1), 1972.
///
/// Two words that never occur in the same document have cosine exactly 0, however alike their
/// contexts: the limitation LSA (`LSATrainer`) was made to overcome.
public struct TfIdfTrainer: EmbeddingTrainer {
    public let config: TfIdfConfig

    public init(config: TfIdfConfig) { self.config = config }

    /// The sparse word vectors (`vocabulary.count` rows × documents columns). Throws
    /// `.invalidArgument` for bad options, `.invalidInput` for fewer than two documents, the
    /// corpus's reading errors and `.interrupted`.
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let started = Date()
        var m = try TfIdfTrainer.weightedMatrix(corpus, vocabulary: vocabulary, config: config.vocabulary,
                                                 weighting: config.weighting, threads: config.threads, progress: progress)
        m.scaleRows(by: m.rowNorms().map { $0 > 0 ? 1 / $0 : 0 })
        let vectors = try SparseEmbeddings(words: vocabulary.words, matrix: m)
        progress.finish(String(format: "vocabulary %d x %d documents, %d entries, %.1f s", vocabulary.count, m.columnCount,
                               vectors.values.count, Date().timeIntervalSince(started)))
        return TrainedModel(vectors: .sparse(vectors), vocabulary: vocabulary, config: config)
    }

    /// The weighted word × document matrix of a corpus (`TermDocumentCounts`, then
    /// `TfIdfOptions.weigh`), shared with LSA. Throws as `TermDocumentCounts.count`.
    static func weightedMatrix(_ corpus: Corpus, vocabulary: Vocabulary, config: VocabularySettings, weighting: TfIdfOptions,
                               threads: Int, progress: ProgressReporter) throws -> SparseMatrix {
        var m = try TermDocumentCounts.count(corpus, vocabulary: vocabulary, tokenizer: config.tokenizer,
                                             documents: weighting.documents, threads: threads, progress: progress)
        weighting.weigh(&m)
        return m
    }
}
