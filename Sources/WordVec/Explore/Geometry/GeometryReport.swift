import Foundation

/// The geometry of one vector set: alignment and uniformity (Wang & Isola 2020) on positive
/// and random pairs, anisotropy (Ethayarajh 2019), the variance share of the top principal
/// components, the mean vector, and vector length against frequency rank.
public struct GeometryReport: Codable, Sendable {
    public var file: String
    /// Rows measured (after `restrict`) and their dimension.
    public var rows: Int
    public var dim: Int
    /// Random pairs of distinct words.
    public var random: PairGeometry
    /// Positive pairs, when a set was given: where they came from, and the words not found.
    public var positive: PairGeometry?
    public var positiveSource: String?
    public var unknownWords: [String]
    /// Mean cosine of random word pairs (Ethayarajh 2019): `random.meanCosine`.
    public var anisotropy: Double
    /// The share of the total variance along each of the top principal components, largest
    /// first, and their sum.
    public var componentVarianceShare: [Double]
    public var topComponentsVarianceShare: Double
    /// ‖μ‖ of the mean row μ (raw vectors), and the mean row length, to compare it with.
    public var meanVectorNorm: Double
    public var meanRowNorm: Double
    public var normByRank: NormProfile

    /// Measures `vectors` (any dense set; rows in frequency order for the norm profile).
    /// `positives` are row pairs from an evaluation set (see `PairSampler`), `source` names it.
    /// Throws `WordVecError.invalidArgument` for fewer than 2 rows and `.lapack` if PCA fails.
    public static func measure(_ vectors: Embeddings, file: String, options: GeometryOptions,
                               positives: [RowPair]? = nil, source: String? = nil, unknown: [String] = []) throws -> GeometryReport {
        let n = options.restrict > 0 ? min(options.restrict, vectors.count) : vectors.count
        guard n >= 2 else { throw WordVecError.invalidArgument("\(file): geometry needs at least 2 vectors, it has \(n)") }
        let raw = DenseMatrix(rowCount: n, columnCount: vectors.dim, values: Array(vectors.vectors.prefix(n * vectors.dim)))
        let unit = DenseMatrix(rowCount: n, columnCount: vectors.dim, values: Array(vectors.prefix(n).normalized().vectors))
        let random = PairGeometry(unit: unit, pairs: PairSampler.random(count: options.randomPairs, rows: n, seed: options.seed),
                                  alpha: options.alpha, t: options.t)
        let positive = positives.map { PairGeometry(unit: unit, pairs: $0.filter { $0.a < n && $0.b < n }, alpha: options.alpha, t: options.t) }
        let k = min(options.components, vectors.dim)
        let pca = try PrincipalComponents(fitting: raw, components: k)
        let shares = pca.explainedVarianceRatio.map(Double.init)
        let norms = raw.rowNorms()
        let meanNorm = sqrt(pca.mean.reduce(0.0) { $0 + Double($1) * Double($1) })
        return GeometryReport(file: file, rows: n, dim: vectors.dim, random: random, positive: positive,
                              positiveSource: source, unknownWords: unknown, anisotropy: random.meanCosine,
                              componentVarianceShare: shares, topComponentsVarianceShare: shares.reduce(0, +),
                              meanVectorNorm: meanNorm, meanRowNorm: norms.reduce(0.0) { $0 + Double($1) } / Double(n),
                              normByRank: NormProfile(norms: norms))
    }
}
