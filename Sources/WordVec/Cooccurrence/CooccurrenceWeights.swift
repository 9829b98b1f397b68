import Foundation

/// Integer weights per distance, so that every sum is exact: counts do not depend on the order
/// of additions (threads, spilling, merging), which is what makes spilled and in-memory runs
/// give bit-identical results. The weighted count is `sum / scale`.
public struct CooccurrenceWeights: Sendable, Equatable {
    /// `weights[d]` for d in 1...window (index 0 unused).
    public let weights: [UInt64]
    public let scale: Double

    public init(window: Int, weighting: CooccurrenceOptions.Weighting) {
        switch weighting {
        case .harmonic:
            // S = lcm(1...window) makes every S/d an integer (window <= 22 keeps S below 2^32);
            // beyond that, S = 2^32 and S/d is rounded (relative error below 1e-8).
            var s: UInt64 = 1
            for d in 1...max(window, 1) {
                s = s / CooccurrenceWeights.gcd(s, UInt64(d)) * UInt64(d)
                if s > 1 << 32 { s = 0; break }
            }
            let exact = s != 0
            let scale: UInt64 = exact ? s : 1 << 32
            weights = [0] + (1...max(window, 1)).map { d in
                exact ? scale / UInt64(d) : (scale + UInt64(d) / 2) / UInt64(d)
            }
            self.scale = Double(scale)
        case .linear:
            weights = [0] + (1...max(window, 1)).map { UInt64(window - $0 + 1) }
            scale = 1
        case .uniform:
            weights = [0] + (1...max(window, 1)).map { _ in 1 }
            scale = 1
        }
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
