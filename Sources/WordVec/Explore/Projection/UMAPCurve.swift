import Foundation

/// The map's similarity curve of UMAP, 1 / (1 + a·d^{2b}), fitted by least squares to the
/// target ψ(d) = 1 for d < min_dist and exp(−(d − min_dist) / spread) beyond, on 300 points of
/// [0, 3·spread] (McInnes, Healy & Melville 2018, §3.2 and Definition 11; umap-learn's
/// `find_ab_params`, which uses scipy's `curve_fit`). Here Levenberg–Marquardt on (a, b).
public struct UMAPCurve: Sendable, Equatable {
    public let a: Double
    public let b: Double

    public init(a: Double, b: Double) { self.a = a; self.b = b }

    /// Fits a and b for `minDist` and `spread` (min_dist = 0.1, spread = 1 gives a ≈ 1.577, b ≈ 0.895).
    public init(minDist: Double, spread: Double) {
        let xs = (0..<300).map { 3 * spread * Double($0) / 299 }
        let ys = xs.map { $0 < minDist ? 1 : exp(-($0 - minDist) / spread) }
        var a = 1.0, b = 1.0, lambda = 1e-3
        func loss(_ a: Double, _ b: Double) -> Double {
            zip(xs, ys).reduce(0) { s, p in
                let f = 1 / (1 + a * pow(p.0, 2 * b))
                return s + (f - p.1) * (f - p.1)
            }
        }
        var current = loss(a, b)
        for _ in 0..<200 {
            // Normal equations JᵀJ δ = −Jᵀr of the residuals r = f − y.
            var jaa = 0.0, jab = 0.0, jbb = 0.0, ga = 0.0, gb = 0.0
            for (x, y) in zip(xs, ys) where x > 0 {
                let x2b = pow(x, 2 * b), f = 1 / (1 + a * x2b)
                let da = -x2b * f * f, db = -a * x2b * 2 * log(x) * f * f
                let r = f - y
                jaa += da * da; jab += da * db; jbb += db * db; ga += da * r; gb += db * r
            }
            let (m11, m22) = (jaa * (1 + lambda), jbb * (1 + lambda))
            let det = m11 * m22 - jab * jab
            guard det != 0 else { break }
            let stepA = -(m22 * ga - jab * gb) / det, stepB = -(m11 * gb - jab * ga) / det
            let (na, nb) = (a + stepA, b + stepB)
            let trial = na > 0 && nb > 0 ? loss(na, nb) : .infinity
            if trial < current {
                let done = current - trial < 1e-14 * max(current, 1e-300)
                a = na; b = nb; current = trial; lambda /= 10
                if done { break }
            } else {
                lambda *= 10
                if lambda > 1e12 { break }
            }
        }
        self.a = a
        self.b = b
    }
}
