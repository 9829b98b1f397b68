/// Options of a `ppmi-svd` run: the PPMI matrix reduced to `dim` dimensions by truncated SVD
/// (Levy, Goldberg & Dagan 2015, §3.3; hyperparameter names in brackets).
public struct PPMISVDConfig: TrainerConfig, Equatable {
    public var vocabulary = VocabularySettings()
    /// Rank of the truncated SVD: the vector dimension.
    public var dim = 300
    public var ppmi = PPMISettings()
    /// Eigenvalue weighting p [eig]: word vectors W = U·Σ^p (0, 0.5 or 1; any value in 0...1).
    public var eig = 0.5
    /// W (`word`) or W + C (`sum`, C = V·Σ^p the context vectors) [w+c].
    public var output: VectorChoice = .word
    /// Randomized SVD: extra columns of the test matrix (Halko et al. 2011; sklearn's n_oversamples).
    public var oversampling = 10
    /// Randomized SVD: power iterations (sklearn's n_iter).
    public var powerIterations = 5
    public var threads = 1
    /// Seed of the SVD's random test matrix and of the subsampling draws.
    public var seed: UInt64 = 1

    public init() {}

    public var method: String { "ppmi-svd" }

    /// C = V·Σ^p, one row per context word (= per vocabulary word).
    public var hasContextVectors: Bool { true }

    public func validate() throws {
        try validateCommon()
        try ppmi.validate()
        try Check.range("--eig", eig, 0...1)
        try Check.range("--oversampling", oversampling, 0...10_000)
        try Check.range("--power-iterations", powerIterations, 0...1000)
        if output == .context {
            throw WordVecError.invalidArgument("--vectors must be word or sum for ppmi-svd (the context vectors are written with --save-context)")
        }
    }
}
