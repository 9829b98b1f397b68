import Foundation

/// A Unicode normalization applied to every token while tokenizing (`--normalize`), so that
/// spellings that look alike become one word. Without it words stay exactly the bytes of the
/// corpus, as in word2vec.c, fastText and gensim (NFC `café` and NFD `café` are two words).
public enum UnicodeNormalization: String, Codable, Sendable, CaseIterable {
    /// Canonical composition: NFD `e` + U+0301 becomes `é`; nothing else changes.
    case nfc
    /// Compatibility composition: also folds ligatures, full-width forms, superscripts (`ﬁ` → `fi`).
    case nfkc

    public func apply(_ text: String) -> String {
        switch self {
        case .nfc: return text.precomposedStringWithCanonicalMapping
        case .nfkc: return text.precomposedStringWithCompatibilityMapping
        }
    }
}
