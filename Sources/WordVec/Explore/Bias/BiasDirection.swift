import Foundation

/// A bias subspace direction from definitional pairs (Bolukbasi et al. 2016, §5 "Identifying
/// the gender subspace"): with every vector at unit length, each pair (f, m) contributes
/// f − μ and m − μ, μ = (f + m)/2; the direction g is the first principal component of these
/// 2P rows (P pairs × d). Its sign is chosen so that the first words of the pairs (the female
/// words of the default list) project positively: Σ (f − m)·g > 0.
public struct BiasDirection: Sendable {
    /// g, unit length, `dim` values.
    public let vector: [Float]
    /// The pairs both of whose words were found (others are in the lookup's unknown words).
    public let pairsUsed: [(String, String)]
    /// Share of the pair differences' variance along each of the top principal components,
    /// largest first (up to 10): the paper's Figure 6, a dominant first value means one
    /// direction captures the pairs.
    public let varianceShare: [Double]

    /// - Parameters:
    ///   - unit: the vectors scaled to unit length (n × d).
    ///   - pairs: definitional pairs, first word of the positive side.
    /// - Throws: `.invalidInput` when no pair has both words, `.lapack` if PCA fails.
    public init(unit: Embeddings, pairs: [(String, String)], lookup: inout WordLookup) throws {
        var rows: [[Float]] = [], used: [(String, String)] = []
        var orientation = [Float](repeating: 0, count: unit.dim)
        for (f, m) in pairs {
            let i = lookup.row(f), j = lookup.row(m)
            guard let i, let j, i != j else { continue }
            let a = unit.row(i), b = unit.row(j)
            let mid = zip(a, b).map { ($0 + $1) / 2 }
            rows.append(zip(a, mid).map { $0 - $1 })
            rows.append(zip(b, mid).map { $0 - $1 })
            for k in 0..<unit.dim { orientation[k] += a[k] - b[k] }
            used.append((f, m))
        }
        guard !used.isEmpty else {
            throw WordVecError.invalidInput("no definitional pair has both words in the vectors (unknown: \(lookup.unknown.prefix(10).joined(separator: " ")))")
        }
        let pca = try PrincipalComponents(fitting: DenseMatrix(rows: rows), components: min(10, unit.dim, rows.count - 1))
        var g = Array(pca.components.row(0))
        if zip(g, orientation).reduce(Float(0), { $0 + $1.0 * $1.1 }) < 0 { g = g.map { -$0 } }
        vector = g
        pairsUsed = used
        varianceShare = pca.explainedVarianceRatio.map(Double.init)
    }

    /// u·g for a unit vector u (its cosine with the direction).
    public func projection(_ unitVector: [Float]) -> Double {
        zip(unitVector, vector).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
}
