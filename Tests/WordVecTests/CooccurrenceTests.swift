import Foundation
import XCTest
import WordVec

/// The co-occurrence counter against a brute-force count, and spilling against in-memory.
final class CooccurrenceTests: XCTestCase {
    /// A random corpus: `types` words with Zipf-like frequencies, lines of 1...maxLine tokens.
    static func randomCorpus(tokens: Int, types: Int, maxLine: Int, seed: UInt64) -> String {
        var rng = FastRandom(seed: seed)
        var lines: [String] = []
        var left = tokens
        while left > 0 {
            let n = min(left, 1 + rng.next(below: maxLine))
            var words: [String] = []
            for _ in 0..<n {
                // Zipf-ish: the square of a uniform draw favours small ranks.
                let u = rng.nextFloat()
                words.append("w\(Int(u * u * Float(types)))")
            }
            lines.append(words.joined(separator: " "))
            left -= n
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// X by definition: every in-vocabulary word pairs with the `window` in-vocabulary words
    /// before it on its line, at distance d, weight w(d), counted for (left, right) and, when
    /// symmetric, also for (right, left).
    static func bruteForce(_ text: String, vocabulary: Vocabulary, window: Int, symmetric: Bool,
                           weight: (Int) -> Double) -> [Int: [Int: Double]] {
        let index = vocabulary.makeIndex()
        var x: [Int: [Int: Double]] = [:]
        for line in text.split(separator: "\n") {
            let ids = line.split(separator: " ").compactMap { index[String($0)] }
            for p in 0..<ids.count {
                for d in 1...window where p - d >= 0 {
                    let h = ids[p - d], c = ids[p]
                    x[h, default: [:]][c, default: 0] += weight(d)
                    if symmetric { x[c, default: [:]][h, default: 0] += weight(d) }
                }
            }
        }
        return x
    }

    static func collect(_ counts: CooccurrenceCounts) throws -> [Int: [Int: Double]] {
        var x: [Int: [Int: Double]] = [:]
        try counts.forEachCell { i, j, v in
            XCTAssertNil(x[i]?[j], "cell (\(i), \(j)) streamed twice")
            x[i, default: [:]][j] = v
        }
        return x
    }

    static func vocabulary(_ path: String, minCount: Int) throws -> Vocabulary {
        try VocabularyCounter(minCount: minCount, threads: 1).count(Corpus(path: path)).vocabulary
    }

    func assertEqual(_ a: [Int: [Int: Double]], _ b: [Int: [Int: Double]], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
        let cellsA = a.values.reduce(0) { $0 + $1.count }, cellsB = b.values.reduce(0) { $0 + $1.count }
        XCTAssertEqual(cellsA, cellsB, "non-zero cells", file: file, line: line)
        var bad = 0
        for (i, row) in b {
            for (j, v) in row {
                let got = a[i]?[j] ?? 0
                if abs(got - v) > accuracy * max(1, v) {
                    bad += 1
                    if bad < 5 { XCTFail("X[\(i)][\(j)] = \(got), expected \(v)", file: file, line: line) }
                }
            }
        }
        XCTAssertEqual(bad, 0, file: file, line: line)
    }

    func testMatchesBruteForceSymmetricHarmonic() throws {
        let dir = TestSupport.tempDir()
        let path = dir + "/c.txt"
        let text = Self.randomCorpus(tokens: 20_000, types: 3_000, maxLine: 60, seed: 3)
        TestSupport.write(text, to: path)
        let vocab = try Self.vocabulary(path, minCount: 3)   // rare words are dropped before windowing
        XCTAssertLessThan(vocab.count, Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" })).count)
        for memory in [1 << 30, 1 << 20] {
            var o = CooccurrenceOptions(window: 7, symmetric: true, weighting: .harmonic, memoryBytes: memory, threads: 1)
            o.temporaryDirectory = dir
            let counts = try CooccurrenceCounter(options: o).count(Corpus(path: path), vocabulary: vocab)
            let expected = Self.bruteForce(text, vocabulary: vocab, window: 7, symmetric: true) { 1 / Double($0) }
            assertEqual(try Self.collect(counts), expected, accuracy: 1e-9)
        }
    }

    func testMatchesBruteForceAsymmetricAndOtherWeightings() throws {
        let dir = TestSupport.tempDir()
        let path = dir + "/c.txt"
        let text = Self.randomCorpus(tokens: 8_000, types: 200, maxLine: 30, seed: 5)
        TestSupport.write(text, to: path)
        let vocab = try Self.vocabulary(path, minCount: 2)
        let cases: [(CooccurrenceOptions.Weighting, Bool, (Int) -> Double)] = [
            (.harmonic, false, { 1 / Double($0) }),
            (.linear, true, { Double(5 - $0 + 1) }),
            (.uniform, false, { _ in 1 }),
        ]
        for (weighting, symmetric, w) in cases {
            let o = CooccurrenceOptions(window: 5, symmetric: symmetric, weighting: weighting, memoryBytes: 1 << 26, threads: 1)
            let counts = try CooccurrenceCounter(options: o).count(Corpus(path: path), vocabulary: vocab)
            let expected = Self.bruteForce(text, vocabulary: vocab, window: 5, symmetric: symmetric, weight: w)
            assertEqual(try Self.collect(counts), expected, accuracy: 1e-9)
        }
    }

    /// Entries come out in (i, j) order, only i <= j when symmetric, diagonal doubled.
    func testEntryOrderAndDiagonal() throws {
        let dir = TestSupport.tempDir()
        let path = dir + "/c.txt"
        TestSupport.write("a a b\nb a\n", to: path)
        let vocab = try Self.vocabulary(path, minCount: 1)   // a (3), b (2)
        let counts = try CooccurrenceCounter(options: CooccurrenceOptions(window: 2)).count(Corpus(path: path), vocabulary: vocab)
        var entries: [String] = []
        try counts.forEachEntry { i, j, x in entries.append("\(vocab.words[i]) \(vocab.words[j]) \(x)") }
        // Line 1: (a,a) d1, (a,b) d1, (a,b) d2; line 2: (b,a) d1. Diagonal counted from both sides.
        XCTAssertEqual(entries, ["a a 2.0", "a b 2.5"])
    }

    /// A tiny memory budget spills sorted runs, merges them in levels (fan-in 3), and gives
    /// exactly the in-memory counts; the temporary files are gone afterwards.
    func testSpillingGivesSameCounts() throws {
        let dir = TestSupport.tempDir()
        let path = dir + "/c.txt"
        TestSupport.write(Self.randomCorpus(tokens: 150_000, types: 6_000, maxLine: 200, seed: 7), to: path)
        let vocab = try Self.vocabulary(path, minCount: 1)
        let scratch = dir + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        func run(memory: Int) throws -> (entries: [UInt64], values: [Double], spilled: Bool) {
            var o = CooccurrenceOptions(window: 10, memoryBytes: memory, threads: 1)
            o.maxFanIn = 3
            o.temporaryDirectory = scratch
            let counts = try CooccurrenceCounter(options: o).count(Corpus(path: path), vocabulary: vocab)
            var keys: [UInt64] = [], values: [Double] = []
            try counts.forEachEntry { i, j, x in
                keys.append(UInt64(i) << 32 | UInt64(j))
                values.append(x)
            }
            return (keys, values, counts.hasSpilled)
        }
        let inMemory = try run(memory: 1 << 30)
        let spilled = try run(memory: 1 << 20)
        XCTAssertFalse(inMemory.spilled)
        XCTAssertTrue(spilled.spilled, "a 1 MB budget should spill")
        XCTAssertGreaterThan(inMemory.entries.count, 100_000)
        XCTAssertEqual(spilled.entries, inMemory.entries)
        XCTAssertEqual(spilled.values, inMemory.values)   // exact: integer weights
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [], "temporary files left behind")
    }

    /// Ctrl-C while spilling: `.interrupted`, and no temporary files left.
    func testInterruptRemovesTemporaryFiles() throws {
        let dir = TestSupport.tempDir()
        let path = dir + "/c.txt"
        TestSupport.write(Self.randomCorpus(tokens: 150_000, types: 6_000, maxLine: 200, seed: 9), to: path)
        let vocab = try Self.vocabulary(path, minCount: 1)
        let scratch = dir + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var o = CooccurrenceOptions(window: 10, memoryBytes: 1 << 20, threads: 1)
        o.temporaryDirectory = scratch
        Interrupt.set(true)
        defer { Interrupt.set(false) }
        XCTAssertThrowsError(try CooccurrenceCounter(options: o).count(Corpus(path: path), vocabulary: vocab)) {
            XCTAssertEqual($0 as? WordVecError, .interrupted)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [])
    }

    func testParallelCountingMatchesOneThreadUpToRangeCuts() throws {
        // Two byte ranges cut one line in two: only pairs across that cut may differ.
        let dir = TestSupport.tempDir()
        let path = dir + "/c.txt"
        TestSupport.write(Self.randomCorpus(tokens: 300_000, types: 2_000, maxLine: 20, seed: 11), to: path)
        let vocab = try Self.vocabulary(path, minCount: 1)
        func total(_ threads: Int) throws -> Double {
            let counts = try CooccurrenceCounter(options: CooccurrenceOptions(window: 5, memoryBytes: 1 << 26, threads: threads))
                .count(Corpus(path: path), vocabulary: vocab)
            var sum = 0.0
            try counts.forEachCell { _, _, x in sum += x }
            return sum
        }
        let one = try total(1), two = try total(2)
        XCTAssertLessThanOrEqual(two, one)
        // At most window * window pairs cross the cut, each weighing at most 1, counted twice.
        let bound: Double = 2 * 5 * 5
        XCTAssertLessThan(one - two, bound)
    }

    /// The dense region is the rank-product region (r·s <= P, r <= s when symmetric) of the
    /// largest P whose cells fit.
    func testDenseRegionIsTheLargestRankProductRegionThatFits() {
        for (v, maxCells, triangle) in [(50, 300, true), (50, 300, false), (1000, 5_000, true), (7, 1_000, true)] {
            let region = DenseRegion(vocabularySize: v, maxCells: maxCells, triangle: triangle)
            func cells(_ p: Int) -> Int {
                var n = 0
                for i in 0..<v { for j in (triangle ? i : 0)..<v where (i + 1) * (j + 1) <= p { n += 1 } }
                return n
            }
            XCTAssertEqual(region.cellCount, cells(region.productBound))
            XCTAssertLessThanOrEqual(region.cellCount, maxCells)
            if region.cellCount < (triangle ? v * (v + 1) / 2 : v * v) {
                XCTAssertGreaterThan(cells(region.productBound + 1), maxCells)
            }
        }
    }

    func testRejectsBadWindow() {
        XCTAssertThrowsError(try CooccurrenceCounter(options: CooccurrenceOptions(window: 0))
            .count(Corpus(path: TestSupport.syntheticCorpus.path), vocabulary: Vocabulary(words: ["a"], counts: [1])))
    }
}
