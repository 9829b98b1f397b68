/// Options of a word2vec run (Mikolov et al. 2013), named and defaulted as word2vec.c and gensim.
/// The defaults live here only; `init(architecture:)` gives each architecture its own.
public struct Word2VecConfig: TrainerConfig, Equatable {
    public enum Architecture: String, Codable, Sendable { case skipGram = "sgns", cbow }

    public var architecture: Architecture = .skipGram
    public var vocabulary = VocabularySettings()
    public var dim = 100
    /// Maximum distance; each position draws its effective window uniformly from 1...window.
    public var window = 5
    /// Negative samples per positive (0 with hierarchical softmax alone).
    public var negative = 5
    public var hierarchicalSoftmax = false
    /// Subsampling threshold t; 1e-3 as word2vec.c and gensim default (1e-4 suits big corpora).
    public var sample = 1e-3
    /// Initial learning rate, decayed linearly to alpha · 1e-4 over the run (0.025 skip-gram,
    /// 0.05 CBOW, as word2vec.c).
    public var alpha = 0.025
    public var epochs = 5
    public var threads = 1
    public var seed: UInt64 = 1
    /// Which matrix is written: the word (input) vectors by default.
    public var output: VectorChoice = .word

    public init(architecture: Architecture = .skipGram) {
        self.architecture = architecture
        if architecture == .cbow { alpha = 0.05 }
    }

    public var method: String { architecture.rawValue }

    /// Per-word context vectors exist only with negative sampling.
    public var hasContextVectors: Bool { negative > 0 }

    public func validate() throws {
        try validateCommon()
        try Check.range("--window", window, 1...1000)
        try Check.range("--epochs", epochs, 1...1_000_000)
        try Check.range("--negative", negative, 0...1000)
        guard hierarchicalSoftmax || negative > 0 else { throw WordVecError.invalidArgument("--negative 0 needs --hs") }
        try Check.range("--sample", sample, 0...1)
        try Check.positive("--alpha", alpha)
        if output != .word && !hasContextVectors {
            throw WordVecError.invalidArgument("--vectors \(output.rawValue) needs negative sampling (--negative > 0): hierarchical softmax has no per-word context vectors")
        }
    }
}
