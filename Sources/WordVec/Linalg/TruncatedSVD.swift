import Foundation

/// The k leading singular triplets of a large matrix by the randomized range finder of Halko,
/// Martinsson & Tropp, "Finding structure with randomness", SIAM Review 53(2), 2011:
/// Algorithm 4.4 (randomized subspace iteration: a Gaussian test matrix, power iterations with
/// re-normalisation) followed by Algorithm 5.1 (direct SVD of the small projected matrix).
///
/// For an m × n matrix A (m rows, usually words) and ℓ = k + oversampling:
/// 1. Ω = n × ℓ standard Gaussian (seeded); Y = A·Ω.
/// 2. `powerIterations` times: Y ← A·N(Aᵀ·N(Y)), where N re-normalises the columns: an
///    orthonormal basis from QR (Algorithm 4.4 exactly) or the P·L factor of an LU
///    factorization (fbpca by Tygert, and sklearn's `randomized_svd` default; half the cost
///    of QR, same span). Each iteration sharpens the spectrum by (σ_j/σ_{k+1})² so that
///    slowly decaying spectra (co-occurrence and PPMI matrices) are still captured (§4.5).
/// 3. Q = orthonormal basis of Y (QR), m × ℓ; B = Qᵀ·A, ℓ × n, formed as Bᵀ = Aᵀ·Q.
/// 4. SVD of Bᵀ = W·S·Zᵀ (LAPACK sgesdd), so B = Z·S·Wᵀ and A ≈ (Q·Z)·S·Wᵀ (Algorithm 5.1).
/// 5. Keep the first k: U = Q·Z[:, :k] (m × k), Σ = S[:k], Vᵀ = W[:, :k]ᵀ (k × n). Signs
///    are fixed as sklearn's `svd_flip` does (largest entry of each column of U positive).
///
/// That is 2·powerIterations + 2 products with A or Aᵀ, as in sklearn's `randomized_svd` with
/// the same `n_iter`. Eigenvalue weighting (U·Σ^p) is applied afterwards with
/// `SVDFactors.weightedLeftVectors(power:)`.
///
/// Sparse products run on `threads` threads (`SparseMatrix.multiply(dense:threads:)`) and do not
/// depend on the thread count; dense products and the LAPACK steps use OpenBLAS's threads
/// (`OPENBLAS_NUM_THREADS`). The result is the same for the same seed, input and thread counts.
public struct TruncatedSVD: Sendable, Codable, Equatable {
    /// How the power iterations keep the columns of Y from collapsing onto the top singular
    /// vector (and from overflowing Float).
    public enum Normalizer: String, Sendable, Codable, CaseIterable {
        /// An orthonormal basis by Householder QR (`sgeqrf` + `sorgqr`): Halko et al. Algorithm 4.4.
        case qr
        /// The P·L factor of a partially pivoted LU (`sgetrf`): fbpca's and sklearn's choice.
        case lu
    }

    /// k, the number of singular triplets returned (1 ≤ k ≤ min(m, n)).
    public var rank: Int
    /// p, extra columns of the random test matrix (Halko et al. §4.2: 5 or 10 suffice). ℓ = k + p
    /// is capped at min(m, n).
    public var oversampling: Int
    /// q, the number of power iterations (Halko et al. §4.5); sklearn uses 7 when k is small
    /// relative to the matrix and 4 otherwise, fbpca 2; 5 is wordvec's default for PPMI-SVD.
    public var powerIterations: Int
    /// The normalisation between power iterations.
    public var normalizer: Normalizer
    /// Seed of the Gaussian test matrix.
    public var seed: UInt64
    /// Threads for the sparse products (≥ 1).
    public var threads: Int

    /// The options; see each property.
    public init(rank: Int, oversampling: Int = 10, powerIterations: Int = 5, normalizer: Normalizer = .lu,
                seed: UInt64 = 1, threads: Int = 1) {
        self.rank = rank
        self.oversampling = oversampling
        self.powerIterations = powerIterations
        self.normalizer = normalizer
        self.seed = seed
        self.threads = threads
    }

    /// The k leading singular triplets of a sparse m × n matrix: U m × k, Σ (k), Vᵀ k × n.
    /// Keeps a transposed copy of A during the run (A's memory twice) so that both products read
    /// their dense operand row by row. Throws `WordVecError.invalidArgument` for a rank outside
    /// 1…min(m, n) or a negative option, `.lapack` if a LAPACK step fails, `.interrupted` after
    /// Ctrl-C (checked between products).
    public func decompose(_ a: SparseMatrix) throws -> SVDFactors {
        try validate(a.rowCount, a.columnCount)
        let at = a.transposed()
        return try run(m: a.rowCount, n: a.columnCount,
                       times: { a.multiply(dense: $0, threads: threads) },
                       transposedTimes: { at.multiply(dense: $0, threads: threads) })
    }

    /// The k leading singular triplets of a dense m × n matrix (products by BLAS sgemm): U m × k,
    /// Σ (k), Vᵀ k × n. Throws as `decompose(_: SparseMatrix)`.
    public func decompose(_ a: DenseMatrix) throws -> SVDFactors {
        try validate(a.rowCount, a.columnCount)
        return try run(m: a.rowCount, n: a.columnCount,
                       times: { a.multiply($0) }, transposedTimes: { a.transposedMultiply($0) })
    }

    /// The k leading singular triplets of an m × n matrix known only by its two products:
    /// `times(X)` = A·X for an n × ℓ X (m × ℓ) and `transposedTimes(Y)` = Aᵀ·Y for an m × ℓ Y
    /// (n × ℓ); for matrices assembled from blocks (HAL's [Xᵀ | X]) that are never formed.
    /// Throws as `decompose(_: SparseMatrix)`.
    public func decompose(rows m: Int, columns n: Int, times: (DenseMatrix) -> DenseMatrix,
                          transposedTimes: (DenseMatrix) -> DenseMatrix) throws -> SVDFactors {
        try validate(m, n)
        return try run(m: m, n: n, times: times, transposedTimes: transposedTimes)
    }

    private func validate(_ m: Int, _ n: Int) throws {
        guard rank >= 1, rank <= min(m, n) else {
            throw WordVecError.invalidArgument("truncated SVD: rank \(rank) must be between 1 and min(rows, columns) = \(min(m, n)) for a \(m) × \(n) matrix")
        }
        guard oversampling >= 0, powerIterations >= 0, threads >= 1 else {
            throw WordVecError.invalidArgument("truncated SVD: oversampling (\(oversampling)) and power iterations (\(powerIterations)) must be ≥ 0, threads (\(threads)) ≥ 1")
        }
    }

    /// Steps 1–5 above, for any A given by its two products.
    private func run(m: Int, n: Int, times: (DenseMatrix) -> DenseMatrix,
                     transposedTimes: (DenseMatrix) -> DenseMatrix) throws -> SVDFactors {
        try RunPhase.enter(.svd)
        try MemoryLimit.requireBLASWorkspace()
        let l = min(rank + oversampling, m, n)
        var y = times(TruncatedSVD.gaussian(rows: n, columns: l, seed: seed))
        for _ in 0..<powerIterations {
            try Interrupt.check()
            let z = transposedTimes(try normalize(y))
            try Interrupt.check()
            y = times(try normalize(z))
        }
        try Interrupt.check()
        let q = try LAPACK.orthonormalBasis(y)
        let bt = transposedTimes(q)                      // n × ℓ, Bᵀ = Aᵀ·Q
        let small = try LAPACK.svd(bt)                   // Bᵀ = W·S·Zᵀ: W n × ℓ, Zᵀ ℓ × ℓ
        let u = q.multiplyTransposed(small.vt.rows(0..<rank))   // Q·Z[:, :k], m × k
        let vt = small.u.columns(0..<rank).transposed()          // W[:, :k]ᵀ, k × n
        var factors = SVDFactors(u: u, singularValues: Array(small.singularValues.prefix(rank)), vt: vt)
        factors.normalizeSigns()
        return factors
    }

    private func normalize(_ y: DenseMatrix) throws -> DenseMatrix {
        switch normalizer {
        case .qr: return try LAPACK.orthonormalBasis(y)
        case .lu: return try LAPACK.permutedLowerFactor(y)
        }
    }

    /// A rows × columns matrix of independent standard normal values (Box–Muller over
    /// `FastRandom(seed:)`), filled in order so it depends on the seed only.
    static func gaussian(rows: Int, columns: Int, seed: UInt64) -> DenseMatrix {
        var rng = FastRandom(seed: seed)
        var g = DenseMatrix(rowCount: rows, columnCount: columns)
        let count = rows * columns
        var i = 0
        while i < count {
            // 1 - u lies in (0, 1], so the logarithm is finite.
            let u1 = 1 - Double(rng.next() >> 11) * 0x1p-53, u2 = Double(rng.next() >> 11) * 0x1p-53
            let r = (-2 * Foundation.log(u1)).squareRoot(), t = 2 * Double.pi * u2
            g.values[i] = Float(r * cos(t))
            if i + 1 < count { g.values[i + 1] = Float(r * sin(t)) }
            i += 2
        }
        return g
    }
}
