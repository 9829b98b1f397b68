import Foundation

/// The HAL matrix of Lund & Burgess (1996), H = [Xᵀ | X], V × 2V, never formed: X is the
/// directed co-occurrence matrix (X_ij = Σ over occurrences of i before j at distance d ≤ window
/// of window − d + 1), so row w of H holds w's left context (column c: c came before w,
/// H_wc = X_cw) then its right context (column V + c: c came after w, H_w,V+c = X_wc).
/// Only X (CSR) is stored, and Xᵀ for the SVD products.
public struct HALMatrix: Sendable {
    /// X, V × V: row i, column j = weighted count of i occurring before j.
    public let directed: SparseMatrix

    public init(directed: SparseMatrix) {
        precondition(directed.rowCount == directed.columnCount, "HAL counts must be square, not \(directed.rowCount) × \(directed.columnCount)")
        self.directed = directed
    }

    /// V, the number of words (rows of H).
    public var wordCount: Int { directed.rowCount }

    /// H[w, column] (for tests): column < V is left context, V + c right context.
    public subscript(word: Int, column: Int) -> Float {
        let v = wordCount
        return column < v ? directed[column, word] : directed[word, column - v]
    }

    /// The variance over the V words of each of H's 2V columns (population variance, E[h²] − E[h]²).
    /// Left column c is row c of X; right column c is column c of X.
    public func columnVariances() -> [Double] {
        let v = wordCount, x = directed
        var sums = [Double](repeating: 0, count: 2 * v), squares = [Double](repeating: 0, count: 2 * v)
        for i in 0..<v {
            for p in x.rowStarts[i]..<x.rowStarts[i + 1] {
                let h = Double(x.values[p]), c = Int(x.columns[p])
                sums[i] += h; squares[i] += h * h            // left column i, word c
                sums[v + c] += h; squares[v + c] += h * h    // right column c, word i
            }
        }
        let n = Double(max(v, 1))
        return (0..<(2 * v)).map { j in max(0, squares[j] / n - (sums[j] / n) * (sums[j] / n)) }
    }

    /// The `k` columns of highest variance, in decreasing variance (ties: lower column first).
    public func highestVarianceColumns(_ k: Int) -> [Int] {
        let variance = columnVariances()
        return Array(variance.indices.sorted { variance[$0] != variance[$1] ? variance[$0] > variance[$1] : $0 < $1 }.prefix(k))
    }

    /// H restricted to `columns` (indices into 0..<2V), V × columns.count, dense.
    public func denseColumns(_ columns: [Int]) -> DenseMatrix {
        let v = wordCount, k = columns.count, x = directed
        var out = DenseMatrix(rowCount: v, columnCount: k)
        var rightSlot = [Int](repeating: -1, count: v)
        for (slot, j) in columns.enumerated() {
            if j < v {   // left column j: row j of X, spread over the words that followed j
                for p in x.rowStarts[j]..<x.rowStarts[j + 1] { out.values[Int(x.columns[p]) * k + slot] = x.values[p] }
            } else {
                rightSlot[j - v] = slot
            }
        }
        for i in 0..<v {
            for p in x.rowStarts[i]..<x.rowStarts[i + 1] where rightSlot[Int(x.columns[p])] >= 0 {
                out.values[i * k + rightSlot[Int(x.columns[p])]] = x.values[p]
            }
        }
        return out
    }

    /// The truncated SVD of H (V × 2V) through products with X and Xᵀ only:
    /// H·D = Xᵀ·D_left + X·D_right and Hᵀ·Y = [X·Y; Xᵀ·Y]. Throws as `TruncatedSVD.decompose`.
    public func svd(_ options: TruncatedSVD) throws -> SVDFactors {
        let v = wordCount, x = directed, xt = directed.transposed(), threads = options.threads
        return try options.decompose(rows: v, columns: 2 * v, times: { d in
            var left = xt.multiply(dense: d.rows(0..<v), threads: threads)
            let right = x.multiply(dense: d.rows(v..<(2 * v)), threads: threads)
            for e in 0..<left.values.count { left.values[e] += right.values[e] }
            return left
        }, transposedTimes: { y in
            let top = x.multiply(dense: y, threads: threads), bottom = xt.multiply(dense: y, threads: threads)
            return DenseMatrix(rowCount: 2 * v, columnCount: y.columnCount, values: top.values + bottom.values)
        })
    }
}
