/// How well a map keeps neighbourhoods: trustworthiness (Venna & Kaski 2001, eq. 2; as
/// `sklearn.manifold.trustworthiness` with the Euclidean metric),
/// T(k) = 1 − 2 / (n·k·(2n − 3k − 1)) · Σᵢ Σ_{j ∈ Uᵢ(k)} (r(i, j) − k),
/// where Uᵢ(k) are the points among i's k nearest in the map but not in the input and r(i, j)
/// is j's rank among i's neighbours in the input (1 = nearest). 1 means no map neighbour is a
/// stranger in the input.
public enum Trustworthiness {
    /// T(k) of the map `embedded` (n × m, usually m = 2) of `original` (n × d), k < n / 2.
    /// O(n²·(d + k)) time, O(n·k) memory. Throws `WordVecError.invalidArgument` for a k out of
    /// range or row counts that differ.
    public static func score(original: DenseMatrix, embedded: DenseMatrix, k: Int = 5, threads: Int = 1) throws -> Double {
        let n = original.rowCount
        guard embedded.rowCount == n else {
            throw WordVecError.invalidArgument("trustworthiness of \(embedded.rowCount) map points for \(n) input points")
        }
        guard k >= 1 && 2 * k < n else { throw WordVecError.invalidArgument("trustworthiness needs 1 ≤ k < n / 2, not k = \(k) of n = \(n)") }
        let mapNeighbors = try ExactNeighbors.graph(embedded, k: k, threads: threads)
        let excess = ResultsBox<Double>(count: n)
        try ExactNeighbors.squaredDistanceRows(original, threads: threads) { i, row in
            row[i] = .infinity
            var sum = 0.0
            for j in mapNeighbors.neighbors(of: i) {
                let target = row[Int(j)]
                var rank = 1
                for m in 0..<n where row[m] < target || (row[m] == target && m < Int(j)) { rank += 1 }
                if rank > k { sum += Double(rank - k) }
            }
            excess.set(i, .success(sum))
        }
        let total = excess.values.reduce(0.0) { $0 + ((try? $1?.get()) ?? 0) }
        let (nd, kd) = (Double(n), Double(k))
        return 1 - total * 2 / (nd * kd * (2 * nd - 3 * kd - 1))
    }
}
