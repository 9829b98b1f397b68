import Foundation
import CLapack

/// The first `rows` vectors of a file scaled to unit length, able to give every row's cosine with
/// a few chosen rows at once: dense vectors by one sgemm, sparse ones (tf-idf, PPMI: tens of
/// thousands of columns, which would not fit densified) through a column index.
struct CosineSource {
    let rows: Int
    let dim: Int
    /// Dense unit rows, row-major (`rows * dim`); empty for sparse vectors.
    let dense: [Float]
    let isDense: Bool
    private let sparse: SparseUnitRows?

    init(vectors: WordVectors, rows: Int) {
        self.rows = rows
        self.dim = vectors.dim
        switch vectors {
        case .dense(let e):
            var u = Array(e.vectors.prefix(rows * e.dim))
            let d = e.dim
            u.withUnsafeMutableBufferPointer { p in
                for i in 0..<rows { VectorMath.normalize(p.baseAddress! + i * d, d) }
            }
            dense = u; isDense = true; sparse = nil
        case .sparse(let s):
            dense = []; isDense = false; sparse = SparseUnitRows(s, rows: rows)
        }
    }

    /// `out[k * rows + j]` = cos(row words[k], row j) for every row j in play.
    func cosines(of words: [Int32], into out: UnsafeMutablePointer<Float>, threads: Int) throws {
        if let sparse {
            let o = UncheckedPointer(out)
            let t = min(threads, max(1, words.count))
            try runOnThreads(t) { k in
                var i = k
                while i < words.count { sparse.cosines(of: Int(words[i]), into: o.p + i * rows); i += t }
            }
            return
        }
        var w = [Float](repeating: 0, count: words.count * dim)
        dense.withUnsafeBufferPointer { u in
            for (i, r) in words.enumerated() {
                let src = u.baseAddress! + Int(r) * dim
                for k in 0..<dim { w[i * dim + k] = src[k] }
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(words.count), Int32(rows), Int32(dim),
                        1, w, Int32(dim), u.baseAddress, Int32(dim), 0, out, Int32(rows))
        }
    }

    /// The cosine of two rows in play.
    func cosine(_ i: Int, _ j: Int) -> Float {
        if let sparse { return sparse.dot(i, j) }
        return dense.withUnsafeBufferPointer { VectorMath.dot($0.baseAddress! + i * dim, $0.baseAddress! + j * dim, dim) }
    }
}

/// Unit-length sparse rows kept twice: by row (CSR, to walk a query's nonzeros) and by column
/// (CSC, to add a query nonzero's contribution to every row that shares the column).
private struct SparseUnitRows {
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

    func dot(_ a: Int, _ b: Int) -> Float {
        SparseEmbeddings.dot(rowStarts: rowStarts, columns: columns, values: values, a, b)
    }
}
