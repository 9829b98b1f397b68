import Foundation

/// UMAP's weighted neighbour graph (McInnes, Healy & Melville 2018, §3.1, Algorithms 2–3; as
/// umap-learn's `fuzzy_simplicial_set` with local_connectivity 1 and set_op_mix_ratio 1).
///
/// For each point i, ρᵢ is the distance to its nearest neighbour (the nearest at a positive
/// distance) and σᵢ is bisected so that Σⱼ exp(−max(0, d_ij − ρᵢ) / σᵢ) = log₂(k) over its k − 1
/// neighbours (k = n_neighbors counts the point itself); σᵢ is at least 10⁻³ of the mean
/// neighbour distance. The directed memberships w_ij = exp(−max(0, d_ij − ρᵢ) / σᵢ) are then
/// made symmetric by the fuzzy union, w_ij + w_ji − w_ij·w_ji.
enum FuzzySimplicialSet {
    /// The symmetric n × n membership matrix of the neighbour graph (its k neighbours per point
    /// exclude the point, so n_neighbors = graph.k + 1).
    static func memberships(_ graph: NeighborGraph, threads: Int) throws -> SparseMatrix {
        let n = graph.count, k = graph.k
        var weights = [Float](repeating: 0, count: n * k)
        let meanAll = graph.distances.reduce(0.0) { $0 + Double($1) } / Double(max(n * (k + 1), 1))
        try weights.withUnsafeMutableBufferPointer { wb in
            let out = UncheckedPointer(wb.baseAddress!)
            try parallelFor((n + 255) / 256, threads: threads) { block, _ in
                for i in (block * 256)..<min(n, block * 256 + 256) {
                    let row = Array(graph.distances[(i * k)..<((i + 1) * k)]).map(Double.init)
                    let (rho, sigma) = smoothDistances(row, meanAll: meanAll)
                    for c in 0..<k {
                        let d = row[c] - rho
                        out.p[i * k + c] = d <= 0 || sigma == 0 ? 1 : Float(exp(-d / sigma))
                    }
                }
            }
        }
        var builder = SparseMatrix.Builder(rowCount: n, columnCount: n)
        for i in 0..<n { builder.count(row: i, entries: k) }
        builder.startFilling()
        for i in 0..<n {
            for (c, j) in graph.neighbors(of: i).enumerated() { builder.add(row: i, column: Int(j), value: weights[i * k + c]) }
        }
        return fuzzyUnion(builder.build(threads: threads))
    }

    /// (ρ, σ) of one point from its neighbour distances (ascending, the point itself excluded).
    static func smoothDistances(_ distances: [Double], meanAll: Double) -> (rho: Double, sigma: Double) {
        let target = log2(Double(distances.count + 1))
        let rho = distances.first { $0 > 0 } ?? 0
        var low = 0.0, high = Double.infinity, mid = 1.0
        for _ in 0..<64 {
            var sum = 0.0
            for d in distances { sum += d - rho > 0 ? exp(-(d - rho) / mid) : 1 }
            if abs(sum - target) < 1e-5 { break }
            if sum > target { high = mid; mid = (low + high) / 2 } else {
                low = mid
                mid = high == .infinity ? mid * 2 : (low + high) / 2
            }
        }
        let mean = rho > 0 ? distances.reduce(0, +) / Double(distances.count + 1) : meanAll
        return (rho, max(mid, 1e-3 * mean))
    }

    /// A + Aᵀ − A∘Aᵀ, both operands CSR with sorted columns; zeros dropped.
    static func fuzzyUnion(_ a: SparseMatrix) -> SparseMatrix {
        let t = a.transposed(), n = a.rowCount
        var starts = [0], columns = [Int32](), values = [Float]()
        columns.reserveCapacity(2 * a.nonzeroCount); values.reserveCapacity(2 * a.nonzeroCount)
        for i in 0..<n {
            var p = a.rowStarts[i], q = t.rowStarts[i]
            let pe = a.rowStarts[i + 1], qe = t.rowStarts[i + 1]
            while p < pe || q < qe {
                let cp = p < pe ? a.columns[p] : Int32.max, cq = q < qe ? t.columns[q] : Int32.max
                let x: Float = cp <= cq ? a.values[p] : 0, y: Float = cq <= cp ? t.values[q] : 0
                let v = x + y - x * y
                if v > 0 { columns.append(min(cp, cq)); values.append(v) }
                if cp <= cq { p += 1 }
                if cq <= cp { q += 1 }
            }
            starts.append(columns.count)
        }
        return SparseMatrix(rowCount: n, columnCount: n, rowStarts: starts, columns: columns, values: values)
    }
}
