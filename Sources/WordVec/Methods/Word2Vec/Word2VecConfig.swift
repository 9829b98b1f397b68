/// Options of a word2vec run (Mikolov et al. 2013), named and defaulted as word2vec.c/gensim.
public struct Word2VecConfig: Codable, Sendable, Equatable {
    public enum Architecture: String, Codable, Sendable { case skipGram = "sgns", cbow }

    public var architecture: Architecture = .skipGram
    public var tokenizer = TokenizerOptions()
    public var minCount = 5
    public var maxVocab = 0
    public var dim = 100
    /// Maximum distance; each position draws its effective window uniformly from 1...window.
    public var window = 5
    public var negative = 5
    public var hierarchicalSoftmax = false
    /// Subsampling threshold t; 1e-3 as word2vec.c and gensim default (1e-4 suits big corpora).
    public var sample = 1e-3
    /// Initial learning rate, decayed linearly to alpha * 1e-4 over the run.
    public var alpha = 0.025
    public var epochs = 5
    public var threads = 1
    public var seed: UInt64 = 1
    public var output: VectorChoice = .word

    public init() {}
}
