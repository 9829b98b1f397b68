import Foundation

/// A (possibly truncated) singular value decomposition A ≈ U·diag(Σ)·Vᵀ of an m × n matrix,
/// with k singular values in decreasing order: `u` is m × k (rows are the rows of A, i.e. words),
/// `singularValues` has k values, `vt` is k × n (columns are the columns of A, i.e. contexts or
/// documents). Made by `TruncatedSVD` and by the full LAPACK SVD.
///
/// The factors are kept apart so that the eigenvalue weighting of the word vectors is chosen
/// afterwards (`weightedLeftVectors(power:)`), as in hyperwords (Levy, Goldberg & Dagan 2015).
public struct SVDFactors: Sendable, Equatable {
    /// Left singular vectors, m × k, orthonormal columns.
    public var u: DenseMatrix
    /// Singular values σ₁ ≥ … ≥ σ_k ≥ 0, in the units of A's entries (counts, PMI in nats,
    /// tf-idf weights); U and V are unitless (unit columns).
    public var singularValues: [Float]
    /// Right singular vectors, transposed: k × n, orthonormal rows.
    public var vt: DenseMatrix

    /// Factors of matching shapes (`u.columnCount == singularValues.count == vt.rowCount`).
    public init(u: DenseMatrix, singularValues: [Float], vt: DenseMatrix) {
        precondition(u.columnCount == singularValues.count && vt.rowCount == singularValues.count,
                     "SVD factors of \(u.columnCount), \(singularValues.count) and \(vt.rowCount) components")
        self.u = u
        self.singularValues = singularValues
        self.vt = vt
    }

    /// The number of components k.
    public var rank: Int { singularValues.count }

    /// U·diag(Σ)^p, m × k: the word vectors of LSA (p = 1) and of Levy, Goldberg & Dagan (2015,
    /// §3.3, "eigenvalue weighting", their `eig` hyperparameter: p = 0, 0.5 or 1). p = 0 gives U.
    public func weightedLeftVectors(power p: Float) -> DenseMatrix {
        var w = u
        if p != 0 { w.scaleColumns(by: singularValues.map { $0 > 0 ? powf($0, p) : 0 }) }
        return w
    }

    /// V·diag(Σ)^p, n × k: the context vectors, weighted the same way (for `--vectors sum`,
    /// W + C, of Levy et al. 2015 §3.3).
    public func weightedRightVectors(power p: Float) -> DenseMatrix {
        var w = vt.transposed()
        if p != 0 { w.scaleColumns(by: singularValues.map { $0 > 0 ? powf($0, p) : 0 }) }
        return w
    }

    /// U·diag(Σ)·Vᵀ, m × n: the rank-k approximation of A (dense: for tests and small matrices).
    public func reconstructed() -> DenseMatrix {
        weightedLeftVectors(power: 1).multiply(vt)
    }

    /// Flips the sign of component j (column j of U and row j of Vᵀ together, which leaves the
    /// product unchanged) so that the entry of largest magnitude in U's column j is positive, as
    /// sklearn's `svd_flip(u_based_decision=True)` does: the same decomposition then comes out
    /// the same whatever the LAPACK build or the random start.
    mutating func normalizeSigns() {
        let (m, k, n) = (u.rowCount, rank, vt.columnCount)
        var best = [Float](repeating: 0, count: k) // row by row, in storage order
        for i in 0..<m {
            for j in 0..<k where abs(u.values[i * k + j]) > abs(best[j]) { best[j] = u.values[i * k + j] }
        }
        for j in 0..<k {
            if best[j] < 0 {
                for i in 0..<m { u.values[i * k + j] = -u.values[i * k + j] }
                for c in 0..<n { vt.values[j * n + c] = -vt.values[j * n + c] }
            }
        }
    }
}
