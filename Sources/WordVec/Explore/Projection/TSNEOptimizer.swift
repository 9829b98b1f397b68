import Foundation

/// t-SNE's gradient descent (openTSNE's `gradient_descent`): momentum, per-coordinate gains
/// (+0.2 when the gradient's sign flips against the last step, ×0.8 otherwise, at least 0.01),
/// each point's step clipped to norm 5, and the map re-centred after every step.
struct TSNEOptimizer {
    let p: SparseMatrix
    let repulsion: TSNERepulsion
    let threads: Int
    private var update: [Double] = []
    private var gains: [Double] = []
    private var gradient: [Double] = []

    init(p: SparseMatrix, repulsion: TSNERepulsion, threads: Int) {
        self.p = p
        self.repulsion = repulsion
        self.threads = threads
        update = [Double](repeating: 0, count: 2 * p.rowCount)
        gains = [Double](repeating: 1, count: 2 * p.rowCount)
        gradient = update
    }

    /// `iterations` steps on `y` (2n interleaved coordinates) with P multiplied by `exaggeration`.
    mutating func run(_ y: inout [Double], iterations: Int, exaggeration: Double, momentum: Double,
                      learningRate: Double) throws {
        let n = p.rowCount
        for _ in 0..<iterations {
            try Interrupt.check()
            try repulsion.negativeGradient(y, into: &gradient, threads: threads)
            try attract(y, exaggeration: exaggeration)
            step(&y, momentum: momentum, learningRate: learningRate)
            var mx = 0.0, my = 0.0
            for i in 0..<n { mx += y[2 * i]; my += y[2 * i + 1] }
            mx /= Double(n); my /= Double(n)
            for i in 0..<n { y[2 * i] -= mx; y[2 * i + 1] -= my }
            guard y[0].isFinite && y[1].isFinite else {
                throw WordVecError.diverged("t-SNE diverged (non-finite coordinates); try a smaller --learning-rate")
            }
        }
    }

    /// Adds the attraction exaggeration·Σⱼ p_ij q̃_ij (yᵢ − yⱼ) to `gradient`, which holds the
    /// repulsion (already negated).
    private mutating func attract(_ y: [Double], exaggeration: Double) throws {
        let n = p.rowCount
        try gradient.withUnsafeMutableBufferPointer { g in
            let out = UncheckedPointer(g.baseAddress!)
            try y.withUnsafeBufferPointer { yb in
                let yp = yb.baseAddress!
                try p.rowStarts.withUnsafeBufferPointer { starts in
                    try p.columns.withUnsafeBufferPointer { cols in
                        try p.values.withUnsafeBufferPointer { vals in
                            try parallelFor((n + 511) / 512, threads: threads) { block, _ in
                                for i in (block * 512)..<min(n, block * 512 + 512) {
                                    let yi0 = yp[2 * i], yi1 = yp[2 * i + 1]
                                    var f0 = 0.0, f1 = 0.0
                                    for e in starts[i]..<starts[i + 1] {
                                        let j = Int(cols[e])
                                        let d0 = yi0 - yp[2 * j], d1 = yi1 - yp[2 * j + 1]
                                        let w = Double(vals[e]) / (1 + d0 * d0 + d1 * d1)
                                        f0 += w * d0; f1 += w * d1
                                    }
                                    out.p[2 * i] += exaggeration * f0
                                    out.p[2 * i + 1] += exaggeration * f1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One momentum step with gains; the step of each point is clipped to norm 5.
    private mutating func step(_ y: inout [Double], momentum: Double, learningRate: Double) {
        let n = p.rowCount
        for i in 0..<n {
            var s0 = 0.0, s1 = 0.0
            for c in 0..<2 {
                let e = 2 * i + c
                let g = gradient[e]
                gains[e] = g * update[e] < 0 ? gains[e] + 0.2 : max(gains[e] * 0.8, 0.01)
                let u = momentum * update[e] - learningRate * gains[e] * g
                if c == 0 { s0 = u } else { s1 = u }
            }
            let norm = (s0 * s0 + s1 * s1).squareRoot()
            if norm > 5 { s0 *= 5 / norm; s1 *= 5 / norm }
            update[2 * i] = s0; update[2 * i + 1] = s1
            y[2 * i] += s0; y[2 * i + 1] += s1
        }
    }
}
