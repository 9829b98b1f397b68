/// Options of a `random-indexing` run (Kanerva, Kristofersson & Holst 2000; Sahlgren 2005).
public struct RandomIndexingConfig: TrainerConfig, Equatable {
    /// How the position of a context word is encoded (Sahlgren, Holst & Kanerva 2008).
    public enum Permutation: String, Codable, Sendable, CaseIterable {
        /// Bag of words: every context word adds its index vector as it is.
        case none
        /// Words before the focus word add their index vector rotated one place left, words
        /// after it one place right (the paper's "direction vectors").
        case direction
        /// A word at offset o (−window…window) adds its index vector rotated o places (the
        /// paper's "order vectors").
        case order
    }

    public var vocabulary = VocabularySettings()
    /// d, the dimension of index and context vectors (Sahlgren 2005: "on the order of thousands").
    public var dim = 1000
    /// Non-zero entries of each index vector, half +1 and half −1 (even, at most `dim`).
    public var nonzeros = 10
    /// Context words on each side of the focus word; the word at distance k adds its index vector
    /// weighted 2^(1−k) (Karlgren & Sahlgren 2001).
    public var window = 2
    /// word2vec's frequent-word subsampling threshold (0: off): frequent words are dropped with
    /// word2vec.c's probability before the windows are taken.
    public var sample = 1e-3
    public var permutation: Permutation = .none
    public var threads = 1
    /// Seed of the index vectors and of the subsampling.
    public var seed: UInt64 = 1

    public init() {}

    public var method: String { "random-indexing" }

    public func validate() throws {
        try validateCommon()
        try Check.range("--nonzeros", nonzeros, 2...dim)
        guard nonzeros % 2 == 0 else { throw WordVecError.invalidArgument("--nonzeros must be even (half +1, half −1; got \(nonzeros))") }
        try Check.range("--window", window, 1...1000)
        try Check.range("--sample", sample, 0...1)
    }
}
