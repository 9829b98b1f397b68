import XCTest
import WordVec

final class LinalgLAPACKTests: XCTestCase {
    func testThinAndFullSVDReconstructWithOrthonormalFactors() throws {
        for (m, n) in [(30, 12), (12, 30), (9, 9)] {
            let a = LinalgFixtures.dense(m, n, seed: UInt64(m * 100 + n))
            let thin = try LAPACK.svd(a)
            XCTAssertEqual(thin.rank, min(m, n))
            XCTAssertEqual(thin.singularValues, thin.singularValues.sorted(by: >))
            LinalgFixtures.assertClose(thin.reconstructed(), a, 1e-4)
            XCTAssertLessThan(LinalgFixtures.orthonormalityError(thin.u), 1e-5)
            XCTAssertLessThan(LinalgFixtures.orthonormalityError(thin.vt.transposed()), 1e-5)
            let full = try LAPACK.fullSVD(a)
            XCTAssertEqual(full.u.rowCount, m); XCTAssertEqual(full.u.columnCount, m)
            XCTAssertEqual(full.vt.rowCount, n); XCTAssertEqual(full.vt.columnCount, n)
            XCTAssertLessThan(LinalgFixtures.orthonormalityError(full.u), 1e-5)
            XCTAssertLessThan(LinalgFixtures.orthonormalityError(full.vt), 1e-5)
            for (x, y) in zip(full.singularValues, thin.singularValues) { XCTAssertEqual(x, y, accuracy: 1e-5 * y) }
        }
    }

    func testSymmetricEigenpairs() throws {
        let m = LinalgFixtures.dense(20, 8, seed: 3)
        let a = m.transposedMultiply(m) // 8 × 8, symmetric positive definite
        let all = try LAPACK.symmetricEigen(a)
        XCTAssertEqual(all.values, all.values.sorted(), "increasing, as LAPACK gives them")
        let av = a.multiply(all.vectors)
        for j in 0..<8 {
            for i in 0..<8 { XCTAssertEqual(av[i, j], all.values[j] * all.vectors[i, j], accuracy: 1e-4) }
        }
        XCTAssertLessThan(LinalgFixtures.orthonormalityError(all.vectors), 1e-5)
        // The eigenvalues of MᵀM are the squared singular values of M.
        let s = try LAPACK.svd(m).singularValues
        for (l, sv) in zip(all.values.reversed(), s) { XCTAssertEqual(l, sv * sv, accuracy: 1e-4 * sv * sv) }
        let top = try LAPACK.symmetricEigen(a, largest: 3)
        XCTAssertEqual(top.values.count, 3)
        XCTAssertEqual(top.vectors.columnCount, 3)
        for (x, y) in zip(top.values, all.values.suffix(3)) { XCTAssertEqual(x, y, accuracy: 1e-4 * abs(y)) }
    }

    func testOrthonormalBasisAndLUFactorSpanTheColumns() throws {
        let a = LinalgFixtures.dense(40, 6, seed: 5)
        let q = try LAPACK.orthonormalBasis(a)
        XCTAssertLessThan(LinalgFixtures.orthonormalityError(q), 1e-5)
        LinalgFixtures.assertClose(q.multiply(q.transposedMultiply(a)), a, 1e-4) // Q·Qᵀ·A = A
        let pl = try LAPACK.permutedLowerFactor(a)
        let qpl = try LAPACK.orthonormalBasis(pl)
        LinalgFixtures.assertClose(qpl.multiply(qpl.transposedMultiply(a)), a, 1e-4) // same span
        // Up to the row permutation, P·L is unit lower trapezoidal: every column has a 1 in a
        // row where the columns before it... have their pivot; simplest check: entries ≤ 1 in size.
        XCTAssertLessThanOrEqual(pl.values.map(abs).max() ?? 0, 1 + 1e-6, "partial pivoting bounds |L| by 1")
        XCTAssertEqual(pl.values.filter { $0 == 1 }.count >= 6, true, "a unit pivot in each column")
    }

    func testLAPACKFailureIsOneLineNamingTheRoutine() {
        let e = WordVecError.lapack(routine: "sgesdd", info: 3, reason: "the bidiagonal SVD did not converge")
        XCTAssertEqual(e.description, "LAPACK sgesdd failed (info 3): the bidiagonal SVD did not converge")
        XCTAssertFalse(e.description.contains("\n"))
    }
}

final class LinalgTruncatedSVDTests: XCTestCase {
    /// A = U·diag(σ)·Vᵀ with orthonormal U (m × r) and V (n × r) from QR of Gaussian matrices.
    func planted(_ m: Int, _ n: Int, _ sigma: [Float], seed: UInt64) throws -> (a: DenseMatrix, u: DenseMatrix, v: DenseMatrix) {
        let r = sigma.count
        let u = try LAPACK.orthonormalBasis(LinalgFixtures.dense(m, r, seed: seed))
        let v = try LAPACK.orthonormalBasis(LinalgFixtures.dense(n, r, seed: seed + 1))
        var us = u
        us.scaleColumns(by: sigma)
        return (us.multiplyTransposed(v), u, v)
    }

    func assertSingularValues(_ got: [Float], _ expected: [Float], relative: Float, file: StaticString = #filePath, line: UInt = #line) {
        for (j, (g, e)) in zip(got, expected).enumerated() {
            XCTAssertLessThanOrEqual(abs(g - e), relative * e, "σ\(j + 1): \(g) vs \(e)", file: file, line: line)
        }
    }

    func assertOrthonormal(_ f: SVDFactors, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThan(LinalgFixtures.orthonormalityError(f.u), 1e-4, "UᵀU = I", file: file, line: line)
        XCTAssertLessThan(LinalgFixtures.orthonormalityError(f.vt.transposed()), 1e-4, "VᵀV = I", file: file, line: line)
    }

    // A random matrix has a nearly flat spectrum (here σ₈/σ₁₉ ≈ 1.1), the hardest case for the
    // range finder: each power iteration gains only a factor (σ_{ℓ+1}/σ_j)² (Halko et al. §4.5).
    // With the defaults (p = 10, q = 5) the top values are within about 1% (checked); to reach
    // 1e-3 these tests use p = 20, q = 15. Matrices with a decaying spectrum, like the planted
    // one below and real co-occurrence matrices, reach 1e-3 with the defaults.
    func testDenseRandomMatrixMatchesFullSVD() throws {
        // Uniform entries in [0, 1): one large singular value, then a slowly decaying tail.
        var rng = FastRandom(seed: 11)
        let a = DenseMatrix(rowCount: 150, columnCount: 90, values: (0..<(150 * 90)).map { _ in rng.nextFloat() })
        let exact = try LAPACK.svd(a).singularValues
        let quick = try TruncatedSVD(rank: 8, seed: 3).decompose(a)
        assertSingularValues(quick.singularValues, Array(exact.prefix(8)), relative: 1e-2)
        for normalizer in TruncatedSVD.Normalizer.allCases {
            let f = try TruncatedSVD(rank: 8, oversampling: 20, powerIterations: 15, normalizer: normalizer, seed: 3).decompose(a)
            XCTAssertEqual(f.u.rowCount, 150); XCTAssertEqual(f.u.columnCount, 8)
            XCTAssertEqual(f.vt.rowCount, 8); XCTAssertEqual(f.vt.columnCount, 90)
            assertSingularValues(f.singularValues, Array(exact.prefix(8)), relative: 1e-3)
            assertOrthonormal(f)
        }
    }

    func testSparseRandomMatrixMatchesFullSVD() throws {
        // Non-negative counts-like entries, as co-occurrence and tf-idf matrices are.
        var rng = FastRandom(seed: 12)
        let triplets = (0..<4000).map { _ in (row: rng.next(below: 200), column: rng.next(below: 120), value: Float(1 + rng.next(below: 5))) }
        let s = SparseMatrix(rowCount: 200, columnCount: 120, triplets: triplets)
        let exact = try LAPACK.svd(s.densified()).singularValues
        let quick = try TruncatedSVD(rank: 10, seed: 4, threads: 2).decompose(s)
        assertSingularValues(quick.singularValues, Array(exact.prefix(10)), relative: 1e-2)
        let f = try TruncatedSVD(rank: 10, oversampling: 20, powerIterations: 15, seed: 4, threads: 2).decompose(s)
        assertSingularValues(f.singularValues, Array(exact.prefix(10)), relative: 1e-3)
        assertOrthonormal(f)
        // The dense path on the same matrix agrees.
        let g = try TruncatedSVD(rank: 10, oversampling: 20, powerIterations: 15, seed: 4).decompose(s.densified())
        assertSingularValues(g.singularValues, f.singularValues, relative: 1e-4)
    }

    func testPlantedSpectrumIsRecovered() throws {
        let sigma = (0..<40).map { 100 * Float(pow(0.85, Double($0))) }
        let (a, u, v) = try planted(300, 200, sigma, seed: 21)
        let k = 12
        for source in ["dense", "sparse"] {
            let f = source == "dense" ? try TruncatedSVD(rank: k, seed: 5).decompose(a)
                                      : try TruncatedSVD(rank: k, seed: 5, threads: 2).decompose(SparseMatrix(a))
            assertSingularValues(f.singularValues, Array(sigma.prefix(k)), relative: 1e-3)
            assertOrthonormal(f)
            // Each singular vector is the planted one, up to sign.
            for j in 0..<k {
                let cu = zip(f.u.column(j), u.column(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                let cv = zip(f.vt.row(j), v.column(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                XCTAssertGreaterThan(abs(cu), 0.999, "\(source) u\(j + 1)")
                XCTAssertGreaterThan(abs(cv), 0.999, "\(source) v\(j + 1)")
            }
            // Reconstruction error: Eckart–Young's optimum is the norm of the discarded tail.
            var diff = f.reconstructed()
            for i in 0..<diff.values.count { diff.values[i] -= a.values[i] }
            let optimum = sigma.dropFirst(k).reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            XCTAssertEqual(diff.frobeniusNorm(), optimum, accuracy: 1e-3 * optimum, source)
        }
    }

    func testExactLowRankMatrixIsReconstructed() throws {
        let (a, _, _) = try planted(80, 60, [5, 4, 3, 2, 1], seed: 31)
        let f = try TruncatedSVD(rank: 5, oversampling: 5, powerIterations: 2, normalizer: .qr).decompose(a)
        assertSingularValues(f.singularValues, [5, 4, 3, 2, 1], relative: 1e-4)
        LinalgFixtures.assertClose(f.reconstructed(), a, 1e-5)
    }

    func testDeterministicForASeedAndIndependentOfSparseThreads() throws {
        let s = LinalgFixtures.sparse(150, 110, density: 0.1, seed: 8)
        let one = try TruncatedSVD(rank: 6, seed: 9, threads: 1).decompose(s)
        XCTAssertEqual(try TruncatedSVD(rank: 6, seed: 9, threads: 1).decompose(s), one)
        XCTAssertEqual(try TruncatedSVD(rank: 6, seed: 9, threads: 3).decompose(s), one)
        let other = try TruncatedSVD(rank: 6, seed: 10).decompose(s)
        XCTAssertNotEqual(other.u, one.u, "another seed, another random start")
        assertSingularValues(other.singularValues, one.singularValues, relative: 1e-2)
    }

    func testWeightedLeftAndRightVectors() throws {
        let f = try TruncatedSVD(rank: 4, seed: 1).decompose(LinalgFixtures.dense(30, 20, seed: 2))
        XCTAssertEqual(f.weightedLeftVectors(power: 0), f.u)
        let half = f.weightedLeftVectors(power: 0.5), one = f.weightedLeftVectors(power: 1)
        for i in 0..<30 {
            for j in 0..<4 {
                XCTAssertEqual(half[i, j], f.u[i, j] * f.singularValues[j].squareRoot(), accuracy: 1e-6)
                XCTAssertEqual(one[i, j], f.u[i, j] * f.singularValues[j], accuracy: 1e-5)
            }
        }
        XCTAssertEqual(f.weightedRightVectors(power: 0), f.vt.transposed())
        // Signs follow sklearn's svd_flip: the largest entry of each column of U is positive.
        for j in 0..<4 {
            let col = f.u.column(j)
            XCTAssertGreaterThan(col.max(by: { abs($0) < abs($1) })!, 0)
        }
    }

    func testInvalidOptionsThrowOneLine() {
        let a = LinalgFixtures.dense(10, 6, seed: 1)
        for svd in [TruncatedSVD(rank: 0), TruncatedSVD(rank: 7), TruncatedSVD(rank: 3, oversampling: -1),
                    TruncatedSVD(rank: 3, threads: 0)] {
            XCTAssertThrowsError(try svd.decompose(a)) { error in
                guard case .invalidArgument(let message)? = error as? WordVecError else { return XCTFail("\(error)") }
                XCTAssertTrue(message.hasPrefix("truncated SVD: "), message)
                XCTAssertFalse(message.contains("\n"))
            }
        }
        // ℓ = k + p is capped at min(m, n): rank 6 of a 10 × 6 matrix is its full SVD.
        XCTAssertNoThrow(try TruncatedSVD(rank: 6).decompose(a))
    }
}
