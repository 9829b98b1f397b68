/// Sparse word vectors (tf-idf, PPMI, HAL): compressed rows, column indices increasing.
public struct SparseEmbeddings: Sendable {
    public let words: [String]
    public let dim: Int
    /// Row i spans `rowStarts[i]..<rowStarts[i+1]` in `columns` and `values`.
    public let rowStarts: [Int]
    public let columns: [Int32]
    public let values: [Float]
    public let index: [String: Int]

    public var count: Int { words.count }

    public init(words: [String], dim: Int, rowStarts: [Int], columns: [Int32], values: [Float]) throws {
        precondition(rowStarts.count == words.count + 1 && columns.count == values.count)
        var index: [String: Int] = [:]
        for (i, w) in words.enumerated() where index.updateValue(i, forKey: w) != nil {
            throw WordVecError.invalidInput("duplicate word '\(w)' in the vectors")
        }
        self.words = words
        self.dim = dim
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
        self.index = index
    }

    /// The dense copy (only sensible when count * dim fits in memory).
    public func dense() -> Embeddings {
        var v = [Float](repeating: 0, count: count * dim)
        for r in 0..<count {
            for j in rowStarts[r]..<rowStarts[r + 1] { v[r * dim + Int(columns[j])] = values[j] }
        }
        return try! Embeddings(words: words, dim: dim, vectors: v)
    }
}
