import Foundation

/// The Word Embedding Association Test (Caliskan, Bryson & Narayanan 2017). For target sets X,
/// Y and attribute sets A, B, with s(w, A, B) = mean_{a∈A} cos(w, a) − mean_{b∈B} cos(w, b):
/// - effect size d = (mean_{x∈X} s(x) − mean_{y∈Y} s(y)) / std_{w∈X∪Y} s(w), the standard
///   deviation with n − 1 in the denominator;
/// - test statistic S = Σ_{x∈X} s(x) − Σ_{y∈Y} s(y);
/// - one-sided permutation p-value: the share of the partitions (Xᵢ, Yᵢ) of X ∪ Y into sets of
///   sizes |X| and |Y| with S(Xᵢ, Yᵢ) > S. All partitions when there are at most
///   `maxPermutations` of them (exact), else `maxPermutations` random ones (seeded).
/// Unknown words are left out of their set and reported by the lookup.
public struct WEATResult: Codable, Sendable {
    public var name: String
    public var effectSize: Double
    public var statistic: Double
    public var pValue: Double
    /// Partitions compared, and whether they were all of them.
    public var permutations: Int
    public var exact: Bool
    /// Words used in X, Y, A, B.
    public var sizes: [Int]

    /// Runs the test on `unit` (vectors at unit length). Throws `.invalidInput` when a set has
    /// no known word or X ∪ Y has fewer than 3 words.
    public init(_ sets: BiasWordLists.WEATSets, unit: Embeddings, lookup: inout WordLookup,
                maxPermutations: Int = 100_000, seed: UInt64 = 1) throws {
        let rows = [sets.x, sets.y, sets.a, sets.b].map { lookup.rows($0) }
        for (label, r) in zip(["X", "Y", "A", "B"], rows) where r.isEmpty {
            throw WordVecError.invalidInput("\(sets.name): no word of the set \(label) is in the vectors")
        }
        let targets = rows[0] + rows[1]
        guard targets.count >= 3 else { throw WordVecError.invalidInput("\(sets.name): X and Y need at least 3 known words together") }
        let s = targets.map { WEATResult.association(unit, $0, rows[2], rows[3]) }
        let nx = rows[0].count
        let meanX = s[..<nx].reduce(0, +) / Double(nx), meanY = s[nx...].reduce(0, +) / Double(s.count - nx)
        let mean = s.reduce(0, +) / Double(s.count)
        let sd = (s.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(s.count - 1)).squareRoot()
        let total = s.reduce(0, +)
        let sumX = s[..<nx].reduce(0, +)
        let (greater, count, exact) = WEATResult.permutationCount(s, nx, above: sumX, limit: maxPermutations, seed: seed)
        name = sets.name
        effectSize = sd > 0 ? (meanX - meanY) / sd : 0
        statistic = 2 * sumX - total
        pValue = Double(greater) / Double(count)
        permutations = count
        self.exact = exact
        sizes = rows.map(\.count)
    }

    /// s(w, A, B) for row w.
    static func association(_ unit: Embeddings, _ w: Int, _ a: [Int], _ b: [Int]) -> Double {
        func meanCosine(_ rows: [Int]) -> Double {
            rows.reduce(0.0) { acc, r in
                acc + unit.vectors.withUnsafeBufferPointer { Double(VectorMath.dot($0.baseAddress! + w * unit.dim, $0.baseAddress! + r * unit.dim, unit.dim)) }
            } / Double(rows.count)
        }
        return meanCosine(a) - meanCosine(b)
    }

    /// How many size-`k` subsets of `s` have a sum above `threshold` (S(Xᵢ,Yᵢ) > S is
    /// Σ_{Xᵢ} s > Σ_X s, as Σ_{X∪Y} s is fixed), over all subsets or `limit` random ones.
    static func permutationCount(_ s: [Double], _ k: Int, above threshold: Double, limit: Int, seed: UInt64) -> (Int, Int, Bool) {
        let n = s.count
        let tolerance = 1e-12 * max(1, abs(threshold))
        if let total = binomial(n, k, cap: limit) {
            var idx = Array(0..<k), greater = 0
            while true {
                if idx.reduce(0.0, { $0 + s[$1] }) > threshold + tolerance { greater += 1 }
                var i = k - 1
                while i >= 0 && idx[i] == n - k + i { i -= 1 }
                if i < 0 { break }
                idx[i] += 1
                for j in (i + 1)..<k { idx[j] = idx[j - 1] + 1 }
            }
            return (greater, total, true)
        }
        var rng = FastRandom(seed: seed), order = Array(0..<n), greater = 0
        for _ in 0..<limit {
            for i in 0..<k { order.swapAt(i, i + rng.next(below: n - i)) }
            if order[..<k].reduce(0.0, { $0 + s[$1] }) > threshold + tolerance { greater += 1 }
        }
        return (greater, limit, false)
    }

    /// C(n, k), or nil when it exceeds `cap`.
    static func binomial(_ n: Int, _ k: Int, cap: Int) -> Int? {
        var c = 1.0
        for i in 0..<k { c = c * Double(n - i) / Double(i + 1) }
        return c <= Double(cap) ? Int(c.rounded()) : nil
    }
}
