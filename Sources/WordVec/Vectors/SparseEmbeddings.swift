/// Sparse word vectors (tf-idf, PPMI, HAL): compressed rows, column indices increasing.
public struct SparseEmbeddings: Sendable {
    public let words: [String]
    public let dim: Int
    /// Row i spans `rowStarts[i]..<rowStarts[i+1]` in `columns` and `values`.
    public let rowStarts: [Int]
    public let columns: [Int32]
    public let values: [Float]
    /// word -> row, byte-exact (see `WordIndex`).
    public let index: WordIndex

    public var count: Int { words.count }

    public init(words: [String], dim: Int, rowStarts: [Int], columns: [Int32], values: [Float]) throws {
        precondition(rowStarts.count == words.count + 1 && columns.count == values.count)
        let index = try WordIndex(words: words)
        self.words = words
        self.dim = dim
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
        self.index = index
    }

    /// The rows of a `words.count × dim` sparse matrix (row i is `words[i]`), leaving out
    /// entries stored as 0. Throws `.invalidInput` for duplicate words (`WordIndex`).
    public init(words: [String], matrix m: SparseMatrix) throws {
        precondition(words.count == m.rowCount, "\(words.count) words for \(m.rowCount) rows")
        var starts = [0], columns = [Int32](), values = [Float]()
        columns.reserveCapacity(m.nonzeroCount)
        values.reserveCapacity(m.nonzeroCount)
        for i in 0..<m.rowCount {
            let r = m.row(i)
            for (c, v) in zip(r.columns, r.values) where v != 0 { columns.append(c); values.append(v) }
            starts.append(columns.count)
        }
        try self.init(words: words, dim: m.columnCount, rowStarts: starts, columns: columns, values: values)
    }

    /// Row i as a dense array of `dim` values.
    public func row(_ i: Int) -> [Float] {
        var r = [Float](repeating: 0, count: dim)
        for j in rowStarts[i]..<rowStarts[i + 1] { r[Int(columns[j])] = values[j] }
        return r
    }

    /// Dot product of rows a and b.
    public func dot(_ a: Int, _ b: Int) -> Float {
        SparseEmbeddings.dot(rowStarts: rowStarts, columns: columns, values: values, a, b)
    }

    /// Dot product of rows a and b of any CSR matrix: a merge of the two sorted column lists.
    @inline(__always)
    public static func dot(rowStarts: [Int], columns: [Int32], values: [Float], _ a: Int, _ b: Int) -> Float {
        var i = rowStarts[a], j = rowStarts[b], s: Float = 0
        while i < rowStarts[a + 1] && j < rowStarts[b + 1] {
            if columns[i] == columns[j] { s += values[i] * values[j]; i += 1; j += 1 }
            else if columns[i] < columns[j] { i += 1 } else { j += 1 }
        }
        return s
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
