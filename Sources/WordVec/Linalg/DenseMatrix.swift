import CLapack

/// A dense row-major matrix of `Float`, `rowCount × columnCount`: element (i, j) is
/// `values[i * columnCount + j]`. In wordvec a row is usually a word (a vocabulary index) and a
/// column a dimension, a context or a document.
///
/// Products go through BLAS `cblas_sgemm` (OpenBLAS, which uses its own threads; set
/// `OPENBLAS_NUM_THREADS` to bound them). Shapes that do not match are programming errors and
/// stop the program (a precondition, like an array index out of range).
public struct DenseMatrix: Sendable, Equatable {
    /// Number of rows (m).
    public let rowCount: Int
    /// Number of columns (n).
    public let columnCount: Int
    /// The `rowCount * columnCount` elements, row after row.
    public var values: [Float]

    /// A `rowCount × columnCount` matrix of zeros.
    public init(rowCount: Int, columnCount: Int) {
        precondition(rowCount >= 0 && columnCount >= 0, "negative matrix shape")
        self.rowCount = rowCount
        self.columnCount = columnCount
        values = [Float](repeating: 0, count: rowCount * columnCount)
    }

    /// A `rowCount × columnCount` matrix over `values` (row-major, `rowCount * columnCount` long).
    public init(rowCount: Int, columnCount: Int, values: [Float]) {
        precondition(rowCount >= 0 && columnCount >= 0, "negative matrix shape")
        precondition(values.count == rowCount * columnCount,
                     "\(values.count) values for a \(rowCount) × \(columnCount) matrix")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
    }

    /// A matrix from its rows, each `columnCount` long (`columnCount` is taken from the first row;
    /// no rows gives a 0 × 0 matrix).
    public init(rows: [[Float]]) {
        let n = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == n }, "rows of different lengths")
        self.init(rowCount: rows.count, columnCount: n, values: Array(rows.joined()))
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> DenseMatrix {
        var m = DenseMatrix(rowCount: n, columnCount: n)
        for i in 0..<n { m.values[i * n + i] = 1 }
        return m
    }

    /// Element (row, column).
    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columnCount + column] }
        set { values[row * columnCount + column] = newValue }
    }

    /// Row `i` (`columnCount` values), a slice of `values` without copying.
    public func row(_ i: Int) -> ArraySlice<Float> {
        precondition(i >= 0 && i < rowCount, "row \(i) of \(rowCount)")
        return values[(i * columnCount)..<((i + 1) * columnCount)]
    }

    /// Column `j` (`rowCount` values), copied out of the row-major storage.
    public func column(_ j: Int) -> [Float] {
        precondition(j >= 0 && j < columnCount, "column \(j) of \(columnCount)")
        return (0..<rowCount).map { values[$0 * columnCount + j] }
    }

    /// The rows in `range`, as a `range.count × columnCount` matrix.
    public func rows(_ range: Range<Int>) -> DenseMatrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= rowCount, "rows \(range) of \(rowCount)")
        return DenseMatrix(rowCount: range.count, columnCount: columnCount,
                           values: Array(values[(range.lowerBound * columnCount)..<(range.upperBound * columnCount)]))
    }

    /// The columns in `range`, as a `rowCount × range.count` matrix.
    public func columns(_ range: Range<Int>) -> DenseMatrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= columnCount, "columns \(range) of \(columnCount)")
        if range == 0..<columnCount { return self }
        var out = [Float]()
        out.reserveCapacity(rowCount * range.count)
        for i in 0..<rowCount {
            out.append(contentsOf: values[(i * columnCount + range.lowerBound)..<(i * columnCount + range.upperBound)])
        }
        return DenseMatrix(rowCount: rowCount, columnCount: range.count, values: out)
    }

    /// The transpose, `columnCount × rowCount`.
    public func transposed() -> DenseMatrix {
        var out = DenseMatrix(rowCount: columnCount, columnCount: rowCount)
        let (m, n) = (rowCount, columnCount)
        values.withUnsafeBufferPointer { a in
            out.values.withUnsafeMutableBufferPointer { t in
                // Blocks of 32 × 32 keep both sides in cache.
                for i0 in stride(from: 0, to: m, by: 32) {
                    for j0 in stride(from: 0, to: n, by: 32) {
                        for i in i0..<min(i0 + 32, m) {
                            for j in j0..<min(j0 + 32, n) { t[j * m + i] = a[i * n + j] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Multiplies column j by `factors[j]` (`factors.count == columnCount`): A·diag(factors).
    public mutating func scaleColumns(by factors: [Float]) {
        precondition(factors.count == columnCount, "\(factors.count) factors for \(columnCount) columns")
        let n = columnCount
        values.withUnsafeMutableBufferPointer { a in
            factors.withUnsafeBufferPointer { f in
                for i in 0..<rowCount {
                    for j in 0..<n { a[i * n + j] *= f[j] }
                }
            }
        }
    }

    /// Multiplies row i by `factors[i]` (`factors.count == rowCount`): diag(factors)·A.
    public mutating func scaleRows(by factors: [Float]) {
        precondition(factors.count == rowCount, "\(factors.count) factors for \(rowCount) rows")
        let n = columnCount
        values.withUnsafeMutableBufferPointer { a in
            for i in 0..<rowCount where n > 0 {
                cblas_sscal(Int32(n), factors[i], a.baseAddress! + i * n, 1)
            }
        }
    }

    /// The Euclidean (L2) norm of every row (`rowCount` values).
    public func rowNorms() -> [Float] {
        let n = columnCount
        return values.withUnsafeBufferPointer { a in
            (0..<rowCount).map { n == 0 ? 0 : cblas_snrm2(Int32(n), a.baseAddress! + $0 * n, 1) }
        }
    }

    /// The Frobenius norm, sqrt(Σ a_ij²).
    public func frobeniusNorm() -> Float {
        values.isEmpty ? 0 : values.withUnsafeBufferPointer { cblas_snrm2(Int32($0.count), $0.baseAddress, 1) }
    }

    /// A·B (`rowCount × b.columnCount`); needs `columnCount == b.rowCount`. BLAS sgemm.
    public func multiply(_ b: DenseMatrix) -> DenseMatrix {
        DenseMatrix.gemm(self, transposeA: false, b, transposeB: false)
    }

    /// Aᵀ·B (`columnCount × b.columnCount`); needs `rowCount == b.rowCount`. BLAS sgemm, without
    /// forming Aᵀ.
    public func transposedMultiply(_ b: DenseMatrix) -> DenseMatrix {
        DenseMatrix.gemm(self, transposeA: true, b, transposeB: false)
    }

    /// A·Bᵀ (`rowCount × b.rowCount`); needs `columnCount == b.columnCount`. BLAS sgemm, without
    /// forming Bᵀ. With B = A this is the Gram matrix of the rows (all row dot products).
    public func multiplyTransposed(_ b: DenseMatrix) -> DenseMatrix {
        DenseMatrix.gemm(self, transposeA: false, b, transposeB: true)
    }

    /// op(A)·op(B) through `cblas_sgemm` on row-major storage.
    static func gemm(_ a: DenseMatrix, transposeA: Bool, _ b: DenseMatrix, transposeB: Bool) -> DenseMatrix {
        let m = transposeA ? a.columnCount : a.rowCount
        let k = transposeA ? a.rowCount : a.columnCount
        let kb = transposeB ? b.columnCount : b.rowCount
        let n = transposeB ? b.rowCount : b.columnCount
        precondition(k == kb, "matrix product of \(m) × \(k) by \(kb) × \(n)")
        var c = DenseMatrix(rowCount: m, columnCount: n)
        if m == 0 || n == 0 || k == 0 { return c }
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                c.values.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k), 1,
                                pa.baseAddress, Int32(max(a.columnCount, 1)),
                                pb.baseAddress, Int32(max(b.columnCount, 1)),
                                0, pc.baseAddress, Int32(n))
                }
            }
        }
        return c
    }
}
