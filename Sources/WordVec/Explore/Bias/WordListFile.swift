import Foundation

/// The word-list files that override `BiasWordLists` (`wordvec bias --pairs F --occupations F
/// --weat F`, `convert --debias-pairs F …`). UTF-8 text read like every input (compressed, `-`,
/// …); `#` starts a comment; words are separated by blanks.
public enum WordListFile {
    /// Every word of the file. Throws when it has none.
    public static func words(_ path: String) throws -> [String] {
        let words = try lines(path).flatMap { $0.words }
        guard !words.isEmpty else { throw WordVecError.invalidInput("\(path): no words in the file") }
        return words
    }

    /// One pair a line, `first second`. Throws naming the first line that is not two words.
    public static func pairs(_ path: String) throws -> [(String, String)] {
        let pairs = try lines(path).map { line -> (String, String) in
            guard line.words.count == 2 else {
                throw WordVecError.invalidInput("\(path):\(line.number): expected two words, found \(line.words.count)")
            }
            return (line.words[0], line.words[1])
        }
        guard !pairs.isEmpty else { throw WordVecError.invalidInput("\(path): no word pairs in the file") }
        return pairs
    }

    /// WEAT sets: lines `X: words…`, `Y: …`, `A: …`, `B: …` (targets X, Y; attributes A, B),
    /// optionally `name: …`; a set may continue over several lines with the same label.
    public static func weat(_ path: String) throws -> BiasWordLists.WEATSets {
        var sets: [String: [String]] = [:]
        var name = (path as NSString).lastPathComponent
        for line in try lines(path) {
            guard let label = line.words.first, label.hasSuffix(":") else {
                throw WordVecError.invalidInput("\(path):\(line.number): expected `X:`, `Y:`, `A:`, `B:` or `name:` and words")
            }
            let key = String(label.dropLast())
            if key == "name" { name = line.words.dropFirst().joined(separator: " "); continue }
            guard ["X", "Y", "A", "B"].contains(key) else {
                throw WordVecError.invalidInput("\(path):\(line.number): unknown set '\(key)' (X, Y, A, B or name)")
            }
            sets[key, default: []] += line.words.dropFirst()
        }
        for key in ["X", "Y", "A", "B"] where sets[key, default: []].isEmpty {
            throw WordVecError.invalidInput("\(path): the WEAT set \(key) has no words")
        }
        return BiasWordLists.WEATSets(name: name, x: sets["X"]!, y: sets["Y"]!, a: sets["A"]!, b: sets["B"]!)
    }

    struct Line { var number: Int; var words: [String] }

    /// The non-blank lines (comments removed), split into words.
    static func lines(_ path: String) throws -> [Line] {
        let text = try TextFile.read(path)
        var out: [Line] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if !words.isEmpty { out.append(Line(number: i + 1, words: words)) }
        }
        return out
    }
}
