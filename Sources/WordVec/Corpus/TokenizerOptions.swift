/// How raw bytes become tokens. Every trainer uses the same options, so vocabularies agree.
public struct TokenizerOptions: Codable, Sendable, Equatable {
    public enum Style: String, Codable, Sendable, CaseIterable {
        /// word2vec's rule (tokens separated by spaces, tabs and newlines), also splitting on
        /// CR, VT, FF and NUL: tokens are runs of any other bytes.
        case whitespace
        /// For raw text: tokens are runs of letters, combining marks and digits (any script, by
        /// their Unicode general category); white space, punctuation and symbols separate tokens
        /// and are dropped (see `TokenText`).
        case raw
    }

    public var style: Style = .whitespace
    /// Fold case (ASCII fast path; other scripts through Unicode lower-casing).
    public var lowercase = false
    /// Normalize every token (nil: keep the corpus bytes, as word2vec.c, fastText and gensim do).
    public var normalization: UnicodeNormalization?
    /// Sentences are cut into pieces of at most this many in-vocabulary words (word2vec: 1000),
    /// so a one-line corpus such as text8 still has bounded windows and batches.
    public var maxSentenceLength = 1000
    /// Longer tokens are dropped (and counted in the warnings) rather than buffered without bound.
    public var maxTokenBytes = 1000

    public init(style: Style = .whitespace, lowercase: Bool = false, normalization: UnicodeNormalization? = nil,
                maxSentenceLength: Int = 1000) {
        self.style = style
        self.lowercase = lowercase
        self.normalization = normalization
        self.maxSentenceLength = maxSentenceLength
    }
}
