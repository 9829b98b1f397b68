/// The part of a vocabulary an evaluation may use, and how test-set words map onto it.
///
/// This follows gensim's `evaluate_word_analogies` / `evaluate_word_pairs` (4.4.0) exactly:
/// only the first `restrict` rows of the file count (file order, which is frequency order for
/// every trainer here), and with case folding a test word matches a row when both upper-case to
/// the same string; among rows that fold together the *first* (most frequent) one stands for all.
/// Strings are compared by their UTF-8 bytes, as Python compares `str` (see `WordIndex`).
public struct EvalVocabulary: Sendable {
    /// How many rows of the vectors are in play (`restrict` clipped to the vocabulary size).
    public let size: Int
    public let caseFolding: Bool
    /// Folded key -> the first row with that key (byte-exact apart from the folding).
    private let rows: WordIndex
    /// For every row in play, the row that stands for its folded key (itself when case is kept).
    /// Two rows are "the same word" for the evaluation exactly when their canonical rows agree.
    public let canonical: [Int32]

    /// - Parameters:
    ///   - restrict: how many leading rows to use; 0 or anything past the end means all of them.
    public init(words: [String], restrict: Int, caseFolding: Bool) {
        let n = restrict > 0 ? min(restrict, words.count) : words.count
        var rows = WordIndex(capacity: n)
        var canonical = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let key = caseFolding ? words[i].uppercased() : words[i]
            canonical[i] = Int32(rows.insert(key, row: i) ?? i)
        }
        self.size = n
        self.caseFolding = caseFolding
        self.rows = rows
        self.canonical = canonical
    }

    /// The row a test-set word maps to, or nil when it is outside the evaluated vocabulary.
    public func row(of word: String) -> Int? {
        rows[caseFolding ? word.uppercased() : word]
    }
}
