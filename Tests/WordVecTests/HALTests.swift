import Foundation
import XCTest
import WordVec

/// HAL's counts keep direction and distance weights, its reductions match brute force and a
/// full SVD, and both find the planted topics.
final class HALTests: TempDirTestCase {
    static let quiet = ProgressReporter("test", mode: .quiet)

    func halMatrix(_ corpus: String, window: Int, minCount: Int = 1) throws -> (HALMatrix, Vocabulary) {
        var c = HALConfig()
        c.window = window
        c.vocabulary.minCount = minCount
        c.threads = 2
        let vocabulary = try VocabularyCounter.vocabulary(for: Corpus(path: corpus), settings: c.vocabulary, threads: 1, progress: Self.quiet)
        let counts = try CooccurrenceCounter(options: c.cooccurrenceOptions).count(Corpus(path: corpus), vocabulary: vocabulary)
        return (HALMatrix(directed: try CooccurrenceMatrix(counts, threads: 2).counts), vocabulary)
    }

    func testLeftAndRightContextsAreKeptApartAndWeightedByDistance() throws {
        // "pa" always comes first, "ko" second, "mi" third; each line is its own window.
        let corpus = file("c.txt", String(repeating: "pa ko mi\n", count: 5) + "ko pa\n")
        let (h, vocabulary) = try halMatrix(corpus, window: 3)
        let index = vocabulary.makeIndex()
        let (pa, ko, mi) = (index["pa"]!, index["ko"]!, index["mi"]!)
        let v = vocabulary.count
        // Left context of ko: pa at distance 1, weight 3 (window − d + 1), five times.
        XCTAssertEqual(h[ko, pa], 15)
        // Right context of ko: mi at distance 1 five times, pa once (the last line).
        XCTAssertEqual(h[ko, v + mi], 15)
        XCTAssertEqual(h[ko, v + pa], 3)
        // mi sees pa at distance 2 on its left (weight 2), never on its right.
        XCTAssertEqual(h[mi, pa], 10)
        XCTAssertEqual(h[mi, v + pa], 0)
        XCTAssertEqual(h[pa, mi], 0, "mi never comes before pa")
        XCTAssertEqual(h[pa, v + mi], 10)
    }

    func testVarianceSelectionMatchesBruteForce() throws {
        var rng = FastRandom(seed: 9)
        let words = ["ab", "cd", "ef", "gh", "ij", "kl"]
        let text = (0..<40).map { _ in (0..<(3 + rng.next(below: 6))).map { _ in words[min(rng.next(below: 6), rng.next(below: 6))] }.joined(separator: " ") }
        let (h, vocabulary) = try halMatrix(file("c.txt", text.joined(separator: "\n") + "\n"), window: 4)
        let v = vocabulary.count
        let dense = (0..<v).map { w in (0..<(2 * v)).map { Double(h[w, $0]) } }
        let variances = h.columnVariances()
        for j in 0..<(2 * v) {
            let column = dense.map { $0[j] }
            let mean = column.reduce(0, +) / Double(v)
            XCTAssertEqual(variances[j], column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v), accuracy: 1e-6 * max(1, variances[j]))
        }
        let kept = h.highestVarianceColumns(5)
        XCTAssertEqual(kept.map { variances[$0] }, kept.map { variances[$0] }.sorted(by: >))
        XCTAssertEqual(kept.map { variances[$0] }.min()!, variances.sorted(by: >)[4])
        let reduced = h.denseColumns(kept)
        for w in 0..<v { for (slot, j) in kept.enumerated() { XCTAssertEqual(Double(reduced[w, slot]), dense[w][j]) } }
        // The SVD through X and Xᵀ equals LAPACK's SVD of the formed V × 2V matrix.
        let formed = DenseMatrix(rows: dense.map { $0.map(Float.init) })
        let exact = try LAPACK.svd(formed).singularValues
        let f = try h.svd(TruncatedSVD(rank: 4, oversampling: 2, powerIterations: 10, threads: 2))
        for j in 0..<4 { XCTAssertEqual(f.singularValues[j], exact[j], accuracy: 1e-3 * exact[j]) }
    }

    func testFindsPlantedTopicsBothWays() throws {
        for reduce in HALConfig.Reduction.allCases {
            var c = HALConfig()
            c.vocabulary.minCount = 3
            c.dim = 60
            c.window = 4
            c.reduce = reduce
            c.threads = 2
            let model = try HALTrainer(config: c).train(Corpus(path: TestSupport.syntheticCorpus.path), progress: Self.quiet)
            let purity = LearningProbes.topicPurity(model.vectors.dense, TestSupport.syntheticCorpus.corpus)
            XCTAssertGreaterThan(purity, 0.9, "\(reduce)")
        }
    }

    func testDimBeyondTheColumnsAndNothingLearnedAreErrors() throws {
        var c = HALConfig()
        c.vocabulary.minCount = 1
        c.dim = 7
        let corpus = file("c.txt", "one two three\n")
        XCTAssertThrowsError(try HALTrainer(config: c).train(Corpus(path: corpus), progress: Self.quiet)) {
            XCTAssertTrue("\($0)".contains("--dim 7"), "\($0)")
        }
        c.dim = 2
        XCTAssertThrowsError(try HALTrainer(config: c).train(Corpus(path: file("d.txt", "one\ntwo\n")), progress: Self.quiet)) {
            XCTAssertTrue("\($0)".contains("nothing learned"), "\($0)")
        }
        var json = c
        json.reduce = .svd
        XCTAssertEqual(try JSONDecoder().decode(HALConfig.self, from: JSONEncoder().encode(json)), json)
    }
}
