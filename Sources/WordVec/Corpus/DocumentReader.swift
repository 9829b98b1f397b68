import Foundation

/// How a corpus is cut into documents (the unit tf-idf and LSA count over).
public enum DocumentMode: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Every line that holds a token is a document.
    case lines
    /// Runs of lines separated by blank lines (nothing but whitespace between two line ends).
    case paragraphs
    /// Consecutive runs of `n` tokens, ignoring line breaks (for one-line corpora such as text8);
    /// the last chunk of a file may be shorter.
    case chunks(Int)

    /// Parses `lines`, `paragraphs` or `chunks:N` (the CLI spelling).
    public init?(parsing text: String) {
        switch text {
        case "lines": self = .lines
        case "paragraphs": self = .paragraphs
        default:
            guard text.hasPrefix("chunks:"), let n = Int(text.dropFirst("chunks:".count)), n > 0 else { return nil }
            self = .chunks(n)
        }
    }

    public var description: String {
        switch self {
        case .lines: return "lines"
        case .paragraphs: return "paragraphs"
        case .chunks(let n): return "chunks:\(n)"
        }
    }
}

/// Streams the documents of a corpus, one per call, on top of `TokenScanner`'s line ends.
///
/// A document is defined by the raw tokens, never by the vocabulary: it exists when it holds at
/// least one token, and a chunk is `n` corpus tokens. So with a word table, a document whose
/// words are all out of vocabulary comes back empty rather than being skipped, and document
/// numbers are the same whatever vocabulary is used. Documents never span two input files.
/// A document is held in memory whole: use `.chunks(n)` for corpora with very long lines.
public final class DocumentReader {
    public let mode: DocumentMode
    private let scanner: TokenScanner
    private let table: WordTable?
    private var file: Int
    private var done = false
    /// Documents handed out so far.
    public private(set) var documentsRead = 0

    /// `table` maps tokens to word ids for `next(into:)`; `nextTokens()` works without one.
    package init(corpus: Corpus, options: TokenizerOptions, mode: DocumentMode, table: WordTable? = nil) throws {
        if case .chunks(let n) = mode, n < 1 { throw WordVecError.invalidArgument("document chunks need at least 1 token") }
        scanner = try TokenScanner(corpus: corpus, options: options)
        self.mode = mode
        self.table = table
        file = scanner.fileIndex
    }

    public var warnings: CorpusWarnings { scanner.warnings }

    /// The next document's in-vocabulary word ids (out-of-vocabulary tokens dropped). False at the end.
    public func next(into ids: inout [Int32]) throws -> Bool {
        guard let table else { preconditionFailure("DocumentReader.next(into:) needs a word table") }
        ids.removeAll(keepingCapacity: true)
        return try scan { token in
            let e = table.find(token)
            if e >= 0 { ids.append(Int32(truncatingIfNeeded: table.values[e])) }
        }
    }

    /// The next document's tokens as strings (after lower-casing, if the options ask), or nil at the end.
    public func nextTokens() throws -> [String]? {
        var tokens: [String] = []
        let found = try scan { tokens.append(String(decoding: $0, as: UTF8.self)) }
        return found ? tokens : nil
    }

    /// Feeds the tokens of the next document to `take`; false when there is none left.
    private func scan(_ take: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Bool {
        if done { return false }
        var tokens = 0
        var blankRun = true   // no token since the last line end
        while true {
            switch try scanner.next() {
            case .token:
                take(scanner.token)
                tokens += 1
                blankRun = false
                if case .chunks(let n) = mode, tokens == n { return emit() }
            case .lineEnd:
                let endOfFile = scanner.fileIndex != file
                file = scanner.fileIndex
                guard tokens > 0 else { blankRun = true; continue }
                switch mode {
                case .lines:
                    return emit()
                case .paragraphs:
                    // A blank line is a line end with no token since the previous line end.
                    if blankRun || endOfFile { return emit() }
                    blankRun = true
                case .chunks:
                    if endOfFile { return emit() }
                }
            case .end:
                done = true
                return tokens > 0 ? emit() : false
            }
        }
    }

    private func emit() -> Bool {
        documentsRead += 1
        return true
    }
}
