/// How raw bytes become tokens. Every trainer uses the same options, so vocabularies agree.
public struct TokenizerOptions: Codable, Sendable, Equatable {
    public enum Style: String, Codable, Sendable, CaseIterable {
        /// word2vec's rule (tokens separated by spaces, tabs and newlines), also splitting on
        /// CR, VT, FF and NUL: tokens are runs of any other bytes.
        case whitespace
        /// For raw text: tokens are runs of ASCII letters and digits and non-ASCII characters;
        /// ASCII punctuation and symbols separate tokens and are dropped.
        case raw
    }

    public var style: Style = .whitespace
    /// Fold case (ASCII fast path; other scripts through Unicode lower-casing).
    public var lowercase = false
    /// Sentences are cut into pieces of at most this many in-vocabulary words (word2vec: 1000),
    /// so a one-line corpus such as text8 still has bounded windows and batches.
    public var maxSentenceLength = 1000
    /// Longer tokens are dropped (and counted in the warnings) rather than buffered without bound.
    public var maxTokenBytes = 1000

    public init(style: Style = .whitespace, lowercase: Bool = false, maxSentenceLength: Int = 1000) {
        self.style = style
        self.lowercase = lowercase
        self.maxSentenceLength = maxSentenceLength
    }
}
