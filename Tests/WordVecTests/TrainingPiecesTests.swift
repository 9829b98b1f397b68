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

    func testScaledSumEqualsZeroAddAndScale() {
        var rng = FastRandom(seed: 10)
        for stride in [16, 48, 112] {
            let k = 5
            let rows = randomRows(4 * stride, &rng), h = RowKernels.allocateRows(stride), expected = RowKernels.allocateRows(stride)
            defer { RowKernels.deallocateRows(rows); RowKernels.deallocateRows(h); RowKernels.deallocateRows(expected) }
            let idx = [2, 0, 3, 0, 1]   // row 0 twice: a word twice in the window counts twice
            let x = UnsafeMutablePointer<UnsafeMutablePointer<Float>>.allocate(capacity: k)
            defer { x.deallocate() }
            for i in 0..<k { x[i] = rows + idx[i] * stride }
            // Scalar reference: zero, add each row in order, scale (the order CBOW always used).
            for d in 0..<stride {
                var sum: Float = 0
                for i in 0..<k { sum += rows[idx[i] * stride + d] }
                expected[d] = sum * (1 / Float(k))
            }
            RowKernels.scaledSum(x, k: k, scale: 1 / Float(k), into: h, stride: stride)
            for d in 0..<stride { XCTAssertEqual(h[d], expected[d], "bit-identical at \(d)") }
        }
    }

    func testCBOWUpdateEqualsOuterUpdateThenContextAdds() {
        var rng = FastRandom(seed: 11)
        let stride = 112, n = 4, k = 3
        let h = randomRows(stride, &rng), e = RowKernels.allocateRows(stride)
        let outA = randomRows(3 * stride, &rng), inA = randomRows(3 * stride, &rng)
        let outB = RowKernels.allocateRows(3 * stride), inB = RowKernels.allocateRows(3 * stride)
        defer { for p in [h, e, outA, inA, outB, inB] { RowKernels.deallocateRows(p) } }
        outB.update(from: outA, count: 3 * stride)
        inB.update(from: inA, count: 3 * stride)
        var outS = Array(UnsafeBufferPointer(start: outA, count: 3 * stride))
        var inS = Array(UnsafeBufferPointer(start: inA, count: 3 * stride))
        let tIdx = [0, 1, 0, 2], xIdx = [1, 2, 1]   // repeated rows on both sides
        let g: [Float] = [0.3, -0.2, -0.1, -0.05]
        let tA = UnsafeMutablePointer<UnsafeMutablePointer<Float>>.allocate(capacity: n)
        let tB = UnsafeMutablePointer<UnsafeMutablePointer<Float>>.allocate(capacity: n)
        let xB = UnsafeMutablePointer<UnsafeMutablePointer<Float>>.allocate(capacity: k)
        defer { tA.deallocate(); tB.deallocate(); xB.deallocate() }
        for j in 0..<n { tA[j] = outA + tIdx[j] * stride; tB[j] = outB + tIdx[j] * stride }
        for i in 0..<k { xB[i] = inB + xIdx[i] * stride }
        // A: the unfused kernels; B: the fused one. Same arithmetic, so the same bits.
        g.withUnsafeBufferPointer { RowKernels.outerUpdate(h: h, t: tA, n: n, g: $0.baseAddress!, e: e, stride: stride) }
        for i in 0..<k { RowKernels.add(e, inA + xIdx[i] * stride, stride) }
        g.withUnsafeBufferPointer { RowKernels.cbowUpdate(h: h, t: tB, n: n, g: $0.baseAddress!, x: xB, k: k, stride: stride) }
        for d in 0..<(3 * stride) {
            XCTAssertEqual(outB[d], outA[d], "output element \(d)")
            XCTAssertEqual(inB[d], inA[d], "input element \(d)")
        }
        // And against scalar code (FMA rounds once, hence the tolerance).
        for d in 0..<stride {
            var e: Float = 0
            for j in 0..<n {
                e += g[j] * outS[tIdx[j] * stride + d]
                outS[tIdx[j] * stride + d] += g[j] * h[d]
            }
            for i in 0..<k { inS[xIdx[i] * stride + d] += e }
        }
        for d in 0..<(3 * stride) {
            XCTAssertEqual(outB[d], outS[d], accuracy: 1e-6)
            XCTAssertEqual(inB[d], inS[d], accuracy: 1e-6)
        }
    }

    func testMatrixAllocationIsZeroedAndAligned() throws {
        for rows in [3, 20_000] {   // below and above the 2 MiB huge-page threshold (dim 100: 112 floats a row)
            let m = try RowMatrix(rows: rows, dim: 100)
            let count = rows * m.stride
            XCTAssertEqual(Int(bitPattern: m.base) % 64, 0)
            if count * 4 >= 2 << 20 { XCTAssertEqual(Int(bitPattern: m.base) % (2 << 20), 0) }
            XCTAssertTrue(UnsafeBufferPointer(start: m.base, count: count).allSatisfy { $0 == 0 })
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
