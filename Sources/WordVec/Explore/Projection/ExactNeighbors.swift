import CLapack

/// Exact k-nearest-neighbour search by Euclidean distance: ‖xᵢ − xⱼ‖² = ‖xᵢ‖² + ‖xⱼ‖² − 2xᵢ·xⱼ,
/// the dot products of a block of rows against all rows by one BLAS `sgemm`, then a bounded heap
/// per row. O(n²·d) work, so used up to ~10⁴ points.
enum ExactNeighbors {
    /// The k nearest neighbours of every row of `points` (n × d, 1 ≤ k < n).
    static func graph(_ points: DenseMatrix, k: Int, threads: Int) throws -> NeighborGraph {
        let n = points.rowCount
        precondition(k >= 1 && k < n, "\(k) neighbours of \(n) points")
        var indices = [Int32](repeating: 0, count: n * k)
        var distances = [Float](repeating: 0, count: n * k)
        try indices.withUnsafeMutableBufferPointer { ip in
            try distances.withUnsafeMutableBufferPointer { dp in
                let outI = UncheckedPointer(ip.baseAddress!), outD = UncheckedPointer(dp.baseAddress!)
                try squaredDistanceRows(points, threads: threads) { i, row in
                    var heap = NeighborHeap(dist: outD.p + i * k, idx: outI.p + i * k, capacity: k)
                    for j in 0..<n where j != i {
                        let d2 = row[j]
                        if d2 < heap.bound || (d2 == heap.bound && Int32(j) < heap.idx[0]) { heap.push(d2, Int32(j)) }
                    }
                    heap.sortAscending()
                    for c in 0..<k { outD.p[i * k + c] = max(outD.p[i * k + c], 0).squareRoot() }
                }
            }
        }
        return NeighborGraph(count: n, k: k, indices: indices, distances: distances)
    }

    /// Calls `body(i, row)` for every row i of `points` (n × d) with the squared Euclidean
    /// distances from row i to all n rows (`row[i]` is about 0), on `threads` threads; blocks
    /// of rows share one sgemm.
    static func squaredDistanceRows(_ points: DenseMatrix, threads: Int,
                                    _ body: @escaping (Int, UnsafeMutablePointer<Float>) -> Void) throws {
        let n = points.rowCount, d = points.columnCount
        let norms = points.rowNorms().map { $0 * $0 }
        let block = max(1, min(n, (8 << 20) / max(n, 1)))       // ≤ 32 MB of dot products
        let dots = UnsafeMutablePointer<Float>.allocate(capacity: block * n)
        defer { dots.deallocate() }
        let g = UncheckedPointer(dots)
        for start in stride(from: 0, to: n, by: block) {
            let rows = min(block, n - start)
            points.values.withUnsafeBufferPointer { x in
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(n), Int32(d),
                            -2, x.baseAddress! + start * d, Int32(d), x.baseAddress!, Int32(d),
                            0, dots, Int32(n))
            }
            try Interrupt.check()
            try parallelFor((rows + 15) / 16, threads: threads) { chunk, _ in
                norms.withUnsafeBufferPointer { nn in
                    for r in (chunk * 16)..<min(rows, chunk * 16 + 16) {
                        let row = g.p + r * n, ni = nn[start + r]
                        for j in 0..<n { row[j] += ni + nn[j] }
                        body(start + r, row)
                    }
                }
            }
        }
    }
}
