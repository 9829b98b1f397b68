import Foundation

/// Principal component analysis of the rows of an m × d matrix (m points, usually words; d
/// dimensions): the mean row and the top k eigenvectors of the covariance matrix
/// Σ = (X − 1μᵀ)ᵀ(X − 1μᵀ) / (m − 1), found by the symmetric eigensolver (LAPACK `ssyevr`) on the
/// d × d covariance formed by one BLAS `sgemm` (Pearson 1901; Hotelling 1933; Jolliffe,
/// *Principal Component Analysis*, 2nd ed. 2002, §1.1 and §3.5 for the covariance form).
///
/// Used by `convert --dims K` (keep the top K directions), all-but-the-top post-processing
/// (Mu & Viswanath 2018) and 2-D maps (`plot --method pca`). The cost is O(m·d²) for the
/// covariance and O(d³) for the eigenproblem, so d must be a vector dimension (hundreds), not a
/// vocabulary.
///
/// Signs are fixed so that the entry of largest magnitude in each component is positive (as
/// sklearn's `svd_flip(..., u_based_decision=False)`): the same data gives the same components
/// whatever the LAPACK build.
public struct PrincipalComponents: Sendable, Equatable {
    /// The mean row μ, d values.
    public let mean: [Float]
    /// The principal directions, k × d, orthonormal rows, by decreasing variance.
    public let components: DenseMatrix
    /// The variance along each direction (the covariance eigenvalues λ₁ ≥ … ≥ λ_k ≥ 0), k values,
    /// in squared units of the input's entries.
    public let variances: [Float]
    /// The total variance trace(Σ), the sum of all d eigenvalues.
    public let totalVariance: Float

    /// Fits the top `k` components (0 ≤ k ≤ d) of the rows of `x` (m × d, m ≥ 2).
    /// Throws `WordVecError.lapack` if the eigensolver fails.
    public init(fitting x: DenseMatrix, components k: Int) throws {
        let (m, d) = (x.rowCount, x.columnCount)
        precondition(m >= 2, "PCA of \(m) rows needs at least 2")
        precondition(k >= 0 && k <= d, "\(k) principal components of \(d) dimensions")
        let mean = PrincipalComponents.columnMeans(x)
        var centered = x
        PrincipalComponents.subtract(mean, fromRowsOf: &centered)
        var covariance = centered.transposedMultiply(centered)
        let scale = 1 / Float(m - 1)
        for i in covariance.values.indices { covariance.values[i] *= scale }
        let (values, vectors) = try LAPACK.symmetricEigen(covariance, largest: k)
        // k × d even for k = 0 (DenseMatrix(rows: []) would be 0 × 0, and the products below
        // would then read past their operands in a release build).
        let increasing = vectors.transposed() // k × d, increasing eigenvalue
        var rows = DenseMatrix(rowCount: k, columnCount: d,
                               values: Array((0..<k).reversed().map { increasing.row($0) }.joined()))
        PrincipalComponents.fixSigns(&rows)
        self.mean = mean
        components = rows
        variances = values.reversed().map { max($0, 0) }
        totalVariance = (0..<d).reduce(0) { $0 + covariance[$1, $1] }
    }

    /// The share of the total variance along each component, k values summing to ≤ 1.
    public var explainedVarianceRatio: [Float] {
        totalVariance > 0 ? variances.map { $0 / totalVariance } : variances.map { _ in 0 }
    }

    /// The coordinates of the rows of `x` (n × d) on the components: (X − 1μᵀ)·Cᵀ, n × k.
    public func project(_ x: DenseMatrix) -> DenseMatrix {
        precondition(x.columnCount == mean.count, "projecting \(x.columnCount)-dimensional rows on \(mean.count)")
        var centered = x
        PrincipalComponents.subtract(mean, fromRowsOf: &centered)
        return centered.multiplyTransposed(components)
    }

    /// The rows of `x` (n × d) with the mean and the components removed:
    /// (X − 1μᵀ) − (X − 1μᵀ)·Cᵀ·C, n × d. With the top D components this is all-but-the-top
    /// (Mu & Viswanath 2018, Algorithm 1).
    public func removingComponents(from x: DenseMatrix) -> DenseMatrix {
        var centered = x
        PrincipalComponents.subtract(mean, fromRowsOf: &centered)
        let along = centered.multiplyTransposed(components).multiply(components)
        for i in centered.values.indices { centered.values[i] -= along.values[i] }
        return centered
    }

    /// The mean of each column of `x`, accumulated in Double.
    static func columnMeans(_ x: DenseMatrix) -> [Float] {
        let (m, d) = (x.rowCount, x.columnCount)
        var sums = [Double](repeating: 0, count: d)
        x.values.withUnsafeBufferPointer { v in
            for i in 0..<m {
                for j in 0..<d { sums[j] += Double(v[i * d + j]) }
            }
        }
        return sums.map { Float($0 / Double(max(m, 1))) }
    }

    static func subtract(_ mean: [Float], fromRowsOf x: inout DenseMatrix) {
        let d = x.columnCount
        x.values.withUnsafeMutableBufferPointer { v in
            for i in 0..<x.rowCount {
                for j in 0..<d { v[i * d + j] -= mean[j] }
            }
        }
    }

    /// Makes the entry of largest magnitude in each row positive.
    static func fixSigns(_ rows: inout DenseMatrix) {
        let d = rows.columnCount
        for r in 0..<rows.rowCount {
            let row = rows.row(r)
            guard let big = row.max(by: { abs($0) < abs($1) }), big < 0 else { continue }
            for j in 0..<d { rows[r, j] = -rows[r, j] }
        }
    }
}
