/// Unit-length sparse rows kept twice: by row (CSR, to walk a query's nonzeros) and by column
/// (CSC, to add a query nonzero's contribution to every row that shares the column).
struct SparseUnitRows {
    let rows: Int
    let rowStarts: [Int]
    let columns: [Int32]
    let values: [Float]
    let colStarts: [Int]
    let colRows: [Int32]
    let colValues: [Float]

    init(_ s: SparseEmbeddings, rows: Int) {
        self.rows = rows
        let end = s.rowStarts[rows]
        var values = Array(s.values[0..<end])
        for r in 0..<rows {
            let span = s.rowStarts[r]..<s.rowStarts[r + 1]
            var norm: Float = 0
            for j in span { norm += values[j] * values[j] }
            if norm > 0 { let inv = 1 / norm.squareRoot(); for j in span { values[j] *= inv } }
        }
        var counts = [Int](repeating: 0, count: s.dim + 1)
        for j in 0..<end { counts[Int(s.columns[j]) + 1] += 1 }
        for c in 0..<s.dim { counts[c + 1] += counts[c] }
        var next = counts
        var colRows = [Int32](repeating: 0, count: end), colValues = [Float](repeating: 0, count: end)
        for r in 0..<rows {
            for j in s.rowStarts[r]..<s.rowStarts[r + 1] {
                let c = Int(s.columns[j])
                colRows[next[c]] = Int32(r); colValues[next[c]] = values[j]
                next[c] += 1
            }
        }
        self.rowStarts = Array(s.rowStarts[0...rows])
        self.columns = Array(s.columns[0..<end])
        self.values = values
        self.colStarts = counts
        self.colRows = colRows
        self.colValues = colValues
    }

    func cosines(of r: Int, into out: UnsafeMutablePointer<Float>) {
        out.initialize(repeating: 0, count: rows)
        for j in rowStarts[r]..<rowStarts[r + 1] {
            let c = Int(columns[j]), v = values[j]
            for k in colStarts[c]..<colStarts[c + 1] { out[Int(colRows[k])] += v * colValues[k] }
        }
    }

    /// Row r · a dense vector of `dim` values.
    func dot(row r: Int, dense q: [Float]) -> Float {
        var s: Float = 0
        for j in rowStarts[r]..<rowStarts[r + 1] { s += values[j] * q[Int(columns[j])] }
        return s
    }

    func dot(_ a: Int, _ b: Int) -> Float {
        SparseEmbeddings.dot(rowStarts: rowStarts, columns: columns, values: values, a, b)
    }
}
