/// What a vector file reader decoded or skipped without refusing the file; reported once.
struct VectorReadWarnings: Sendable, Equatable {
    /// Words that were not valid UTF-8 (decoded by the `UnicodeErrors` policy).
    var invalidUTF8Words = 0
    /// Of those, words skipped because they decoded to nothing or to a word read before.
    var droppedAfterDecoding = 0
    /// Records whose word is blank (a line starting with spaces followed by the values only).
    var blankWords = 0

    /// One line for stderr, or nil when there is nothing to say.
    func summary(path: String, unicodeErrors: UnicodeErrors) -> String? {
        var parts: [String] = []
        if invalidUTF8Words > 0 {
            let how = unicodeErrors == .ignore ? "invalid bytes dropped" : "invalid bytes replaced by U+FFFD"
            var part = "\(invalidUTF8Words) word\(invalidUTF8Words == 1 ? "" : "s") not valid UTF-8 (\(how)"
            if droppedAfterDecoding > 0 { part += "; \(droppedAfterDecoding) then empty or repeated, skipped" }
            parts.append(part + "; --unicode-errors strict refuses such files)")
        }
        if blankWords > 0 {
            parts.append("\(blankWords) vector\(blankWords == 1 ? "" : "s") with a blank word (a line starting with a space) skipped")
        }
        return parts.isEmpty ? nil : "warning: \(path): " + parts.joined(separator: ", ")
    }
}
