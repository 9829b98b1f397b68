import Foundation

/// A sparse matrix of `Float` in compressed sparse row (CSR) form, `rowCount × columnCount`.
///
/// Row i holds the entries `rowStarts[i]..<rowStarts[i + 1]` of `columns` (column indices,
/// strictly increasing within a row) and `values`. In wordvec a row is a word and a column a
/// context word or a document: the co-occurrence, PPMI and tf-idf matrices of the count-based
/// methods. Build one from unordered triplets with `SparseMatrix.Builder`.
///
/// Shapes or indices that do not match are programming errors and stop the program (a
/// precondition), like an array index out of range.
public struct SparseMatrix: Sendable, Equatable {
    /// Number of rows (m), usually words.
    public let rowCount: Int
    /// Number of columns (n), usually contexts or documents.
    public let columnCount: Int
    /// `rowCount + 1` offsets into `columns`/`values`; `rowStarts[0] == 0`,
    /// `rowStarts[rowCount] == nonzeroCount`.
    public private(set) var rowStarts: [Int]
    /// The column index of every stored entry, increasing within each row.
    public private(set) var columns: [Int32]
    /// The value of every stored entry.
    public var values: [Float]

    /// A matrix over CSR arrays that are already valid (column indices in range and strictly
    /// increasing within each row; checked).
    public init(rowCount: Int, columnCount: Int, rowStarts: [Int], columns: [Int32], values: [Float]) {
        precondition(rowCount >= 0 && columnCount >= 0 && columnCount <= Int(Int32.max), "matrix shape \(rowCount) × \(columnCount)")
        precondition(rowStarts.count == rowCount + 1 && rowStarts.first == 0 && rowStarts.last == columns.count,
                     "rowStarts must have rowCount + 1 offsets from 0 to the entry count")
        precondition(columns.count == values.count, "\(columns.count) columns but \(values.count) values")
        for i in 0..<rowCount {
            precondition(rowStarts[i] <= rowStarts[i + 1], "rowStarts decreases at row \(i)")
            var previous: Int32 = -1
            for p in rowStarts[i]..<rowStarts[i + 1] {
                precondition(columns[p] > previous && Int(columns[p]) < columnCount,
                             "row \(i): column \(columns[p]) out of order or out of range")
                previous = columns[p]
            }
        }
        self.init(unchecked: rowCount, columnCount, rowStarts, columns, values)
    }

    /// A matrix over CSR arrays the caller has made valid (nothing is checked).
    init(unchecked rowCount: Int, _ columnCount: Int, _ rowStarts: [Int], _ columns: [Int32], _ values: [Float]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
    }

    /// A `rowCount × columnCount` matrix from (row, column, value) triplets in any order;
    /// duplicates are summed (through `Builder`).
    public init(rowCount: Int, columnCount: Int, triplets: [(row: Int, column: Int, value: Float)]) {
        var builder = Builder(rowCount: rowCount, columnCount: columnCount)
        for t in triplets { builder.count(row: t.row, column: t.column) }
        builder.startFilling()
        for t in triplets { builder.add(row: t.row, column: t.column, value: t.value) }
        self = builder.build()
    }

    /// The sparse form of a dense matrix, keeping the entries that are not zero.
    public init(_ dense: DenseMatrix) {
        var starts = [0], cols = [Int32](), vals = [Float]()
        for i in 0..<dense.rowCount {
            for (j, v) in dense.row(i).enumerated() where v != 0 { cols.append(Int32(j)); vals.append(v) }
            starts.append(cols.count)
        }
        self.init(unchecked: dense.rowCount, dense.columnCount, starts, cols, vals)
    }

    /// The number of stored entries.
    public var nonzeroCount: Int { values.count }

    /// The stored entries of row i: column indices (increasing) and values, as slices without copying.
    public func row(_ i: Int) -> (columns: ArraySlice<Int32>, values: ArraySlice<Float>) {
        precondition(i >= 0 && i < rowCount, "row \(i) of \(rowCount)")
        let r = rowStarts[i]..<rowStarts[i + 1]
        return (columns[r], values[r])
    }

    /// Element (row, column), 0 when it is not stored (a binary search in the row).
    public subscript(row: Int, column: Int) -> Float {
        let r = self.row(row)
        var lo = r.columns.startIndex, hi = r.columns.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(r.columns[mid]) < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < r.columns.endIndex && Int(r.columns[lo]) == column ? r.values[lo] : 0
    }

    /// The dense copy, `rowCount × columnCount` (for tests and small matrices only).
    public func densified() -> DenseMatrix {
        var d = DenseMatrix(rowCount: rowCount, columnCount: columnCount)
        for i in 0..<rowCount {
            for p in rowStarts[i]..<rowStarts[i + 1] { d.values[i * columnCount + Int(columns[p])] = values[p] }
        }
        return d
    }

    /// The transpose, `columnCount × rowCount`, in CSR (equivalently, this matrix in CSC): one
    /// counting pass and one scatter pass, O(nonzeros + rows + columns). Columns of the result
    /// come out increasing because rows are scanned in order.
    public func transposed() -> SparseMatrix {
        precondition(rowCount <= Int(Int32.max), "\(rowCount) rows do not fit Int32 column indices")
        var starts = [Int](repeating: 0, count: columnCount + 1)
        for c in columns { starts[Int(c) + 1] += 1 }
        for j in 0..<columnCount { starts[j + 1] += starts[j] }
        var next = starts
        var tColumns = [Int32](repeating: 0, count: nonzeroCount)
        var tValues = [Float](repeating: 0, count: nonzeroCount)
        for i in 0..<rowCount {
            for p in rowStarts[i]..<rowStarts[i + 1] {
                let j = Int(columns[p])
                tColumns[next[j]] = Int32(i)
                tValues[next[j]] = values[p]
                next[j] += 1
            }
        }
        return SparseMatrix(unchecked: columnCount, rowCount, starts, tColumns, tValues)
    }

    /// Multiplies row i by `factors[i]` (`factors.count == rowCount`): diag(factors)·A.
    public mutating func scaleRows(by factors: [Float]) {
        precondition(factors.count == rowCount, "\(factors.count) factors for \(rowCount) rows")
        for i in 0..<rowCount {
            let f = factors[i]
            for p in rowStarts[i]..<rowStarts[i + 1] { values[p] *= f }
        }
    }

    /// Multiplies column j by `factors[j]` (`factors.count == columnCount`): A·diag(factors).
    public mutating func scaleColumns(by factors: [Float]) {
        precondition(factors.count == columnCount, "\(factors.count) factors for \(columnCount) columns")
        for p in 0..<nonzeroCount { values[p] *= factors[Int(columns[p])] }
    }

    /// The dot product of rows i and j (a merge of two sorted index lists).
    public func rowDot(_ i: Int, _ j: Int) -> Float {
        rowDot(i, other: self, j)
    }

    /// The dot product of row i of this matrix and row j of `other` (same `columnCount`).
    public func rowDot(_ i: Int, other: SparseMatrix, _ j: Int) -> Float {
        precondition(columnCount == other.columnCount, "rows of \(columnCount) and \(other.columnCount) columns")
        let a = row(i), b = other.row(j)
        var p = a.columns.startIndex, q = b.columns.startIndex
        var sum: Float = 0
        while p < a.columns.endIndex && q < b.columns.endIndex {
            let cp = a.columns[p], cq = b.columns[q]
            if cp == cq { sum += a.values[p] * b.values[q]; p += 1; q += 1 } else if cp < cq { p += 1 } else { q += 1 }
        }
        return sum
    }

    /// The Euclidean (L2) norm of every row (`rowCount` values; 0 for an empty row).
    public func rowNorms() -> [Float] {
        (0..<rowCount).map { i in
            var s: Float = 0
            for p in rowStarts[i]..<rowStarts[i + 1] { s += values[p] * values[p] }
            return s.squareRoot()
        }
    }

    /// The sum of every column (`columnCount` values): the column marginals of a count matrix.
    public func columnSums() -> [Float] {
        var sums = [Float](repeating: 0, count: columnCount)
        for p in 0..<nonzeroCount { sums[Int(columns[p])] += values[p] }
        return sums
    }

    /// The sum of every row (`rowCount` values): the row marginals of a count matrix.
    public func rowSums() -> [Float] {
        (0..<rowCount).map { i in values[rowStarts[i]..<rowStarts[i + 1]].reduce(0, +) }
    }

    /// The Frobenius norm, sqrt(Σ a_ij²).
    public func frobeniusNorm() -> Float {
        var s: Double = 0
        for v in values { s += Double(v) * Double(v) }
        return Float(s.squareRoot())
    }
}
