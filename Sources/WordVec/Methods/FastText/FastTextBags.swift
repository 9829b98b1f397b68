/// Each vocabulary word's bag of input rows — its own row, then the rows of its character
/// n-grams (words + bucket) — laid out flat, computed once before training as fastText's
/// `Dictionary::initNgrams`. The hidden vector of a word is the mean of its bag's rows.
struct FastTextBags: Sendable {
    /// Rows of word i: `rows[offsets[i]..<offsets[i + 1]]`.
    let offsets: [Int]
    let rows: [Int32]
    /// The largest bag.
    let maxSize: Int

    init(words: [String], ngrams: FastTextNgrams) {
        var offsets = [0], rows: [Int32] = []
        var maxSize = 1
        for (i, w) in words.enumerated() {
            rows.append(Int32(i))
            for b in ngrams.buckets(w) { rows.append(Int32(words.count + b)) }
            offsets.append(rows.count)
            maxSize = max(maxSize, offsets[i + 1] - offsets[i])
        }
        self.offsets = offsets
        self.rows = rows
        self.maxSize = maxSize
    }

    @inline(__always)
    func bag(_ word: Int32) -> (start: Int, end: Int) { (offsets[Int(word)], offsets[Int(word) + 1]) }
}
