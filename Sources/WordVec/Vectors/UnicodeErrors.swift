/// What a reader does with a word that is not valid UTF-8 (gensim's `unicode_errors`). word2vec.c
/// cuts long words at a byte limit, so models trained on Chinese or Russian text often hold a
/// few words whose last character is cut in half.
///
/// - `strict`: the file is refused, naming the place of the first such word;
/// - `replace` (the default): each invalid sequence becomes U+FFFD (as Python's "replace");
/// - `ignore`: invalid bytes are dropped.
///
/// With `replace` and `ignore` the file loads and one warning says how many words were affected;
/// a word that decodes to the empty word, or to a word already read, is then skipped (and counted).
public enum UnicodeErrors: String, Codable, Sendable, CaseIterable {
    case strict, replace, ignore

    /// The word spelled by `bytes`: itself when valid, else decoded by this policy; nil for
    /// `strict` when the bytes are not valid UTF-8.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        switch self {
        case .strict: return nil
        case .replace: return String(decoding: bytes, as: UTF8.self)
        case .ignore:
            var scalars = String.UnicodeScalarView()
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): scalars.append(s)
                case .error: continue
                case .emptyInput: break loop
                }
            }
            return String(scalars)
        }
    }
}
