import Foundation
import CLapack

/// The one cosine search of wordvec: the first `rows` vectors of a set scaled to unit length,
/// giving every row's cosine with chosen rows or with any query vector. Dense rows are scored
/// by sgemm/sgemv; sparse ones (tf-idf, PPMI: tens of thousands of columns, which would not fit
/// densified) through a column index, never densified. Zero rows stay zero and score 0.
/// Used by `neighbors`, `analogy`, `similarity` and `compare`.
public struct CosineIndex: Sendable {
    /// Rows in play (the first `rows` of the set: `--restrict`).
    public let rows: Int
    public let dim: Int
    /// Dense unit rows, row-major (`rows × dim`); empty for sparse vectors.
    let dense: [Float]
    private let sparse: SparseUnitRows?

    public var isDense: Bool { sparse == nil }

    /// Builds the index over the first `rows` rows (nil: all). Costs one copy of those rows.
    public init(vectors: WordVectors, rows: Int? = nil) {
        let n = min(rows ?? vectors.words.count, vectors.words.count)
        self.rows = n
        self.dim = vectors.dim
        switch vectors {
        case .dense(let e):
            var u = Array(e.vectors.prefix(n * e.dim))
            let d = e.dim
            u.withUnsafeMutableBufferPointer { p in
                for i in 0..<n { VectorMath.normalize(p.baseAddress! + i * d, d) }
            }
            dense = u; sparse = nil
        case .sparse(let s):
            dense = []; sparse = SparseUnitRows(s, rows: n)
        }
    }

    /// `out[k * rows + j]` = cos(row words[k], row j) for every row j in play.
    public func cosines(of words: [Int32], into out: UnsafeMutablePointer<Float>, threads: Int) throws {
        if let sparse {
            let o = UncheckedPointer(out)
            try parallelFor(words.count, threads: threads) { i, _ in sparse.cosines(of: Int(words[i]), into: o.p + i * rows) }
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
    public func cosine(_ i: Int, _ j: Int) -> Float {
        if let sparse { return sparse.dot(i, j) }
        return dense.withUnsafeBufferPointer { VectorMath.dot($0.baseAddress! + i * dim, $0.baseAddress! + j * dim, dim) }
    }

    /// cos(query, row j) for every row in play; `query` has `dim` values (a zero query scores 0).
    public func cosines(toVector query: [Float]) -> [Float] {
        var q = query
        q.withUnsafeMutableBufferPointer { VectorMath.normalize($0.baseAddress!, dim) }
        if let sparse { return (0..<rows).map { sparse.dot(row: $0, dense: q) } }
        var scores = [Float](repeating: 0, count: rows)
        dense.withUnsafeBufferPointer { a in
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(rows), Int32(dim), 1, a.baseAddress, Int32(dim), q, 1, 0, &scores, 1)
        }
        return scores
    }

    /// The `k` rows most similar to row `r` (itself excluded), best first.
    public func nearest(toRow r: Int, k: Int, excluding excluded: Set<Int> = []) throws -> [(row: Int, similarity: Float)] {
        var scores = [Float](repeating: 0, count: rows)
        try scores.withUnsafeMutableBufferPointer { try cosines(of: [Int32(r)], into: $0.baseAddress!, threads: 1) }
        return TopK.select(scores, k: k, excluding: excluded.union([r])).map { ($0, scores[$0]) }
    }

    /// The `k` rows most similar to a query vector, best first.
    public func nearest(toVector query: [Float], k: Int, excluding excluded: Set<Int> = []) -> [(row: Int, similarity: Float)] {
        let scores = cosines(toVector: query)
        return TopK.select(scores, k: k, excluding: excluded).map { ($0, scores[$0]) }
    }
}
