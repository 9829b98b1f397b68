/// Which trained matrix a predictive method writes.
public enum VectorChoice: String, Codable, Sendable, CaseIterable {
    /// The input (word) vectors: what word2vec and fastText write.
    case word
    /// The output (context) vectors.
    case context
    /// W + C, which Levy, Goldberg & Dagan (2015) and GloVe found helps on similarity tasks.
    case sum
}
