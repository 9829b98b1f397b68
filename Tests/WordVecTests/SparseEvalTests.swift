import Foundation
import XCTest
import WordVec

/// `neighbors`, `compare` (analogy and similarity) on sparse vectors give what the same vectors
/// give densified, and sparse files with a million dimensions are evaluated without a dense copy.
final class SparseEvalTests: TempDirTestCase {
    /// tf-idf over chunks of 400 tokens of the synthetic corpus: sparse, a few hundred dimensions.
    func tfidfFile() throws -> String {
        let out = dir + "/t.sparse"
        let r = try TestSupport.wordvec("train", "--method", "tfidf", TestSupport.syntheticCorpus.path, "--min-count", "3",
                                        "--doc-size", "400", "--idf", "plain", "-o", out, "--quiet")
        XCTAssertEqual(r.status, 0, r.stderr)
        return out
    }

    func testNeighborsEqualTheDensifiedVectors() throws {
        guard case .sparse(let s) = try VectorFileReader.read(try tfidfFile()) else { return XCTFail("not sparse") }
        let sparse = CosineIndex(vectors: .sparse(s)), dense = CosineIndex(vectors: .dense(s.dense()))
        XCTAssertFalse(sparse.isDense)
        for row in stride(from: 0, to: s.count, by: 7) {
            let a = try sparse.nearest(toRow: row, k: 10), b = try dense.nearest(toRow: row, k: 10)
            XCTAssertEqual(a.map(\.row), b.map(\.row), "neighbours of \(s.words[row])")
            for (x, y) in zip(a, b) { XCTAssertEqual(x.similarity, y.similarity, accuracy: 1e-5) }
        }
    }

    /// The same table from the sparse file and from its dense conversion.
    func testCompareGivesTheSameTableForSparseAndDense() throws {
        let sparse = try tfidfFile(), dense = dir + "/t.vec"
        XCTAssertEqual(try TestSupport.wordvec("convert", sparse, dense, "--to", "vec").status, 0)
        let synthetic = TestSupport.syntheticCorpus
        func table(_ file: String) throws -> String {
            let r = try TestSupport.wordvec("compare", file, "--name", "m", "--analogy", synthetic.questions,
                                            "--similarity", synthetic.pairs, "--quiet")
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stdout
        }
        // Every column but the last (the file's size on disk, which differs by design).
        func scores(_ table: String) -> [String] {
            table.split(separator: "\n").map { $0.split(separator: "|").dropLast().joined(separator: "|") }
        }
        let a = try table(sparse), b = try table(dense)
        XCTAssertTrue(a.contains("| size |"), a)
        XCTAssertEqual(scores(a), scores(b))
        XCTAssertTrue(a.contains("| m |"), a)
    }

    /// 400 words in 1,000,000 dimensions (densified: 1.6 GB): word w has 40 entries, 30 in the
    /// columns of its group (groups of 8 words) and 10 of its own. Similarity and analogy run on
    /// the sparse rows, the cosines equal a brute-force sparse dot product, and the process's peak
    /// memory grows by far less than a dense copy.
    func testMillionDimensionFileIsEvaluatedWithoutADenseCopy() throws {
        let dim = 1_000_000, words = (0..<400).map { "w\($0)" }
        var rng = SystemRandomNumberGenerator()
        var starts = [0], cols = [Int32](), vals = [Float]()
        for w in 0..<words.count {
            let group = w / 8
            var entries: [Int32: Float] = [:]
            for k in 0..<30 { entries[Int32(group * 1000 + k * 7)] = Float.random(in: 0.5...1, using: &rng) }
            for k in 0..<10 { entries[Int32(500_000 + w * 1000 + k)] = Float.random(in: 0...0.3, using: &rng) }
            for c in entries.keys.sorted() { cols.append(c); vals.append(entries[c]!) }
            starts.append(cols.count)
        }
        let s = try SparseEmbeddings(words: words, dim: dim, rowStarts: starts, columns: cols, values: vals)
        let path = dir + "/big.sparse"
        try VectorFileWriter.write(s, to: path)
        var pairs = "", questions = ": groups\n"
        for w in stride(from: 0, to: 400, by: 3) { pairs += "w\(w)\tw\((w + 1) % 400)\t\(w % 8 == 7 ? 1 : 9)\n" }
        for g in 0..<40 { questions += "w\(8 * g) w\(8 * g + 1) w\(8 * g + 8) w\(8 * g + 9)\n" }
        let pairSet = try WordPairSet.parse(pairs, name: "p"), questionSet = try AnalogyQuestionSet.parse(questions, name: "q")
        try RandomIndexingTests.resetPeak()
        let before = try RandomIndexingTests.status("VmRSS")
        let v = try VectorSet.load(path).vectors
        let sim = try WordSimilarityBenchmark.evaluate(v, pairs: pairSet)
        let analogy = try AnalogyBenchmark.evaluate(v, questions: questionSet)
        let growth = try RandomIndexingTests.status("VmHWM") - before
        XCTAssertLessThan(growth, 200 << 20, "peak memory grew by \(growth) bytes")
        XCTAssertEqual(v.dim, dim)
        let brute = pairSet.pairs.map { p -> Double in
            let i = s.index[p.a]!, j = s.index[p.b]!
            return Double(s.dot(i, j) / (s.dot(i, i) * s.dot(j, j)).squareRoot())
        }
        XCTAssertEqual(sim.spearman!, RankStatistics.spearman(pairSet.pairs.map(\.score), brute)!, accuracy: 1e-9)
        XCTAssertGreaterThan(sim.spearman!, 0.5)
        XCTAssertEqual(analogy.total.covered, 40)
    }
}
