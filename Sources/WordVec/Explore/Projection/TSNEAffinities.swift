import Foundation

/// t-SNE's input similarities P (van der Maaten & Hinton 2008, §2; van der Maaten 2014, §4.1):
/// for each point i a Gaussian over its neighbours, p_{j|i} ∝ exp(−β_i‖xᵢ − xⱼ‖²), with β_i
/// found by binary search so that the entropy of p_{·|i} is log(perplexity); then the joint
/// p_ij = (p_{j|i} + p_{i|j}) / 2n, which sums to 1.
enum TSNEAffinities {
    /// The symmetric n × n sparse P over the neighbour graph (each row's neighbours: the
    /// 3·perplexity nearest for Barnes-Hut and FFT, all n − 1 for the exact gradient).
    static func joint(_ graph: NeighborGraph, perplexity: Double, threads: Int) throws -> SparseMatrix {
        let n = graph.count, k = graph.k
        var conditional = [Float](repeating: 0, count: n * k)
        let target = log(min(perplexity, Double(k)))
        try conditional.withUnsafeMutableBufferPointer { out in
            let p = UncheckedPointer(out.baseAddress!)
            try graph.distances.withUnsafeBufferPointer { dist in
                let d = dist.baseAddress!
                try parallelFor((n + 255) / 256, threads: threads) { block, _ in
                    for i in (block * 256)..<min(n, block * 256 + 256) {
                        calibrate(d + i * k, k, entropy: target, into: p.p + i * k)
                    }
                }
            }
        }
        var builder = SparseMatrix.Builder(rowCount: n, columnCount: n)
        for i in 0..<n {
            for j in graph.neighbors(of: i) { builder.count(row: i, column: Int(j)); builder.count(row: Int(j), column: i) }
        }
        builder.startFilling()
        let scale = Float(1 / (2 * Double(n)))
        for i in 0..<n {
            for (c, j) in graph.neighbors(of: i).enumerated() {
                let v = conditional[i * k + c] * scale
                builder.add(row: i, column: Int(j), value: v)
                builder.add(row: Int(j), column: i, value: v)
            }
        }
        return builder.build(threads: threads)
    }

    /// The conditional distribution p_{·|i} over `k` neighbour distances (Euclidean, ascending)
    /// whose Shannon entropy (nats) is `entropy`, written to `out`. Distances are shifted by the
    /// nearest one before exponentiating (the normalised result is unchanged) so far-apart data
    /// does not underflow; β is bisected as openTSNE and sklearn do (tolerance 1e-5, 200 steps).
    static func calibrate(_ distances: UnsafePointer<Float>, _ k: Int, entropy target: Double,
                          into out: UnsafeMutablePointer<Float>) {
        var d2 = [Double](repeating: 0, count: k)
        for c in 0..<k { d2[c] = Double(distances[c]) * Double(distances[c]) }
        let shift = d2.min() ?? 0
        for c in 0..<k { d2[c] -= shift }
        var beta = 1.0, low = -Double.infinity, high = Double.infinity
        var weights = [Double](repeating: 0, count: k)
        for _ in 0..<200 {
            var sum = 0.0, weighted = 0.0
            for c in 0..<k {
                let w = exp(-d2[c] * beta)
                weights[c] = w; sum += w; weighted += w * d2[c]
            }
            let h = log(sum) + beta * weighted / sum
            if abs(h - target) < 1e-5 { break }
            if h > target {
                low = beta
                beta = high == .infinity ? beta * 2 : (beta + high) / 2
            } else {
                high = beta
                beta = low == -.infinity ? beta / 2 : (beta + low) / 2
            }
        }
        let sum = weights.reduce(0, +)
        for c in 0..<k { out[c] = Float(weights[c] / sum) }
    }
}
