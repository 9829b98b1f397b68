/// The `--map-words` file of `wordvec report`: one `word` or `word group` a line (`#` comments),
/// the group naming the colour the word gets on the 2-D maps.
public enum ReportMapWords {
    /// Throws `.invalidInput` naming a line with more than two fields, or an empty file.
    public static func load(_ path: String) throws -> [(word: String, group: String)] {
        let lines = try WordListFile.lines(path)
        let out = try lines.map { line -> (word: String, group: String) in
            guard line.words.count <= 2 else {
                throw WordVecError.invalidInput("\(path):\(line.number): expected `word` or `word group`")
            }
            return (line.words[0], line.words.count == 2 ? line.words[1] : "words")
        }
        guard !out.isEmpty else { throw WordVecError.invalidInput("\(path): no words in the file") }
        return out
    }
}
