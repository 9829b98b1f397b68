/// Finds the rows of test words (bias word lists, positive pairs, report words) in a vector
/// set: a word is looked up byte-exact, then lower-cased (the default lists are written as in
/// their papers, e.g. `Mary`, `NASA`, and most vector files trained here are lower-case).
/// Words found in neither form are collected in `unknown`, in the order first asked, so that
/// every command can list them instead of dropping them silently.
public struct WordLookup: Sendable {
    public let index: WordIndex
    /// Only the first `limit` rows count (0: all), as `--restrict` elsewhere.
    public let limit: Int
    /// The words asked for that are not in the (restricted) vocabulary, without repeats.
    public private(set) var unknown: [String] = []
    private var unknownSeen = Set<String>()

    public init(index: WordIndex, limit: Int = 0) {
        self.index = index
        self.limit = limit
    }

    /// The row of `word` (exact, else lower-cased), or nil (and `word` recorded as unknown).
    public mutating func row(_ word: String) -> Int? {
        if let r = find(word) { return r }
        if unknownSeen.insert(word).inserted { unknown.append(word) }
        return nil
    }

    /// The rows of the words that are known, in order; the others are recorded as unknown.
    public mutating func rows(_ words: [String]) -> [Int] {
        words.compactMap { row($0) }
    }

    private func find(_ word: String) -> Int? {
        for w in [word, word.lowercased()] {
            if let r = index[w], limit <= 0 || r < limit { return r }
        }
        return nil
    }
}
