import Foundation

/// The repulsive half of t-SNE's gradient, −(1/Z) Σⱼ q̃_ij² (yᵢ − yⱼ) with
/// Z = Σ_{i≠j} q̃_ij and q̃_ij = (1 + ‖yᵢ − yⱼ‖²)⁻¹, by one of three methods.
enum TSNERepulsion {
    case exact
    case barnesHut(theta: Double)
    case fft(FFTRepulsion)

    init(method: TSNEGradientMethod, theta: Double, points: Int) {
        switch method {
        case .exact, .auto: self = .exact
        case .barnesHut: self = .barnesHut(theta: theta)
        case .fft: self = .fft(FFTRepulsion())
        }
    }

    /// Writes the repulsion of every point (2n interleaved values) into `out`, overwriting it.
    func negativeGradient(_ y: [Double], into out: inout [Double], threads: Int) throws {
        let n = y.count / 2
        var force = [Double](repeating: 0, count: 2 * n)
        var z: Double
        switch self {
        case .exact: z = try TSNERepulsion.exactForces(y, into: &force, threads: threads)
        case .barnesHut(let theta):
            let tree = BarnesHutTree(y)
            z = try tree.forces(theta: theta, into: &force, threads: threads)
        case .fft(let fft): z = try fft.forces(y, into: &force, threads: threads)
        }
        z = max(z, .leastNormalMagnitude)
        for e in 0..<(2 * n) { out[e] = -force[e] / z }
    }

    /// All pairs: force_i = Σⱼ q̃_ij² (yᵢ − yⱼ); returns Z. O(n²); each point's sum in a fixed
    /// order, so the result does not depend on the thread count.
    static func exactForces(_ y: [Double], into force: inout [Double], threads: Int) throws -> Double {
        let n = y.count / 2
        var partial = [Double](repeating: 0, count: n)
        try force.withUnsafeMutableBufferPointer { fb in
            try partial.withUnsafeMutableBufferPointer { zb in
                let f = UncheckedPointer(fb.baseAddress!), zp = UncheckedPointer(zb.baseAddress!)
                try y.withUnsafeBufferPointer { yb in
                    let yp = yb.baseAddress!
                    try parallelFor((n + 63) / 64, threads: threads) { block, _ in
                        for i in (block * 64)..<min(n, block * 64 + 64) {
                            var f0 = 0.0, f1 = 0.0, z = 0.0
                            let yi0 = yp[2 * i], yi1 = yp[2 * i + 1]
                            for j in 0..<n where j != i {
                                let d0 = yi0 - yp[2 * j], d1 = yi1 - yp[2 * j + 1]
                                let q = 1 / (1 + d0 * d0 + d1 * d1)
                                z += q
                                f0 += q * q * d0; f1 += q * q * d1
                            }
                            f.p[2 * i] = f0; f.p[2 * i + 1] = f1; zp.p[i] = z
                        }
                    }
                }
            }
        }
        return partial.reduce(0, +)
    }
}
