import Foundation

/// Dense word vectors: the one type every trainer returns and every evaluator takes.
/// Row i (contiguous Float32, `dim` wide) belongs to `words[i]`; rows are in vocabulary order
/// (most frequent first), which is what `--restrict N` relies on.
public struct Embeddings: Sendable {
    public let words: [String]
    public let dim: Int
    /// Row-major, `words.count * dim` values.
    public var vectors: [Float]
    /// word -> row, byte-exact (see `WordIndex`).
    public let index: WordIndex

    public var count: Int { words.count }

    public init(words: [String], dim: Int, vectors: [Float]) throws {
        precondition(vectors.count == words.count * dim, "vectors must hold words.count * dim values")
        let index = try WordIndex(words: words)
        self.words = words
        self.dim = dim
        self.vectors = vectors
        self.index = index
    }

    /// The row of `word`, or nil when it is not in the vocabulary.
    public func vector(_ word: String) -> [Float]? {
        guard let i = index[word] else { return nil }
        return row(i)
    }

    public func row(_ i: Int) -> [Float] { Array(vectors[(i * dim)..<((i + 1) * dim)]) }

    /// A copy with every row scaled to unit length (zero rows stay zero).
    public func normalized() -> Embeddings {
        var copy = self
        copy.vectors.withUnsafeMutableBufferPointer { v in
            for i in 0..<count { VectorMath.normalize(v.baseAddress! + i * dim, dim) }
        }
        return copy
    }

    /// The first `n` rows (the n most frequent words when rows are in vocabulary order).
    public func prefix(_ n: Int) -> Embeddings {
        let k = min(n, count)
        return try! Embeddings(words: Array(words.prefix(k)), dim: dim, vectors: Array(vectors.prefix(k * dim)))
    }
}
