import Foundation

/// Latent semantic analysis (Deerwester, Dumais, Furnas, Landauer & Harshman, "Indexing by
/// latent semantic analysis", JASIS 41(6), 1990): the word × document tf-idf matrix X
/// (`TfIdfOptions`) is factored by truncated SVD, X ≈ U·Σ·Vᵀ with k = `dim` components
/// (`TruncatedSVD`, randomized: Halko, Martinsson & Tropp 2011), and word w's vector is row w of
/// U·Σ^p (`eig`; p = 1 is the paper's term representation). Words that never share a document but
/// occur with the same words land close together, which tf-idf cannot do.
public struct LSATrainer: EmbeddingTrainer {
    public let config: LSAConfig

    public init(config: LSAConfig) { self.config = config }

    /// Dense `vocabulary.count × dim` word vectors (with p = 1, column j has length σ_j, as U has
    /// unit columns). Throws `.invalidArgument` for bad options (also a `--dim` above the number of
    /// words or documents), `.invalidInput` for fewer than two documents, `.lapack`, the corpus's
    /// reading errors and `.interrupted`.
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        let started = Date()
        let x = try TfIdfTrainer.weightedMatrix(corpus, vocabulary: vocabulary, config: c.vocabulary, weighting: c.weighting,
                                                threads: c.threads, progress: progress)
        guard c.dim <= min(x.rowCount, x.columnCount) else {
            throw WordVecError.invalidArgument("--dim \(c.dim) is more than the matrix has: \(x.rowCount) words × \(x.columnCount) documents")
        }
        let counted = Date()
        progress.update(fraction: 1, detail: "SVD of \(x.rowCount) × \(x.columnCount) (\(x.nonzeroCount) entries), rank \(c.dim)")
        let svd = TruncatedSVD(rank: c.dim, oversampling: c.oversampling, powerIterations: c.powerIterations,
                               seed: c.seed, threads: c.threads)
        let factors = try svd.decompose(x)
        let w = factors.weightedLeftVectors(power: Float(c.eig))
        guard w.values.allSatisfy({ $0.isFinite }) else {
            throw WordVecError.diverged("lsa: the SVD gave NaN or Inf values")
        }
        let top = factors.singularValues.prefix(3).map { String(format: "%.4g", $0) }.joined(separator: " ")
        progress.finish(String(format: "vocabulary %d x %d documents, %d entries; counting %.1f s, SVD %.1f s; σ1..3 %@",
                               vocabulary.count, x.columnCount, x.nonzeroCount, counted.timeIntervalSince(started),
                               Date().timeIntervalSince(counted), top))
        return TrainedModel(vectors: .dense(try Embeddings(words: vocabulary.words, dim: c.dim, vectors: w.values)),
                            vocabulary: vocabulary, config: c)
    }
}
