/// A map from words to rows that compares and hashes words by their UTF-8 bytes, as word2vec.c,
/// fastText and gensim do. (Swift's `String ==` and `Dictionary<String, _>` use canonical
/// equivalence, which would make NFC `café` and NFD `café` one word.) Merging equivalent
/// spellings is the tokenizer's job, and only when asked (`--normalize`).
public struct WordIndex: Sendable, Equatable {
    /// A word compared by its bytes.
    struct Key: Hashable, Sendable {
        let word: String

        static func == (a: Key, b: Key) -> Bool { a.word.utf8.elementsEqual(b.word.utf8) }

        func hash(into hasher: inout Hasher) {
            var w = word
            w.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private var rows: [Key: Int] = [:]

    /// An empty index with room for `capacity` words.
    public init(capacity: Int = 0) { rows.reserveCapacity(capacity) }

    /// Word i → row i.
    /// - Throws: `WordVecError.invalidInput` naming the word, both rows (1-based) and `place`
    ///   when two words have the same bytes.
    public init(words: [String], place: String = "the vectors") throws {
        self.init(capacity: words.count)
        for (i, w) in words.enumerated() {
            if let first = insert(w, row: i) {
                throw WordVecError.invalidInput("duplicate word '\(w)' in \(place) (rows \(first + 1) and \(i + 1))")
            }
        }
    }

    public var count: Int { rows.count }

    /// The row of `word` (byte-exact), or nil.
    public subscript(word: String) -> Int? { rows[Key(word: word)] }

    /// Adds `word` at `row` unless it is present; returns the row it already had (then nothing changes).
    @discardableResult
    public mutating func insert(_ word: String, row: Int) -> Int? {
        let key = Key(word: word)
        if let existing = rows[key] { return existing }
        rows[key] = row
        return nil
    }
}
