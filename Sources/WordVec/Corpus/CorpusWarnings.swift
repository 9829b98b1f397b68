/// Problems met while reading a corpus that do not stop the run; reported once as counts.
public struct CorpusWarnings: Sendable, Equatable {
    public var invalidUTF8Tokens = 0
    public var nulBytes = 0
    public var longTokens = 0

    public init() {}

    public mutating func add(_ other: CorpusWarnings) {
        invalidUTF8Tokens += other.invalidUTF8Tokens
        nulBytes += other.nulBytes
        longTokens += other.longTokens
    }

    public var isEmpty: Bool { self == CorpusWarnings() }

    /// One line for stderr, or nil when there is nothing to say.
    public var summary: String? {
        var parts: [String] = []
        if invalidUTF8Tokens > 0 { parts.append("\(invalidUTF8Tokens) tokens with invalid UTF-8 skipped") }
        if nulBytes > 0 { parts.append("\(nulBytes) NUL bytes treated as spaces") }
        if longTokens > 0 { parts.append("\(longTokens) tokens longer than the token limit skipped") }
        return parts.isEmpty ? nil : "warning: " + parts.joined(separator: ", ")
    }
}
