import XCTest
import WordVec

/// Random matrices and reference computations for the linear-algebra tests.
enum LinalgFixtures {
    static func dense(_ m: Int, _ n: Int, seed: UInt64) -> DenseMatrix {
        var rng = FastRandom(seed: seed)
        return DenseMatrix(rowCount: m, columnCount: n, values: (0..<(m * n)).map { _ in rng.nextFloat() * 2 - 1 })
    }

    /// About `density`·m·n entries in random positions (duplicates summed), values in [-1, 1).
    static func sparse(_ m: Int, _ n: Int, density: Double, seed: UInt64) -> SparseMatrix {
        var rng = FastRandom(seed: seed)
        let count = Int(Double(m * n) * density)
        let triplets = (0..<count).map { _ in (row: rng.next(below: m), column: rng.next(below: n), value: rng.nextFloat() * 2 - 1) }
        return SparseMatrix(rowCount: m, columnCount: n, triplets: triplets)
    }

    /// The triple loop, in Double.
    static func naiveProduct(_ a: DenseMatrix, _ b: DenseMatrix) -> DenseMatrix {
        var c = DenseMatrix(rowCount: a.rowCount, columnCount: b.columnCount)
        for i in 0..<a.rowCount {
            for j in 0..<b.columnCount {
                var s = 0.0
                for k in 0..<a.columnCount { s += Double(a[i, k]) * Double(b[k, j]) }
                c[i, j] = Float(s)
            }
        }
        return c
    }

    static func assertClose(_ a: DenseMatrix, _ b: DenseMatrix, _ tolerance: Float, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.rowCount, b.rowCount, "rows", file: file, line: line)
        XCTAssertEqual(a.columnCount, b.columnCount, "columns", file: file, line: line)
        guard a.values.count == b.values.count else { return }
        let worst = zip(a.values, b.values).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, tolerance, "largest difference", file: file, line: line)
    }

    /// Largest |MᵀM − I| over the columns of M.
    static func orthonormalityError(_ m: DenseMatrix) -> Float {
        let g = m.transposedMultiply(m)
        var worst: Float = 0
        for i in 0..<g.rowCount { for j in 0..<g.columnCount { worst = max(worst, abs(g[i, j] - (i == j ? 1 : 0))) } }
        return worst
    }
}

final class LinalgSparseMatrixTests: XCTestCase {
    func testBuilderSumsDuplicatesAndSortsColumns() {
        // Unordered, with (0, 2) three times and (2, 1) twice, row 1 empty.
        let triplets: [(row: Int, column: Int, value: Float)] = [
            (2, 3, 1), (0, 2, 1), (2, 1, 0.5), (0, 0, 4), (0, 2, 2), (2, 1, 0.25), (0, 2, 3), (2, 0, -1),
        ]
        let m = SparseMatrix(rowCount: 3, columnCount: 4, triplets: triplets)
        XCTAssertEqual(m.rowStarts, [0, 2, 2, 5])
        XCTAssertEqual(m.columns, [0, 2, 0, 1, 3])
        XCTAssertEqual(m.values, [4, 6, -1, 0.75, 1])
        XCTAssertEqual(m[0, 2], 6)
        XCTAssertEqual(m[1, 2], 0)
        XCTAssertEqual(m[2, 2], 0)
        XCTAssertEqual(m.densified(), DenseMatrix(rows: [[4, 0, 6, 0], [0, 0, 0, 0], [-1, 0.75, 0, 1]]))
    }

    func testBuilderIsIndependentOfArrivalOrderAndThreads() {
        var rng = FastRandom(seed: 7)
        let (m, n) = (60, 45)
        var triplets = (0..<3000).map { _ in (row: rng.next(below: m), column: rng.next(below: n), value: rng.nextFloat()) }
        // Symmetric counts: every cell also arrives as its mirror, elsewhere in the stream.
        let square = triplets.map { (row: $0.row % n, column: $0.column, value: $0.value) }
        triplets.shuffle(using: &rng)
        var reference = [Double](repeating: 0, count: m * n)
        for t in triplets { reference[t.row * n + t.column] += Double(t.value) }

        func build(_ ts: [(row: Int, column: Int, value: Float)], rows: Int, threads: Int) -> SparseMatrix {
            var b = SparseMatrix.Builder(rowCount: rows, columnCount: n)
            for t in ts { b.count(row: t.row, column: t.column) }
            b.startFilling()
            for t in ts { b.add(row: t.row, column: t.column, value: t.value) }
            return b.build(threads: threads)
        }
        let one = build(triplets, rows: m, threads: 1)
        XCTAssertEqual(build(triplets.reversed(), rows: m, threads: 3), one, "same matrix whatever the order and threads")
        XCTAssertEqual(build(triplets.shuffled(using: &rng), rows: m, threads: 2), one)
        let dense = one.densified()
        for i in 0..<m { for j in 0..<n { XCTAssertEqual(Double(dense[i, j]), reference[i * n + j], accuracy: 1e-4) } }
        for i in 0..<m {
            let cols = Array(one.row(i).columns)
            XCTAssertEqual(cols, cols.sorted(), "row \(i) sorted")
            XCTAssertEqual(Set(cols).count, cols.count, "row \(i) without duplicates")
        }
        var symmetric = square
        symmetric += square.map { (row: $0.column, column: $0.row, value: $0.value) }
        let s = build(symmetric.shuffled(using: &rng), rows: n, threads: 2)
        XCTAssertEqual(s, s.transposed(), "mirrored triplets give a symmetric matrix")
    }

    func testEmptyRowsAndEmptyMatrix() {
        let empty = SparseMatrix.Builder(rowCount: 3, columnCount: 2).build()
        XCTAssertEqual(empty.rowStarts, [0, 0, 0, 0])
        XCTAssertEqual(empty.nonzeroCount, 0)
        XCTAssertEqual(empty.multiply(dense: DenseMatrix(rowCount: 2, columnCount: 4), threads: 2), DenseMatrix(rowCount: 3, columnCount: 4))
        XCTAssertEqual(empty.transposed().rowCount, 2)
        XCTAssertEqual(empty.rowNorms(), [0, 0, 0])
    }

    func testCSRInitAndDenseRoundTrip() {
        let d = DenseMatrix(rows: [[0, 1, 0], [2, 0, 3]])
        let s = SparseMatrix(d)
        XCTAssertEqual(s, SparseMatrix(rowCount: 2, columnCount: 3, rowStarts: [0, 1, 3], columns: [1, 0, 2], values: [1, 2, 3]))
        XCTAssertEqual(s.densified(), d)
    }

    func testTransposedMatchesDense() {
        let s = LinalgFixtures.sparse(37, 23, density: 0.2, seed: 1)
        let t = s.transposed()
        XCTAssertEqual(t.densified(), s.densified().transposed())
        XCTAssertEqual(t.transposed(), s)
    }

    func testScaleRowsAndColumnsMatchDense() {
        var s = LinalgFixtures.sparse(20, 30, density: 0.3, seed: 2)
        var d = s.densified()
        let r = (0..<20).map { Float($0) * 0.5 - 3 }, c = (0..<30).map { Float($0 % 7) + 0.25 }
        s.scaleRows(by: r); d.scaleRows(by: r)
        s.scaleColumns(by: c); d.scaleColumns(by: c)
        LinalgFixtures.assertClose(s.densified(), d, 1e-6)
    }

    func testRowAccessDotsNormsAndSums() {
        let s = LinalgFixtures.sparse(25, 40, density: 0.25, seed: 3)
        let d = s.densified()
        for i in 0..<25 {
            let r = s.row(i)
            XCTAssertEqual(r.columns.count, r.values.count)
            var expanded = [Float](repeating: 0, count: 40)
            for (c, v) in zip(r.columns, r.values) { expanded[Int(c)] = v }
            XCTAssertEqual(expanded, Array(d.row(i)))
            for j in 0..<25 {
                let expected = zip(d.row(i), d.row(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                XCTAssertEqual(s.rowDot(i, j), expected, accuracy: 1e-5)
            }
        }
        let norms = d.rowNorms()
        for (a, b) in zip(s.rowNorms(), norms) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        for (a, i) in zip(s.rowSums(), 0..<25) { XCTAssertEqual(a, d.row(i).reduce(0, +), accuracy: 1e-5) }
        for (a, j) in zip(s.columnSums(), 0..<40) { XCTAssertEqual(a, d.column(j).reduce(0, +), accuracy: 1e-5) }
        XCTAssertEqual(s.frobeniusNorm(), d.frobeniusNorm(), accuracy: 1e-4)
        let other = LinalgFixtures.sparse(5, 40, density: 0.5, seed: 4)
        let expected = zip(d.row(3), other.densified().row(2)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        XCTAssertEqual(s.rowDot(3, other: other, 2), expected, accuracy: 1e-5)
    }

    func testMultiplyMatchesDenseProductForAnyThreadCount() {
        // A row with many entries (a frequent word) and empty rows, to unbalance the blocks.
        var triplets = (0..<50).map { (row: 0, column: $0, value: Float($0) * 0.01) }
        var rng = FastRandom(seed: 5)
        for _ in 0..<600 { triplets.append((row: 1 + rng.next(below: 40), column: rng.next(below: 50), value: rng.nextFloat() - 0.5)) }
        let s = SparseMatrix(rowCount: 61, columnCount: 50, triplets: triplets)
        for k in [1, 3, 13, 64] {
            let x = LinalgFixtures.dense(50, k, seed: UInt64(k))
            let one = s.multiply(dense: x, threads: 1)
            LinalgFixtures.assertClose(one, LinalgFixtures.naiveProduct(s.densified(), x), 1e-5)
            for t in [2, 3, 7] { XCTAssertEqual(s.multiply(dense: x, threads: t), one, "bit for bit with \(t) threads") }
        }
    }

    func testTransposedMultiplyMatchesDenseProductForAnyThreadCount() {
        let s = LinalgFixtures.sparse(70, 33, density: 0.15, seed: 6)
        for k in [1, 5, 32] {
            let x = LinalgFixtures.dense(70, k, seed: UInt64(100 + k))
            let one = s.transposedMultiply(dense: x, threads: 1)
            LinalgFixtures.assertClose(one, LinalgFixtures.naiveProduct(s.densified().transposed(), x), 1e-5)
            LinalgFixtures.assertClose(one, s.transposed().multiply(dense: x), 1e-5)
            for t in [2, 4, 40] { XCTAssertEqual(s.transposedMultiply(dense: x, threads: t), one, "bit for bit with \(t) threads") }
        }
    }
}

final class LinalgDenseMatrixTests: XCTestCase {
    func testProductsMatchTheTripleLoop() {
        let a = LinalgFixtures.dense(7, 5, seed: 1), b = LinalgFixtures.dense(5, 9, seed: 2)
        let c = LinalgFixtures.dense(7, 9, seed: 3), e = LinalgFixtures.dense(4, 5, seed: 4)
        LinalgFixtures.assertClose(a.multiply(b), LinalgFixtures.naiveProduct(a, b), 1e-5)
        LinalgFixtures.assertClose(a.transposedMultiply(c), LinalgFixtures.naiveProduct(a.transposed(), c), 1e-5)
        LinalgFixtures.assertClose(a.multiplyTransposed(e), LinalgFixtures.naiveProduct(a, e.transposed()), 1e-5)
        XCTAssertEqual(a.multiply(DenseMatrix.identity(5)), a)
        XCTAssertEqual(DenseMatrix(rowCount: 3, columnCount: 0).multiply(DenseMatrix(rowCount: 0, columnCount: 2)),
                       DenseMatrix(rowCount: 3, columnCount: 2), "an empty inner dimension gives zeros")
    }

    func testRowsColumnsSlicesAndTranspose() {
        let a = DenseMatrix(rows: [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(Array(a.row(1)), [4, 5, 6])
        XCTAssertEqual(a.column(2), [3, 6])
        XCTAssertEqual(a[1, 0], 4)
        XCTAssertEqual(a.transposed(), DenseMatrix(rows: [[1, 4], [2, 5], [3, 6]]))
        XCTAssertEqual(a.columns(1..<3), DenseMatrix(rows: [[2, 3], [5, 6]]))
        XCTAssertEqual(a.rows(1..<2), DenseMatrix(rows: [[4, 5, 6]]))
        let big = LinalgFixtures.dense(70, 45, seed: 9)
        XCTAssertEqual(big.transposed().transposed(), big)
        var s = a
        s.scaleColumns(by: [1, 0, -1]); s.scaleRows(by: [2, 1])
        XCTAssertEqual(s, DenseMatrix(rows: [[2, 0, -6], [4, 0, -6]]))
        XCTAssertEqual(a.rowNorms()[0], Float(14).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(a.frobeniusNorm(), Float(91).squareRoot(), accuracy: 1e-5)
    }
}
