import CFFTW
import Foundation

/// t-SNE's repulsion by FFT-accelerated interpolation (Linderman, Rachh, Hoskins, Steinerberger &
/// Kluger 2019, "Fast interpolation-based t-SNE", §3; as openTSNE's `negative_gradient_method=
/// "fft"`). The square [min, max]² around the map is cut into B × B boxes (B ≥ 50, about one
/// per unit of map length), each with 3 × 3 equispaced interpolation nodes. Four charges per
/// point, (1, y₁, y₂, ‖y‖²), are spread to the nodes with Lagrange weights, convolved on the
/// node grid with the kernel K(d) = (1 + ‖d‖²)⁻² (a Toeplitz product done as a circular
/// convolution of twice the size through FFTW), and interpolated back. With φ the results:
/// Σⱼ q̃_ij² (yᵢ − yⱼ) = yᵢ φ₁ − (φ_{y₁}, φ_{y₂}) and
/// Z = Σᵢ [(1 + ‖yᵢ‖²) φ₁ − 2 yᵢ·φ_y + φ_{‖y‖²}] − n.
final class FFTRepulsion: @unchecked Sendable {
    static let nodesPerBox = 3
    static let minimumBoxes = 50
    private var plans: FFTPlans?

    deinit { plans?.destroy() }

    /// Σⱼ q̃_ij² (yᵢ − yⱼ) for every point into `force` (2n values); returns Z.
    func forces(_ y: [Double], into force: inout [Double], threads: Int) throws -> Double {
        let n = y.count / 2
        var low = Double.infinity, high = -Double.infinity
        for v in y { low = min(low, v); high = max(high, v) }
        let boxes = FFTRepulsion.boxCount(span: high - low)
        let boxWidth = max(high - low, 1e-12) / Double(boxes)
        let side = boxes * FFTRepulsion.nodesPerBox
        if plans?.side != side { plans?.destroy(); plans = FFTPlans(side: side) }
        let plans = self.plans!
        // Each point's box and Lagrange weights along x and y.
        let grid = InterpolationGrid(y, low: low, boxWidth: boxWidth, boxes: boxes)
        try plans.setKernel(spacing: boxWidth / Double(FFTRepulsion.nodesPerBox))
        try parallelFor(4, threads: threads) { term, _ in
            plans.clear(term)
            grid.spread(term, y, into: plans.real(term), stride: 2 * side)
            plans.convolve(term)
        }
        var phi = [Double](repeating: 0, count: 4 * n)
        try phi.withUnsafeMutableBufferPointer { pb in
            let out = UncheckedPointer(pb.baseAddress!)
            try parallelFor((n + 1023) / 1024, threads: threads) { block, _ in
                for i in (block * 1024)..<min(n, block * 1024 + 1024) {
                    for term in 0..<4 { out.p[4 * i + term] = grid.gather(i, from: plans.real(term), stride: 2 * side) }
                }
            }
        }
        var z = 0.0
        for i in 0..<n {
            let y1 = y[2 * i], y2 = y[2 * i + 1]
            let p0 = phi[4 * i], p1 = phi[4 * i + 1], p2 = phi[4 * i + 2], p3 = phi[4 * i + 3]
            z += (1 + y1 * y1 + y2 * y2) * p0 - 2 * (y1 * p1 + y2 * p2) + p3
            force[2 * i] = y1 * p0 - p1
            force[2 * i + 1] = y2 * p0 - p2
        }
        return z - Double(n)
    }

    /// Boxes per side: one per unit of span, at least 50, rounded up to a size whose node grid
    /// (6·B after doubling) FFTW transforms fast (only factors 2, 3, 5, 7).
    static func boxCount(span: Double) -> Int {
        var b = max(minimumBoxes, Int(span.rounded(.up)))
        while !isSmooth(b) { b += 1 }
        return b
    }

    private static func isSmooth(_ value: Int) -> Bool {
        var v = value
        for f in [2, 3, 5, 7] { while v % f == 0 { v /= f } }
        return v == 1
    }
}

/// Where each point sits on the node grid: its box and 3 + 3 Lagrange weights.
struct InterpolationGrid: Sendable {
    let boxX: [Int32], boxY: [Int32]
    let weightX: [Double], weightY: [Double]     // 3 per point

    init(_ y: [Double], low: Double, boxWidth: Double, boxes: Int) {
        let n = y.count / 2, p = FFTRepulsion.nodesPerBox
        var bx = [Int32](repeating: 0, count: n), by = bx
        var wx = [Double](repeating: 0, count: p * n), wy = wx
        for i in 0..<n {
            for axis in 0..<2 {
                let t = (y[2 * i + axis] - low) / boxWidth
                let b = min(max(Int(t), 0), boxes - 1)
                let w = InterpolationGrid.lagrange(t - Double(b))
                if axis == 0 { bx[i] = Int32(b); for c in 0..<p { wx[p * i + c] = w[c] } }
                else { by[i] = Int32(b); for c in 0..<p { wy[p * i + c] = w[c] } }
            }
        }
        boxX = bx; boxY = by; weightX = wx; weightY = wy
    }

    /// The Lagrange basis of the nodes 1/6, 1/2, 5/6 at position t in [0, 1].
    static func lagrange(_ t: Double) -> [Double] {
        let nodes = [1.0 / 6, 0.5, 5.0 / 6]
        return (0..<3).map { j in
            var v = 1.0
            for m in 0..<3 where m != j { v *= (t - nodes[m]) / (nodes[j] - nodes[m]) }
            return v
        }
    }

    /// The charge of `term` (0: 1, 1: y₁, 2: y₂, 3: ‖y‖²) of point i.
    @inline(__always) static func charge(_ term: Int, _ y: [Double], _ i: Int) -> Double {
        switch term {
        case 0: return 1
        case 1: return y[2 * i]
        case 2: return y[2 * i + 1]
        default: return y[2 * i] * y[2 * i] + y[2 * i + 1] * y[2 * i + 1]
        }
    }

    /// Adds every point's charge of `term` to the node grid (rows of `stride` doubles).
    func spread(_ term: Int, _ y: [Double], into grid: UnsafeMutablePointer<Double>, stride: Int) {
        let p = FFTRepulsion.nodesPerBox
        for i in 0..<boxX.count {
            let q = InterpolationGrid.charge(term, y, i)
            let x0 = Int(boxX[i]) * p, y0 = Int(boxY[i]) * p
            for a in 0..<p {
                let row = grid + (y0 + a) * stride + x0, wa = weightY[p * i + a] * q
                for b in 0..<p { row[b] += wa * weightX[p * i + b] }
            }
        }
    }

    /// Point i's interpolated value of a convolved node grid.
    @inline(__always) func gather(_ i: Int, from grid: UnsafeMutablePointer<Double>, stride: Int) -> Double {
        let p = FFTRepulsion.nodesPerBox
        let x0 = Int(boxX[i]) * p, y0 = Int(boxY[i]) * p
        var s = 0.0
        for a in 0..<p {
            let row = grid + (y0 + a) * stride + x0
            var r = 0.0
            for b in 0..<p { r += weightX[p * i + b] * row[b] }
            s += weightY[p * i + a] * r
        }
        return s
    }
}
