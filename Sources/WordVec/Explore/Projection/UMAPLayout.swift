import Foundation

/// UMAP's layout optimisation (McInnes, Healy & Melville 2018, §3.2 and Algorithm 5; as
/// umap-learn's `optimize_layout_euclidean`): stochastic gradient descent on the fuzzy set
/// cross-entropy between the graph's memberships w and the map's 1 / (1 + a·d^{2b}).
///
/// Edge (i, j) is sampled once every max(w) / w_ij epochs (edges below max(w) / epochs are
/// dropped); a sample pulls i and j together with the attraction −2ab·d^{2(b−1)} / (1 + a·d^{2b})
/// and pushes i away from `negativeSampleRate` random points with the repulsion
/// 2γb / ((0.001 + d²)(1 + a·d^{2b})); each gradient coordinate is clipped to ±4 and scaled by a
/// learning rate falling linearly from its initial value to 0. Threads update the map without
/// locks (Hogwild, as umap-learn's `parallel=True`), so only one thread is reproducible.
struct UMAPLayout {
    let heads: [Int32]
    let tails: [Int32]
    let epochsPerSample: [Float]
    let epochs: Int
    let curve: UMAPCurve
    let negativeSampleRate: Int
    let repulsion: Float
    let learningRate: Float

    init(graph: SparseMatrix, epochs: Int, curve: UMAPCurve, negativeSampleRate: Int, repulsion: Double, learningRate: Double) {
        let top = graph.values.max() ?? 0
        var heads = [Int32](), tails = [Int32](), every = [Float]()
        for i in 0..<graph.rowCount {
            for e in graph.rowStarts[i]..<graph.rowStarts[i + 1] where graph.values[e] >= top / Float(epochs) {
                heads.append(Int32(i)); tails.append(graph.columns[e]); every.append(top / graph.values[e])
            }
        }
        self.heads = heads; self.tails = tails; epochsPerSample = every
        self.epochs = epochs; self.curve = curve; self.negativeSampleRate = negativeSampleRate
        self.repulsion = Float(repulsion); self.learningRate = Float(learningRate)
    }

    /// Runs every epoch on `y` (2n interleaved coordinates).
    func optimize(_ y: inout [Float], seed: UInt64, threads: Int) throws {
        let edges = heads.count, n = y.count / 2
        var nextSample = epochsPerSample
        var nextNegative = epochsPerSample.map { $0 / Float(negativeSampleRate) }
        let chunk = 4096, chunks = (edges + chunk - 1) / chunk
        try y.withUnsafeMutableBufferPointer { yb in
            let yp = UncheckedPointer(yb.baseAddress!)
            try nextSample.withUnsafeMutableBufferPointer { sb in
                try nextNegative.withUnsafeMutableBufferPointer { nb in
                    let sp = UncheckedPointer(sb.baseAddress!), np = UncheckedPointer(nb.baseAddress!)
                    for epoch in 0..<epochs {
                        try Interrupt.check()
                        let alpha = learningRate * (1 - Float(epoch) / Float(epochs))
                        try parallelFor(chunks, threads: threads) { c, _ in
                            var rng = FastRandom(seed: seed &+ UInt64(epoch) &* 0x9E37_79B9 &+ UInt64(c) &* 0x85EB_CA6B)
                            for e in (c * chunk)..<min(edges, c * chunk + chunk) where sp.p[e] <= Float(epoch) {
                                self.sample(e, epoch: epoch, alpha: alpha, y: yp.p, points: n,
                                            nextSample: sp.p, nextNegative: np.p, rng: &rng)
                            }
                        }
                    }
                }
            }
        }
    }

    /// One positive sample of edge e and its negative samples.
    @inline(__always)
    private func sample(_ e: Int, epoch: Int, alpha: Float, y: UnsafeMutablePointer<Float>, points n: Int,
                        nextSample: UnsafeMutablePointer<Float>, nextNegative: UnsafeMutablePointer<Float>,
                        rng: inout FastRandom) {
        let a = Float(curve.a), b = Float(curve.b)
        let i = Int(heads[e]), j = Int(tails[e])
        var (c0, c1) = UMAPLayout.point(y, i)
        let (j0, j1) = UMAPLayout.point(y, j)
        let d0 = c0 - j0, d1 = c1 - j1
        let d2 = d0 * d0 + d1 * d1
        var coefficient: Float = 0
        if d2 > 0 {
            let powB = expf(b * logf(d2))
            coefficient = -2 * a * b * (powB / d2) / (a * powB + 1)
        }
        let g0 = clip(coefficient * d0) * alpha, g1 = clip(coefficient * d1) * alpha
        c0 += g0; c1 += g1
        UMAPLayout.subtract(g0, g1, fromPoint: j, y)
        nextSample[e] += epochsPerSample[e]
        let perNegative = epochsPerSample[e] / Float(negativeSampleRate)
        let negatives = Int((Float(epoch) - nextNegative[e]) / perNegative)
        for _ in 0..<max(negatives, 0) {
            let (k0, k1) = UMAPLayout.point(y, rng.next(below: n))
            let e0 = c0 - k0, e1 = c1 - k1
            let q2 = e0 * e0 + e1 * e1
            if q2 > 0 {
                let powB = expf(b * logf(q2))
                let r = 2 * repulsion * b / ((0.001 + q2) * (a * powB + 1))
                c0 += clip(r * e0) * alpha; c1 += clip(r * e1) * alpha
            }
        }
        UMAPLayout.setPoint(y, i, c0, c1)
        nextNegative[e] += Float(max(negatives, 0)) * perNegative
    }

    // The only code that touches the map's coordinates while threads optimise it: their
    // unsynchronised reads and writes (Hogwild) are confined to these three functions, which
    // the ThreadSanitizer suppressions (sanitizers/tsan.supp) name; see docs/reliability.md.

    /// Point i's coordinates.
    @inline(__always)
    static func point(_ y: UnsafeMutablePointer<Float>, _ i: Int) -> (Float, Float) { (y[2 * i], y[2 * i + 1]) }

    /// Point i −= (g0, g1).
    @inline(__always)
    static func subtract(_ g0: Float, _ g1: Float, fromPoint i: Int, _ y: UnsafeMutablePointer<Float>) {
        y[2 * i] -= g0; y[2 * i + 1] -= g1
    }

    /// Point i = (c0, c1).
    @inline(__always)
    static func setPoint(_ y: UnsafeMutablePointer<Float>, _ i: Int, _ c0: Float, _ c1: Float) {
        y[2 * i] = c0; y[2 * i + 1] = c1
    }

    @inline(__always) private func clip(_ v: Float) -> Float { min(max(v, -4), 4) }
}
