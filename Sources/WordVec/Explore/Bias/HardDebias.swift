import Foundation

/// Hard debiasing (Bolukbasi et al. 2016, §6 "Neutralize and Equalize"), `convert --debias`:
/// 1. every vector is scaled to unit length and the direction g is found from the definitional
///    pairs (`BiasDirection`);
/// 2. neutralize: every word that is not gender-specific (not in the definitional, equalize or
///    gender-specific lists, compared also lower-cased) loses its component along g,
///    u ← (u − (u·g)g) / ‖u − (u·g)g‖;
/// 3. equalize: for every equalize pair (a, b) (also lower-case, Title-case and UPPER-case
///    forms) with both words present, ν = μ − (μ·g)g for μ = (u_a + u_b)/2, and
///    u_a = ν + z·g, u_b = ν − z·g with z = ±√(1 − ‖ν‖²), the sign of (u_a − u_b)·g: the two
///    words end up at the same distance from every neutral word.
/// The result is unit length, words × dim, the same words in the same order.
public struct HardDebias: Sendable {
    public var definitional = BiasWordLists.definitionalPairs
    public var equalize = BiasWordLists.equalizePairs
    public var genderSpecific = BiasWordLists.genderSpecific
    public init() {}

    /// What a run did, for the command's summary line.
    public struct Summary: Sendable {
        public var neutralized: Int
        public var equalized: Int
        public var unknown: [String]
    }

    /// Throws `.invalidInput` when no definitional pair is in the vectors, `.lapack` if PCA fails.
    public func apply(to e: Embeddings) throws -> (Embeddings, Summary) {
        var unit = e.normalized()
        var lookup = WordLookup(index: e.index)
        let g = try BiasDirection(unit: unit, pairs: definitional, lookup: &lookup).vector
        var keep = Set(genderSpecific.map { $0.lowercased() })
        for (a, b) in definitional + equalize { keep.insert(a.lowercased()); keep.insert(b.lowercased()) }
        var neutralized = 0
        unit.vectors.withUnsafeMutableBufferPointer { v in
            for i in 0..<e.count where !keep.contains(e.words[i].lowercased()) {
                let row = v.baseAddress! + i * e.dim
                let along = g.withUnsafeBufferPointer { VectorMath.dot(row, $0.baseAddress!, e.dim) }
                for k in 0..<e.dim { row[k] -= along * g[k] }
                VectorMath.normalize(row, e.dim)
                neutralized += 1
            }
        }
        let equalized = equalizePairs(&unit, g)
        return (unit.normalized(), Summary(neutralized: neutralized, equalized: equalized, unknown: lookup.unknown))
    }

    /// Equalizes every present pair in its case variants; returns how many pairs were moved.
    func equalizePairs(_ unit: inout Embeddings, _ g: [Float]) -> Int {
        var done = Set<[Int]>(), count = 0
        let d = unit.dim
        for (a, b) in equalize {
            for (x, y) in [(a, b), (a.lowercased(), b.lowercased()), (a.capitalized, b.capitalized), (a.uppercased(), b.uppercased())] {
                guard let i = unit.index[x], let j = unit.index[y], i != j, done.insert([i, j]).inserted else { continue }
                let ua = unit.row(i), ub = unit.row(j)
                let mu = zip(ua, ub).map { ($0 + $1) / 2 }
                let muAlong = zip(mu, g).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                let nu = zip(mu, g).map { $0 - muAlong * $1 }
                var z = (max(0, 1 - nu.reduce(Float(0)) { $0 + $1 * $1 })).squareRoot()
                if zip(zip(ua, ub).map { $0 - $1 }, g).reduce(Float(0), { $0 + $1.0 * $1.1 }) < 0 { z = -z }
                for k in 0..<d {
                    unit.vectors[i * d + k] = nu[k] + z * g[k]
                    unit.vectors[j * d + k] = nu[k] - z * g[k]
                }
                count += 1
            }
        }
        return count
    }
}
