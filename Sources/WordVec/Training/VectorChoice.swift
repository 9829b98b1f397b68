/// Which trained matrix a predictive method writes.
public enum VectorChoice: String, Codable, Sendable, CaseIterable {
    /// The input (word) vectors: what word2vec and fastText write.
    case word
    /// The output (context) vectors.
    case context
    /// W + C, which Levy, Goldberg & Dagan (2015) and GloVe found helps on similarity tasks.
    case sum

    /// The chosen matrix from the word and context matrices (same shape, row-major); throws
    /// `.invalidArgument` when the method has no per-word context rows (hierarchical softmax).
    public func select(word: [Float], context: [Float]?) throws -> [Float] {
        switch self {
        case .word: return word
        case .context, .sum:
            guard let context else {
                throw WordVecError.invalidArgument("--vectors \(rawValue) needs per-word context vectors (negative sampling; hierarchical softmax has none)")
            }
            return self == .context ? context : zip(word, context).map { $0 + $1 }
        }
    }
}
