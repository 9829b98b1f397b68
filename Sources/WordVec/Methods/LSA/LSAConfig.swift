/// Options of an `lsa` run (Deerwester, Dumais, Furnas, Landauer & Harshman 1990): the tf-idf
/// word × document matrix reduced to `dim` dimensions by truncated SVD.
public struct LSAConfig: TrainerConfig, Equatable {
    public var vocabulary = VocabularySettings()
    /// Documents and weighting of the matrix (as `tfidf`'s; `TfIdfOptions`).
    public var weighting = TfIdfOptions()
    /// k, the number of singular triplets kept (Landauer & Dumais 1997 found about 300 best).
    public var dim = 300
    /// p in the word vectors U·Σ^p (`--eig`): 1 is Deerwester et al.'s term vectors (scaled by
    /// the singular values), 0 the unit singular vectors, 0.5 Levy et al.'s compromise.
    public var eig = 1.0
    /// Extra random columns of the randomized SVD (Halko et al. 2011, §4.2).
    public var oversampling = 10
    /// Power iterations of the randomized SVD (Halko et al. 2011, §4.5). With 5 the top 100
    /// singular values of the benchmark corpus's tf-idf matrix are within 0.3% of a 10-iteration
    /// run, σ₃₀₀ within 4%; 2 (gensim's default) leaves σ₃₀₀ 13% low (docs/methods/lsa.md).
    public var powerIterations = 5
    public var threads = 1
    /// Seed of the SVD's Gaussian test matrix.
    public var seed: UInt64 = 1

    public init() {}

    public var method: String { "lsa" }

    public func validate() throws {
        try validateCommon()
        try weighting.validate()
        try Check.range("--eig", eig, 0...1)
        try Check.range("--oversampling", oversampling, 0...10_000)
        try Check.range("--power-iterations", powerIterations, 0...100)
    }
}
