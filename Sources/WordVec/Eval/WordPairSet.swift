import Foundation

/// A word pair with a human similarity score (WordSim-353, SimLex-999, MEN, ...).
public struct WordPair: Sendable, Equatable {
    public var a, b: String
    public var score: Double
    /// 1-based line number in the file.
    public var line: Int

    public init(a: String, b: String, score: Double, line: Int) {
        self.a = a; self.b = b; self.score = score; self.line = line
    }
}

/// A parsed word-similarity file.
///
/// Rules (documented in docs/evaluation.md): fields are tab separated when the line has a tab,
/// else comma separated when it has a comma, else space separated; blank lines and lines starting
/// with `#` or `//` are skipped; a line before the first pair whose score is not a number is a
/// header and skipped; after that, a line that is not exactly `word1 word2 score` with a finite
/// numeric score is an error naming the line (not a silent skip: a wrong column would quietly
/// change the correlation).
public struct WordPairSet: Sendable {
    public var pairs: [WordPair]
    public var headerLines: [Int]

    /// Reads `path` (see `TextFile` for compression, byte-order marks and `unicodeErrors`).
    public static func load(_ path: String, unicodeErrors: UnicodeErrors = .replace) throws -> WordPairSet {
        try parse(try TextFile.read(path, unicodeErrors: unicodeErrors), name: path)
    }

    public static func parse(_ text: String, name: String) throws -> WordPairSet {
        var pairs: [WordPair] = []
        var headers: [Int] = []
        var lineNo = 0
        // Split on any line break: "\r\n" is one Character in Swift, so splitting on "\n" would miss it.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNo += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            let fields: [String]
            if line.contains("\t") {
                fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            } else if line.contains(",") {
                fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            } else {
                fields = line.split(separator: " ").map(String.init)
            }
            guard let last = fields.last else { continue }
            let score = Double(last)
            if pairs.isEmpty && score == nil && fields.count == 3 {
                headers.append(lineNo)      // e.g. `Word 1,Word 2,Human (mean)`
                continue
            }
            guard fields.count == 3 else {
                throw WordVecError.invalidInput("\(name):\(lineNo): expected `word1 word2 score` (tab, comma or space separated), found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            guard let s = score, s.isFinite else {
                throw WordVecError.invalidInput("\(name):\(lineNo): the score `\(last)` is not a number")
            }
            guard !fields[0].isEmpty, !fields[1].isEmpty else {
                throw WordVecError.invalidInput("\(name):\(lineNo): an empty word")
            }
            pairs.append(WordPair(a: fields[0], b: fields[1], score: s, line: lineNo))
        }
        guard !pairs.isEmpty else {
            throw WordVecError.invalidInput("\(name): no word pairs in the file (expected `word1 word2 score` lines)")
        }
        return WordPairSet(pairs: pairs, headerLines: headers)
    }
}
