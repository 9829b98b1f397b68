import Foundation

/// The kept word types of a corpus with their counts, in a deterministic order: count
/// descending, then word ascending (byte order). Row i of every trained matrix is word i.
public struct Vocabulary: Sendable, Equatable {
    public let words: [String]
    public let counts: [Int]
    /// Tokens in the corpus, including those of dropped (rare) words.
    public let corpusTokens: Int

    public var count: Int { words.count }
    /// Tokens of kept words.
    public var keptTokens: Int { counts.reduce(0, +) }

    public init(words: [String], counts: [Int], corpusTokens: Int? = nil) {
        precondition(words.count == counts.count)
        self.words = words
        self.counts = counts
        self.corpusTokens = corpusTokens ?? counts.reduce(0, +)
    }

    /// Sorts and trims raw (word, count) pairs: drop counts below `minCount`, then keep the
    /// `maxSize` most frequent (0 = no limit).
    public static func build(_ pairs: [(String, Int)], minCount: Int, maxSize: Int = 0, corpusTokens: Int) -> Vocabulary {
        var kept = pairs.filter { $0.1 >= minCount }
        kept.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        if maxSize > 0 && kept.count > maxSize { kept.removeLast(kept.count - maxSize) }
        return Vocabulary(words: kept.map(\.0), counts: kept.map(\.1), corpusTokens: corpusTokens)
    }

    /// A byte-keyed table from word to row index, for readers that map tokens to ids.
    package func makeTable() -> WordTable {
        let table = WordTable(capacity: words.count)
        for (i, w) in words.enumerated() {
            let e = table.findOrInsert(w)
            table.values[e] = i
        }
        return table
    }

    /// word -> row index, byte-exact (the vocabulary comes from a byte-keyed `WordTable`, so
    /// its words never repeat; the first row wins if a caller built one that does).
    public func makeIndex() -> WordIndex {
        var index = WordIndex(capacity: words.count)
        for (i, w) in words.enumerated() { index.insert(w, row: i) }
        return index
    }

    /// Writes `word count` lines (word2vec's -save-vocab and GloVe's vocab_count format).
    public func save(to path: String) throws {
        try AtomicFile.write(to: path) { file in
            for (w, c) in zip(words, counts) { try file.write("\(w) \(c)\n") }
        }
    }

    /// Reads `word count` lines, as written by `save`, word2vec or GloVe, from any `InputFile`
    /// (compressed, zip member, pipe, `-`); a byte-order mark is skipped and bytes that are not
    /// UTF-8 follow `unicodeErrors` (see `TextFile`). Words are compared by their bytes.
    /// - Throws: `.malformedVectors` naming the line of a malformed or repeated entry.
    public static func load(from path: String, unicodeErrors: UnicodeErrors = .replace) throws -> Vocabulary {
        let text = try TextFile.read(path, unicodeErrors: unicodeErrors)
        var pairs: [(String, Int)] = []
        var seen = WordIndex()
        var lineNumber = 0
        var total = 0
        // "\r\n" is one Character in Swift, so split on both spellings of a line end.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 2, let c = Int(fields[1]), c >= 0 else {
                throw WordVecError.malformedVectors(path: path, line: lineNumber, reason: "expected `word count`")
            }
            // The total is the corpus size every trainer divides by: it must be a 64-bit count.
            let (sum, overflow) = total.addingReportingOverflow(c)
            guard !overflow else {
                throw WordVecError.malformedVectors(path: path, line: lineNumber, reason: "the counts add up to more than \(Int.max)")
            }
            total = sum
            let w = String(fields[0])
            guard seen.insert(w, row: pairs.count) == nil else {
                throw WordVecError.malformedVectors(path: path, line: lineNumber, reason: "duplicate word '\(w)'")
            }
            pairs.append((w, c))
        }
        if pairs.isEmpty { throw WordVecError.invalidInput("\(path): the vocabulary file has no `word count` lines") }
        return Vocabulary(words: pairs.map(\.0), counts: pairs.map(\.1))
    }
}
