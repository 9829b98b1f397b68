import Foundation
import XCTest
import WordVec

/// Word similarity: rank statistics (ties), pair-file parsing and its errors, coverage and OOV policy.
final class SimilarityEvalTests: XCTestCase {
    func testRanksAverageTiesAndCorrelationsMatchScipy() throws {
        let x: [Double] = [1, 2, 2, 3, 5, 5, 5, 8], y: [Double] = [2, 1, 4, 4, 3, 9, 7, 7]
        XCTAssertEqual(RankStatistics.ranks(x), [1, 2.5, 2.5, 4, 6, 6, 6, 8])
        XCTAssertEqual(RankStatistics.ranks(y), [2, 1, 4.5, 4.5, 3, 8, 6.5, 6.5])
        // scipy.stats.spearmanr / pearsonr on the same data.
        XCTAssertEqual(try XCTUnwrap(RankStatistics.spearman(x, y)), 0.7144097497387378, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(RankStatistics.pearson(x, y)), 0.7095301883685982, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(RankStatistics.spearman([1, 2, 3], [30, 20, 10])), -1, accuracy: 1e-12)
        XCTAssertNil(RankStatistics.spearman([1, 2, 3], [4, 4, 4]), "constant input has no correlation")
        XCTAssertNil(RankStatistics.pearson([1], [2]))
    }

    func testParsesTabCommaAndSpaceSeparatedFilesWithHeaderAndComments() throws {
        let tab = try WordPairSet.parse("# WordSim\nWord 1\tWord 2\tHuman (mean)\nlove\tsex\t6.77\r\ntiger\tcat\t7.35\n\n", name: "t")
        XCTAssertEqual(tab.pairs, [WordPair(a: "love", b: "sex", score: 6.77, line: 3), WordPair(a: "tiger", b: "cat", score: 7.35, line: 4)])
        XCTAssertEqual(tab.headerLines, [2])
        let comma = try WordPairSet.parse("word1,word2,score\nold, new ,1.58\n", name: "c")
        XCTAssertEqual(comma.pairs.map(\.b), ["new"])
        let space = try WordPairSet.parse("// MEN\nsun-n  sunlight-n 50.0\n", name: "s")
        XCTAssertEqual(space.pairs.first?.score, 50)
    }

    func testBadPairFilesGiveErrorsNamingTheLine() {
        func message(_ text: String) -> String {
            do { _ = try WordPairSet.parse(text, name: "p.tsv"); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(message(""), "p.tsv: no word pairs in the file (expected `word1 word2 score` lines)")
        XCTAssertEqual(message("# only a comment\n"), "p.tsv: no word pairs in the file (expected `word1 word2 score` lines)")
        XCTAssertEqual(message("a\tb\t1\nc\td\tlots\n"), "p.tsv:2: the score `lots` is not a number")
        XCTAssertEqual(message("a\tb\t1\nc\td\n"), "p.tsv:2: expected `word1 word2 score` (tab, comma or space separated), found 2 fields")
        XCTAssertEqual(message("a b 1 2\n"), "p.tsv:1: expected `word1 word2 score` (tab, comma or space separated), found 4 fields")
        XCTAssertEqual(message("a\tb\tnan\n"), "p.tsv:1: the score `nan` is not a number")
        XCTAssertEqual(message("a\t\t3\n"), "p.tsv:1: an empty word")
        XCTAssertThrowsError(try WordPairSet.load("/nonexistent.tsv")) { XCTAssertEqual($0 as? WordVecError, .fileNotFound("/nonexistent.tsv")) }
    }

    func testCoverageOOVPolicyAndCaseFolding() throws {
        let e = try Embeddings(words: ["king", "Queen", "man", "woman", "apple"], dim: 3, vectors: [
            1, 0.9, 0,   0.9, 1, 0,   1, 0, 0.2,   0.8, 0.1, 0.3,   0, 0.1, 1,
        ])
        let set = try WordPairSet.parse("king\tqueen\t9\nman\twoman\t8\nking\tapple\t1\nman\tunicorn\t3\nQUEEN\tapple\t2\n", name: "p")
        let r = try WordSimilarityBenchmark.evaluate(.dense(e), pairs: set)
        XCTAssertEqual(r.pairs, 5)
        XCTAssertEqual(r.covered, 4)
        XCTAssertEqual(r.scored, 4)
        XCTAssertEqual(r.oovPairs, ["man unicorn"])
        XCTAssertEqual(r.coverage, 0.8, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(r.spearman), 1, accuracy: 1e-12, "cosines rank the pairs as the scores do")
        let zero = try WordSimilarityBenchmark.evaluate(.dense(e), pairs: set, options: SimilarityOptions(oov: .zero))
        XCTAssertEqual(zero.scored, 5)
        XCTAssertLessThan(try XCTUnwrap(zero.spearman), 1)
        let kept = try WordSimilarityBenchmark.evaluate(.dense(e), pairs: set, options: SimilarityOptions(caseFolding: false))
        XCTAssertEqual(kept.covered, 2, "queen/QUEEN no longer match Queen")
        let restricted = try WordSimilarityBenchmark.evaluate(.dense(e), pairs: set, options: SimilarityOptions(restrict: 4))
        XCTAssertEqual(restricted.covered, 2, "apple is past the restriction")
        XCTAssertTrue(r.renderText().contains("coverage      4/5 pairs (80.0%)"), r.renderText())
        XCTAssertTrue(r.renderText().contains("OOV pairs     1: man unicorn"))
    }

    func testSparseVectorsGiveTheSameCorrelation() throws {
        let f = EvalFixture()
        let set = try WordPairSet.parse(f.pairs, name: "p")
        let e = f.embeddings
        var starts = [0], cols: [Int32] = [], vals: [Float] = []
        for i in 0..<e.count {
            for j in 0..<e.dim where j % 3 != 0 { cols.append(Int32(j)); vals.append(e.vectors[i * e.dim + j]) }
            starts.append(cols.count)
        }
        let sparse = try SparseEmbeddings(words: e.words, dim: e.dim, rowStarts: starts, columns: cols, values: vals)
        let a = try WordSimilarityBenchmark.evaluate(.sparse(sparse), pairs: set)
        let b = try WordSimilarityBenchmark.evaluate(.dense(sparse.dense()), pairs: set)
        XCTAssertEqual(try XCTUnwrap(a.spearman), try XCTUnwrap(b.spearman), accuracy: 1e-9)
        XCTAssertGreaterThan(try XCTUnwrap(b.spearman), 0.5, "the fixture's scores follow its cosines")
    }
}
