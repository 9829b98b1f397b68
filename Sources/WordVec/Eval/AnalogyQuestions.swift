import Foundation

/// One analogy question `a : b :: c : d` ("a is to b as c is to d"), and where it came from.
public struct AnalogyQuestion: Sendable, Equatable {
    public var a, b, c, d: String
    /// 1-based line number in the questions file.
    public var line: Int

    public init(a: String, b: String, c: String, d: String, line: Int) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.line = line
    }
}

/// A named group of questions (`: capital-common-countries` in the Google set).
public struct AnalogySection: Sendable {
    public var name: String
    public var questions: [AnalogyQuestion]

    /// The Google set's convention (and BENCHMARKS.md's): sections named `gram…` are syntactic,
    /// all others semantic.
    public var isSyntactic: Bool { name.hasPrefix("gram") }
}

/// A parsed analogy file: the Google format (`: section` lines, then `a b c d` lines) or the
/// MSR/BATS style (`a b c d` lines only, which become one section named after the file).
///
/// Rules (documented in docs/evaluation.md):
/// - blank lines and lines starting with `#` or `//` are skipped;
/// - a line starting with `:` opens a section; a header with no name is an error, and so is a
///   header that follows unsectioned questions (the file mixes the two formats);
/// - a question line must have exactly four words; other lines are counted and skipped (as gensim
///   does), but a file where nothing parses, or most lines do not, is rejected as not an analogy file.
public struct AnalogyQuestionSet: Sendable {
    public var sections: [AnalogySection]
    /// True when the file had `: section` lines (only then is a semantic/syntactic split reported).
    public var hasSections: Bool
    /// Line numbers of skipped lines that were neither a header nor four words.
    public var malformedLines: [Int]

    public var questionCount: Int { sections.reduce(0) { $0 + $1.questions.count } }

    /// Reads `path` (see `TextFile` for compression, byte-order marks and `unicodeErrors`).
    public static func load(_ path: String, unicodeErrors: UnicodeErrors = .replace) throws -> AnalogyQuestionSet {
        try parse(try TextFile.read(path, unicodeErrors: unicodeErrors), name: path)
    }

    public static func parse(_ text: String, name: String) throws -> AnalogyQuestionSet {
        var sections: [AnalogySection] = []
        var unsectioned = AnalogySection(name: (name as NSString).lastPathComponent, questions: [])
        var malformed: [Int] = []
        var nonBlank = 0
        var lineNo = 0
        // Split on any line break: "\r\n" is one Character in Swift, so splitting on "\n" would miss it.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNo += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            nonBlank += 1
            if line.hasPrefix(":") {
                let title = line.drop { $0 == ":" || $0 == " " || $0 == "\t" }.trimmingCharacters(in: .whitespaces)
                guard !title.isEmpty else {
                    throw WordVecError.invalidInput("\(name):\(lineNo): section header without a name (expected `: section-name`)")
                }
                if !unsectioned.questions.isEmpty {
                    throw WordVecError.invalidInput("\(name):\(lineNo): section header `\(line)` after questions that belong to no section; a file either starts with `: section` or has no sections")
                }
                sections.append(AnalogySection(name: title, questions: []))
                continue
            }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 4 else { malformed.append(lineNo); continue }
            let q = AnalogyQuestion(a: String(words[0]), b: String(words[1]), c: String(words[2]), d: String(words[3]), line: lineNo)
            if sections.isEmpty { unsectioned.questions.append(q) } else { sections[sections.count - 1].questions.append(q) }
        }
        let hasSections = !sections.isEmpty
        if !hasSections { sections = [unsectioned] }
        let set = AnalogyQuestionSet(sections: sections, hasSections: hasSections, malformedLines: malformed)
        if set.questionCount == 0 {
            if let first = malformed.first {
                throw WordVecError.invalidInput("\(name):\(first): no analogy questions in the file (a question line is four words `a b c d`; sections start with `: name`)")
            }
            throw WordVecError.invalidInput("\(name): no analogy questions in the file (empty, or only section headers and comments)")
        }
        // A wrong file (a similarity set, a vector file) parses as a few accidental 4-word lines
        // among many others; say so instead of reporting accuracy on the accidents.
        if malformed.count * 2 > nonBlank {
            throw WordVecError.invalidInput("\(name):\(malformed[0]): \(malformed.count) of \(nonBlank) lines are not `a b c d` questions; is this an analogy file?")
        }
        return set
    }
}
