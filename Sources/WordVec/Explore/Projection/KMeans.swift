import Foundation

/// k-means clustering of n points (rows of an n × d matrix) by Lloyd's algorithm (Lloyd 1982)
/// from k-means++ seeds (Arthur & Vassilvitskii 2007: each next centre drawn with probability
/// proportional to the squared distance to the nearest centre chosen so far, the best of
/// 2 + ⌊ln k⌋ draws kept, as scikit-learn's greedy variant). Several seedings are run and the
/// one with the smallest inertia (sum of squared distances to the assigned centre) is kept.
public struct KMeans: Sendable {
    /// Clusters.
    public var k: Int
    /// Seedings tried.
    public var restarts = 4
    /// Lloyd iterations at most per seeding.
    public var maxIterations = 300
    public var seed: UInt64

    public init(k: Int, seed: UInt64 = 1) {
        self.k = k
        self.seed = seed
    }

    /// The clusters of the rows of `points` (n × d, n ≥ k ≥ 1).
    public struct Result: Sendable, Equatable {
        /// The cluster of each row, in 0..<k, n values.
        public let assignments: [Int]
        /// The centres, k × d.
        public let centers: DenseMatrix
        /// Σ of squared Euclidean distances of the rows to their centres.
        public let inertia: Double
    }

    /// Clusters the rows. Throws `WordVecError.invalidArgument` when k is not in 1...n.
    public func fit(_ points: DenseMatrix) throws -> Result {
        let n = points.rowCount
        guard k >= 1 && k <= n else {
            throw WordVecError.invalidArgument("--clusters must be in 1...\(n) (the number of words), not \(k)")
        }
        var rng = FastRandom(seed: seed)
        var best: Result?
        for _ in 0..<max(1, restarts) {
            let r = lloyd(points, centers: seeds(points, rng: &rng))
            if best == nil || r.inertia < best!.inertia { best = r }
        }
        return best!
    }

    /// k-means++ seeds, k × d.
    func seeds(_ x: DenseMatrix, rng: inout FastRandom) -> DenseMatrix {
        let n = x.rowCount, d = x.columnCount, trials = 2 + Int(log(Double(k)))
        var centers = DenseMatrix(rowCount: k, columnCount: d)
        var chosen = rng.next(below: n)
        var nearest = (0..<n).map { KMeans.squaredDistance(x, $0, x, chosen) }
        for c in 0..<k {
            if c > 0 {
                var bestPotential = Double.infinity, bestNearest = nearest
                for _ in 0..<trials {
                    let total = nearest.reduce(0, +)
                    var r = Double(rng.nextFloat()) * total, pick = n - 1
                    for i in 0..<n { r -= nearest[i]; if r <= 0 { pick = i; break } }
                    let updated = (0..<n).map { min(nearest[$0], KMeans.squaredDistance(x, $0, x, pick)) }
                    let potential = updated.reduce(0, +)
                    if potential < bestPotential { bestPotential = potential; bestNearest = updated; chosen = pick }
                }
                nearest = bestNearest
            }
            for j in 0..<d { centers[c, j] = x[chosen, j] }
        }
        return centers
    }

    /// Lloyd iterations from `centers` until no assignment changes.
    func lloyd(_ x: DenseMatrix, centers start: DenseMatrix) -> Result {
        let n = x.rowCount, d = x.columnCount
        var centers = start
        var assignments = [Int](repeating: -1, count: n)
        var inertia = 0.0
        for _ in 0..<maxIterations {
            var changed = false
            inertia = 0
            for i in 0..<n {
                var best = 0, bestDistance = Double.infinity
                for c in 0..<k {
                    let dist = KMeans.squaredDistance(x, i, centers, c)
                    if dist < bestDistance { bestDistance = dist; best = c }
                }
                if assignments[i] != best { assignments[i] = best; changed = true }
                inertia += bestDistance
            }
            if !changed { break }
            var sums = [Double](repeating: 0, count: k * d), counts = [Int](repeating: 0, count: k)
            for i in 0..<n {
                counts[assignments[i]] += 1
                for j in 0..<d { sums[assignments[i] * d + j] += Double(x[i, j]) }
            }
            for c in 0..<k where counts[c] > 0 {
                for j in 0..<d { centers[c, j] = Float(sums[c * d + j] / Double(counts[c])) }
            }
        }
        return Result(assignments: assignments, centers: centers, inertia: inertia)
    }

    static func squaredDistance(_ a: DenseMatrix, _ i: Int, _ b: DenseMatrix, _ j: Int) -> Double {
        var s: Float = 0
        let d = a.columnCount
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                for c in 0..<d { let t = pa[i * d + c] - pb[j * d + c]; s += t * t }
            }
        }
        return Double(s)
    }
}
