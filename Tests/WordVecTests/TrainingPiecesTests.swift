import XCTest
import WordVec

/// The small pieces word2vec is made of: row kernels and Huffman codes (noise distribution and
/// subsampling are tested with the vocabulary, in VocabularyTests).
final class TrainingPiecesTests: XCTestCase {
    func randomRows(_ count: Int, _ rng: inout FastRandom) -> UnsafeMutablePointer<Float> {
        let p = RowKernels.allocateRows(count)
        for i in 0..<count { p[i] = rng.nextFloat() - 0.5 }
        return p
    }

    func testDotAndAxpyMatchScalarCode() {
        var rng = FastRandom(seed: 3)
        for stride in [16, 32, 48, 112, 304] {
            let a = randomRows(stride, &rng), b = randomRows(stride, &rng)
            defer { RowKernels.deallocateRows(a); RowKernels.deallocateRows(b) }
            var expected: Float = 0
            for i in 0..<stride { expected += a[i] * b[i] }
            XCTAssertEqual(RowKernels.dot(a, b, stride), expected, accuracy: 1e-4)
            let before = Array(UnsafeBufferPointer(start: b, count: stride))
            RowKernels.axpy(0.5, a, b, stride)
            for i in 0..<stride { XCTAssertEqual(b[i], before[i] + 0.5 * a[i], accuracy: 1e-6) }
        }
    }

    func testBlockUpdateMatchesPairwiseUpdatesFromOldValues() {
        var rng = FastRandom(seed: 4)
        let stride = 48, k = 3, n = 4
        let matrix = randomRows(6 * stride, &rng)
        defer { RowKernels.deallocateRows(matrix) }
        // Rows 0,1,0 as contexts (a repeated word) and 2..5 as targets.
        let hIdx = [0, 1, 0], tIdx = [2, 3, 4, 5]
        let old = Array(UnsafeBufferPointer(start: matrix, count: 6 * stride))
        let g = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
        var expected = old
        for i in 0..<k {
            for j in 0..<n {
                for d in 0..<stride {
                    expected[hIdx[i] * stride + d] += g[i * n + j] * old[tIdx[j] * stride + d]
                    expected[tIdx[j] * stride + d] += g[i * n + j] * old[hIdx[i] * stride + d]
                }
            }
        }
        let h = UnsafeMutablePointer<UnsafeMutablePointer<Float>>.allocate(capacity: k)
        let t = UnsafeMutablePointer<UnsafeMutablePointer<Float>>.allocate(capacity: n)
        let scratch = RowKernels.allocateRows(k * 16)
        defer { h.deallocate(); t.deallocate(); RowKernels.deallocateRows(scratch) }
        for i in 0..<k { h[i] = matrix + hIdx[i] * stride }
        for j in 0..<n { t[j] = matrix + tIdx[j] * stride }
        g.withUnsafeBufferPointer { RowKernels.blockUpdate(h: h, k: k, t: t, n: n, g: $0.baseAddress!, stride: stride, scratch: scratch) }
        for i in 0..<(6 * stride) { XCTAssertEqual(matrix[i], expected[i], accuracy: 1e-5, "element \(i)") }
    }

    func testDot4MatchesFourDotProducts() {
        var rng = FastRandom(seed: 8)
        for stride in [16, 112, 304] {
            let a = randomRows(stride, &rng), b = randomRows(4 * stride, &rng)
            defer { RowKernels.deallocateRows(a); RowKernels.deallocateRows(b) }
            let f = RowKernels.dot4(a, b, b + stride, b + 2 * stride, b + 3 * stride, stride)
            for q in 0..<4 {
                var expected: Float = 0
                for i in 0..<stride { expected += a[i] * b[q * stride + i] }
                XCTAssertEqual(f[q], expected, accuracy: 1e-4)
            }
        }
    }

    func testOuterUpdateMatchesCBOWUpdatesFromOldValues() {
        var rng = FastRandom(seed: 9)
        let stride = 48, n = 3
        let h = randomRows(stride, &rng), rows = randomRows(2 * stride, &rng), e = RowKernels.allocateRows(stride)
        defer { RowKernels.deallocateRows(h); RowKernels.deallocateRows(rows); RowKernels.deallocateRows(e) }
        // Targets: rows 0, 1, 0 (a negative equal to another target lands twice).
        let tIdx = [0, 1, 0]
        let g: [Float] = [0.3, -0.2, -0.1]
        let old = Array(UnsafeBufferPointer(start: rows, count: 2 * stride))
        var expectedRows = old, expectedE = [Float](repeating: 0, count: stride)
        for j in 0..<n {
            for d in 0..<stride {
                expectedE[d] += g[j] * expectedRows[tIdx[j] * stride + d]   // e reads t as the loop reaches it
                expectedRows[tIdx[j] * stride + d] += g[j] * h[d]
            }
        }
        let t = UnsafeMutablePointer<UnsafeMutablePointer<Float>>.allocate(capacity: n)
        defer { t.deallocate() }
        for j in 0..<n { t[j] = rows + tIdx[j] * stride }
        g.withUnsafeBufferPointer { RowKernels.outerUpdate(h: h, t: t, n: n, g: $0.baseAddress!, e: e, stride: stride) }
        for i in 0..<(2 * stride) { XCTAssertEqual(rows[i], expectedRows[i], accuracy: 1e-5) }
        for d in 0..<stride { XCTAssertEqual(e[d], expectedE[d], accuracy: 1e-5) }
    }

    func testMatrixAllocationIsZeroedAndAligned() {
        for count in [10, 1 << 20] {   // below and above the 2 MiB huge-page threshold
            let p = RowKernels.allocateMatrix(count)
            defer { RowKernels.deallocateRows(p) }
            XCTAssertEqual(Int(bitPattern: p) % 64, 0)
            if count * 4 >= 2 << 20 { XCTAssertEqual(Int(bitPattern: p) % (2 << 20), 0) }
            XCTAssertTrue(UnsafeBufferPointer(start: p, count: count).allSatisfy { $0 == 0 })
        }
    }

    func testHuffmanCodesArePrefixFreeAndFavourFrequentWords() {
        let counts = [500, 300, 100, 50, 20, 20, 5, 1]
        let tree = HuffmanTree(counts: counts)
        XCTAssertEqual(tree.innerCount, counts.count - 1)
        for i in 0..<counts.count {
            XCTAssertEqual(tree.codes[i].count, tree.points[i].count)
            XCTAssertTrue(tree.points[i].allSatisfy { $0 >= 0 && Int($0) < tree.innerCount })
            for j in 0..<counts.count where j != i {
                XCTAssertFalse(tree.codes[j].starts(with: tree.codes[i]), "code of \(i) is a prefix of \(j)")
            }
        }
        XCTAssertLessThanOrEqual(tree.codes[0].count, tree.codes[7].count)
        // Total weighted code length equals the optimum, the sum of Huffman's merged weights:
        // 6 + 26 + 46 + 96 + 196 + 496 + 996 = 1862.
        let cost = zip(counts, tree.codes).map { $0 * $1.count }.reduce(0, +)
        XCTAssertEqual(cost, 1862)
    }
}
