import CLapack

/// Thin wrappers over the LAPACKE routines wordvec uses (OpenBLAS's LAPACK, single precision,
/// row-major `DenseMatrix` in and out). Each copies its input (LAPACK overwrites it) and maps
/// `info != 0` to `WordVecError.lapack`, one line naming the routine. References: Anderson et al.,
/// *LAPACK Users' Guide*, 3rd ed., SIAM 1999; the routine documentation at netlib.org/lapack.
package enum LAPACK {
    /// The thin SVD A = U·diag(Σ)·Vᵀ of an m × n matrix by divide and conquer (`sgesdd`,
    /// jobz "S"): U is m × r, Σ has r = min(m, n) values in decreasing order, Vᵀ is r × n.
    /// Throws `WordVecError.lapack` when the bidiagonal SVD does not converge or memory runs out.
    package static func svd(_ a: DenseMatrix) throws -> SVDFactors {
        let (m, n) = (a.rowCount, a.columnCount), r = min(m, n)
        var work = a.values
        var s = [Float](repeating: 0, count: r)
        var u = DenseMatrix(rowCount: m, columnCount: r), vt = DenseMatrix(rowCount: r, columnCount: n)
        if r == 0 { return SVDFactors(u: u, singularValues: s, vt: vt) }
        let info = LAPACKE_sgesdd(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "S")), Int32(m), Int32(n), &work, Int32(n),
                                  &s, &u.values, Int32(r), &vt.values, Int32(n))
        try check("sgesdd", info, converge: "the bidiagonal SVD did not converge")
        return SVDFactors(u: u, singularValues: s, vt: vt)
    }

    /// The full SVD (`sgesdd`, jobz "A"): U is m × m, Σ has min(m, n) values in decreasing
    /// order, Vᵀ is n × n. Throws `WordVecError.lapack` as `svd(_:)`.
    package static func fullSVD(_ a: DenseMatrix) throws -> (u: DenseMatrix, singularValues: [Float], vt: DenseMatrix) {
        let (m, n) = (a.rowCount, a.columnCount)
        var work = a.values
        var s = [Float](repeating: 0, count: min(m, n))
        var u = DenseMatrix(rowCount: m, columnCount: m), vt = DenseMatrix(rowCount: n, columnCount: n)
        if m == 0 || n == 0 { return (u, s, vt) }
        let info = LAPACKE_sgesdd(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "A")), Int32(m), Int32(n), &work, Int32(n),
                                  &s, &u.values, Int32(m), &vt.values, Int32(n))
        try check("sgesdd", info, converge: "the bidiagonal SVD did not converge")
        return (u, s, vt)
    }

    /// Eigenvalues and eigenvectors of a symmetric n × n matrix (`ssyevr`, MRRR; only the upper
    /// triangle is read). With `largest: k`, only the k largest. Eigenvalues come in increasing
    /// order, as LAPACK gives them; column j of `vectors` (n × count) is the unit eigenvector of
    /// `values[j]`. Throws `WordVecError.lapack` on an internal failure.
    package static func symmetricEigen(_ a: DenseMatrix, largest k: Int? = nil) throws -> (values: [Float], vectors: DenseMatrix) {
        let n = a.rowCount
        precondition(a.columnCount == n, "symmetric eigenproblem of a \(a.rowCount) × \(a.columnCount) matrix")
        let want = min(k ?? n, n)
        precondition(want >= 0, "largest: \(want)")
        if want == 0 { return ([], DenseMatrix(rowCount: n, columnCount: 0)) }
        var work = a.values
        var found: Int32 = 0
        var w = [Float](repeating: 0, count: n)
        var z = [Float](repeating: 0, count: n * want)
        var support = [Int32](repeating: 0, count: 2 * n)
        let range = CChar(UInt8(ascii: want == n ? "A" : "I"))
        let info = LAPACKE_ssyevr(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), range, CChar(UInt8(ascii: "U")), Int32(n),
                                  &work, Int32(n), 0, 0, Int32(n - want + 1), Int32(n), 0, &found, &w,
                                  &z, Int32(want), &support)
        try check("ssyevr", info, converge: "internal error in the MRRR eigensolver")
        return (Array(w.prefix(Int(found))), DenseMatrix(rowCount: n, columnCount: want, values: z))
    }

    /// An orthonormal basis Q (m × n) of the columns of an m × n matrix A with m ≥ n, from the
    /// thin QR factorization A = Q·R (`sgeqrf`, then `sorgqr` to form Q). Throws
    /// `WordVecError.lapack` only for an illegal argument or a failed allocation.
    package static func orthonormalBasis(_ a: DenseMatrix) throws -> DenseMatrix {
        let (m, n) = (a.rowCount, a.columnCount)
        precondition(m >= n, "thin QR of a \(m) × \(n) matrix needs rows ≥ columns")
        var q = a
        if n == 0 { return q }
        var tau = [Float](repeating: 0, count: n)
        try check("sgeqrf", LAPACKE_sgeqrf(LAPACK_ROW_MAJOR, Int32(m), Int32(n), &q.values, Int32(n), &tau), converge: "")
        try check("sorgqr", LAPACKE_sorgqr(LAPACK_ROW_MAJOR, Int32(m), Int32(n), Int32(n), &q.values, Int32(n), &tau), converge: "")
        return q
    }

    /// P·L from the LU factorization A = P·L·U of an m × n matrix with m ≥ n (`sgetrf`, partial
    /// pivoting): m × n, unit lower trapezoidal up to the row permutation P. It spans the same
    /// columns as A at a fraction of the cost of QR, which is why fbpca and sklearn use it to
    /// normalise power iterations (scipy's `lu(A, permute_l=True)`). A singular A (`info > 0`,
    /// a zero pivot) is not an error here: P·L is still well defined. Throws `WordVecError.lapack`
    /// for an illegal argument or a failed allocation.
    package static func permutedLowerFactor(_ a: DenseMatrix) throws -> DenseMatrix {
        let (m, n) = (a.rowCount, a.columnCount)
        precondition(m >= n, "P·L of a \(m) × \(n) matrix needs rows ≥ columns")
        var l = a
        if n == 0 { return l }
        var pivots = [Int32](repeating: 0, count: n)
        let info = LAPACKE_sgetrf(LAPACK_ROW_MAJOR, Int32(m), Int32(n), &l.values, Int32(n), &pivots)
        if info < 0 { try check("sgetrf", info, converge: "") }
        l.values.withUnsafeMutableBufferPointer { p in
            let base = p.baseAddress!
            for i in 0..<n { // Keep the strict lower part, put the unit diagonal, clear U.
                base[i * n + i] = 1
                for j in (i + 1)..<n { base[i * n + j] = 0 }
            }
            // sgetrf swapped row i with row pivots[i] (1-based) for i = 0, 1, …; undoing the
            // swaps in reverse order applies P. (Done here rather than with LAPACKE_slaswp, whose
            // row-major form in some LAPACKE releases only transposes the first k2 rows.)
            for i in stride(from: n - 1, through: 0, by: -1) where Int(pivots[i]) - 1 != i {
                cblas_sswap(Int32(n), base + i * n, 1, base + (Int(pivots[i]) - 1) * n, 1)
            }
        }
        return l
    }

    /// Maps LAPACKE's `info` to an error: < 0 an illegal argument (or LAPACKE's -1010/-1011,
    /// out of memory), > 0 the routine's own failure, described by `converge`.
    private static func check(_ routine: String, _ info: Int32, converge: String) throws {
        if info == 0 { return }
        let reason: String
        switch info {
        case LAPACK_WORK_MEMORY_ERROR, LAPACK_TRANSPOSE_MEMORY_ERROR: reason = "out of memory for its workspace"
        case ..<0: reason = "argument \(-info) had an illegal value"
        default: reason = converge.isEmpty ? "unexpected failure" : converge
        }
        throw WordVecError.lapack(routine: routine, info: Int(info), reason: reason)
    }
}
