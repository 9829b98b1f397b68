import Foundation

/// The co-occurrence matrix X of a corpus as a CSR `SparseMatrix`, with its marginals: the
/// input of the count methods (PPMI, PPMI-SVD, HAL). `counts` is V × V (V words, vocabulary
/// order): row i is word i, column j the context word j, X_ij the weighted count. Symmetric
/// counts are stored in full (X_ij and X_ji both); asymmetric counts (`symmetric: false`) hold
/// X_ij = weighted count of i occurring *before* j within the window.
///
/// Built from `CooccurrenceCounts` in two merges of the counted runs (`SparseMatrix.Builder`'s
/// two passes): the first counts each row's entries and sums the marginals, the second fills.
/// Memory: 8 bytes per stored entry and a few arrays of V; never a dense V × V matrix.
public struct CooccurrenceMatrix: Sendable {
    /// X, V × V (rows: words; columns: context words), weighted counts as `Float`.
    public var counts: SparseMatrix
    /// #w = Σ_j X_wj for every word (V values), summed in `Double` from the exact counts.
    public let rowSums: [Double]
    /// #c = Σ_i X_ic for every context word (V values); equal to `rowSums` for symmetric counts.
    public let columnSums: [Double]

    /// The matrix and marginals of `counts`. Rows are sorted and duplicates (none arrive from a
    /// merged stream) summed on `threads` threads. Throws what reading spilled runs throws
    /// (`.unreadable`, `.interrupted`).
    public init(_ counts: CooccurrenceCounts, threads: Int = 1, progress: ProgressReporter? = nil) throws {
        let v = counts.vocabulary.count
        var builder = SparseMatrix.Builder(rowCount: v, columnCount: v)
        var rows = [Double](repeating: 0, count: v)
        var columns = [Double](repeating: 0, count: v)
        try counts.forEachCell(progress: progress) { i, j, x in
            builder.count(row: i, column: j)
            rows[i] += x
            columns[j] += x
        }
        builder.startFilling()
        try counts.forEachCell(progress: progress) { i, j, x in builder.add(row: i, column: j, value: Float(x)) }
        self.counts = builder.build(threads: threads)
        rowSums = rows
        columnSums = columns
    }

    /// N = Σ_ij X_ij, the total weighted count.
    public var total: Double { rowSums.reduce(0, +) }
}
