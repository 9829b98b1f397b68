import XCTest
import WordVec

/// The small pieces word2vec is made of: row kernels, noise distribution, subsampling, Huffman codes.
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

    func testNoiseDistributionFollowsCountsToThePower075() {
        let counts = [1000, 300, 100, 10, 1]
        let noise = NoiseDistribution(counts: counts)
        var rng = FastRandom(seed: 5)
        var seen = [Int](repeating: 0, count: counts.count)
        let draws = 400_000
        for _ in 0..<draws { seen[noise.sample(&rng)] += 1 }
        let weights = counts.map { pow(Double($0), 0.75) }
        let total = weights.reduce(0, +)
        for i in 0..<counts.count {
            XCTAssertEqual(Double(seen[i]) / Double(draws), weights[i] / total, accuracy: 0.005, "word \(i)")
        }
    }

    func testSubsamplingFollowsWord2VecFormula() {
        let counts = [100_000, 1000, 10]
        let s = Subsampler(counts: counts, sample: 1e-3)
        let total = 101_010.0
        for (i, c) in counts.enumerated() {
            let f = Double(c) / total, t = 1e-3
            let expected = min(1, ((f / t).squareRoot() + 1) * t / f)
            XCTAssertEqual(s.keepProbability(i), expected, accuracy: 1e-6)
        }
        var rng = FastRandom(seed: 6)
        let kept = (0..<100_000).filter { _ in s.keep(0, &rng) }.count
        XCTAssertEqual(Double(kept) / 100_000, s.keepProbability(0), accuracy: 0.01)
        XCTAssertTrue(Subsampler(counts: counts, sample: 0).keep(0, &rng))
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
