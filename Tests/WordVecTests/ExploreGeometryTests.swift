import Foundation
import XCTest
import WordVec

/// `wordvec stats`: alignment, uniformity, anisotropy, principal-component variance and the
/// mean vector agree with numpy on the same pairs to 1e-4; the CLI prints them and its JSON.
final class ExploreGeometryTests: TempDirTestCase {
    func testGeometryMatchesNumpy() throws {
        let e = ExploreFixtures.cloud()
        let vec = dir + "/cloud.vec"
        try VectorFileWriter.write(e, to: vec)
        var options = GeometryOptions()
        options.randomPairs = 2000
        options.components = 4
        let positives = (0..<50).map { RowPair($0, $0 + 50) }
        let report = try GeometryReport.measure(e, file: vec, options: options, positives: positives, source: "test")
        let random = PairSampler.random(count: 2000, rows: e.count, seed: options.seed)
        let pairsFile = dir + "/pairs.txt"
        TestSupport.write(random.map { "\($0.a) \($0.b)" }.joined(separator: "\n"), to: pairsFile)
        let positiveFile = dir + "/positive.txt"
        TestSupport.write(positives.map { "\($0.a) \($0.b)" }.joined(separator: "\n"), to: positiveFile)
        let script = ExploreFixtures.readVec + """
        words, X = read_vec(sys.argv[1])
        U = X / np.linalg.norm(X, axis=1, keepdims=True)
        def measure(path):
            P = np.loadtxt(path, dtype=int)
            D = U[P[:, 0]] - U[P[:, 1]]
            sq = (D ** 2).sum(1)
            return {'alignment': sq.mean(), 'uniformity': np.log(np.exp(-2 * sq).mean()),
                    'cosine': (U[P[:, 0]] * U[P[:, 1]]).sum(1).mean()}
        ev = np.sort(np.linalg.eigvalsh(np.cov(X, rowvar=False)))[::-1]
        print(json.dumps({'random': measure(sys.argv[2]), 'positive': measure(sys.argv[3]),
                          'shares': list(ev[:4] / ev.sum()), 'meanNorm': np.linalg.norm(X.mean(0)),
                          'rowNorm': np.linalg.norm(X, axis=1).mean()}))
        """
        let py = try ExploreFixtures.numpy(script, [vec, pairsFile, positiveFile])
        let r = try XCTUnwrap(py["random"] as? [String: Double]), p = try XCTUnwrap(py["positive"] as? [String: Double])
        XCTAssertEqual(report.random.alignment, r["alignment"]!, accuracy: 1e-4)
        XCTAssertEqual(report.random.uniformity, r["uniformity"]!, accuracy: 1e-4)
        XCTAssertEqual(report.anisotropy, r["cosine"]!, accuracy: 1e-4)
        let positive = try XCTUnwrap(report.positive)
        XCTAssertEqual(positive.alignment, p["alignment"]!, accuracy: 1e-4)
        XCTAssertEqual(positive.uniformity, p["uniformity"]!, accuracy: 1e-4)
        XCTAssertEqual(positive.meanCosine, p["cosine"]!, accuracy: 1e-4)
        let shares = try XCTUnwrap(py["shares"] as? [Double])
        for (a, b) in zip(report.componentVarianceShare, shares) { XCTAssertEqual(a, b, accuracy: 1e-4) }
        XCTAssertEqual(report.meanVectorNorm, py["meanNorm"] as! Double, accuracy: 1e-4)
        XCTAssertEqual(report.meanRowNorm, py["rowNorm"] as! Double, accuracy: 1e-4)
        // The planted offset along dimension 0 makes the cloud anisotropic.
        XCTAssertGreaterThan(report.anisotropy, 0.2)
    }

    func testNormProfileBandsAndPositivePairSources() throws {
        let bands = NormProfile(norms: (0..<250).map { Float($0) }).bands
        XCTAssertEqual(bands.map(\.from), [1, 11, 31, 101])
        XCTAssertEqual(bands.map(\.to), [10, 30, 100, 250])
        XCTAssertEqual(bands[0].meanNorm, 4.5, accuracy: 1e-9)
        let e = try Embeddings(words: ["a", "b", "c", "d"], dim: 2, vectors: [1, 0, 0, 1, 1, 1, -1, 0])
        let set = try WordPairSet.parse("a\tb\t9\nc\td\t1\na\tzz\t8\nb\tc\t5\n", name: "p.tsv")
        var lookup = WordLookup(index: e.index)
        let top = PairSampler.positives(similarity: set, quantile: 0.5, lookup: &lookup)
        XCTAssertEqual(top, [RowPair(0, 1)])            // scores ≥ median 6.5: a–b (9), a–zz (8, unknown)
        XCTAssertEqual(lookup.unknown, ["zz"])
        let q = try AnalogyQuestionSet.parse(": s\na b c d\nb a d c\n", name: "q.txt")
        var lookup2 = WordLookup(index: e.index)
        XCTAssertEqual(PairSampler.positives(analogy: q, lookup: &lookup2), [RowPair(0, 1), RowPair(2, 3)])
    }

    func testStatsCommand() throws {
        let vec = dir + "/cloud.vec"
        try VectorFileWriter.write(ExploreFixtures.cloud(), to: vec)
        let pairs = file("pairs.tsv", "w1\tw2\t9\nw3\tw4\t8\nw5\tnope\t7\nw6\tw7\t1\n")
        let text = try TestSupport.wordvec("stats", vec, "--positive-similarity", pairs, "--positive-quantile", "0.25")
        XCTAssertEqual(text.status, 0, text.stderr)
        for s in ["anisotropy", "uniformity", "positive (pairs.tsv)", "1–10", "unknown word in the positive pairs: nope"] {
            XCTAssertTrue(text.stdout.contains(s), s + "\n" + text.stdout)
        }
        let json = try TestSupport.wordvec("stats", vec, "--json", "--pairs", "500")
        XCTAssertEqual(json.status, 0, json.stderr)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((obj["random"] as? [String: Any])?["pairs"] as? Int, 500)
        XCTAssertNotNil(obj["normByRank"])
        assertOneLineError(try TestSupport.wordvec("stats", vec, "--positive-similarity", file("none.tsv", "x\ty\t1\n")),
                           "no positive pair has both words")
        assertOneLineError(try TestSupport.wordvec("stats", dir + "/missing.vec"), "missing.vec: no such file")
    }
}
