import Foundation
import XCTest
import WordVec

/// `wordvec bias` and `convert --debias` on vectors with planted bias: the direction, the
/// occupation projections, the analogy probe and WEAT find it; WEAT matches numpy to 1e-4;
/// hard debiasing removes it.
final class ExploreBiasTests: TempDirTestCase {
    static let dim = 24

    /// Definitional pairs f = B + g, m = B − g (g = 0.6·e₀); nurse/engineer planted on ±g;
    /// WEAT targets and attributes planted on ±e₁; 150 random filler words.
    static func planted() -> Embeddings {
        var rng = FastRandom(seed: 11)
        func base() -> [Float] { (0..<dim).map { _ in (rng.nextFloat() - 0.5) * 0.6 } }
        func plus(_ b: [Float], _ axis: Int, _ s: Float) -> [Float] { var v = b; v[axis] += s; return v }
        var words: [String] = [], rows: [[Float]] = []
        func add(_ w: String, _ v: [Float]) { words.append(w); rows.append(v) }
        for (f, m) in BiasWordLists.definitionalPairs {
            let b = base()
            add(f.lowercased(), plus(b, 0, 0.6)); add(m.lowercased(), plus(b, 0, -0.6))
        }
        let job = base()
        add("nurse", plus(job, 0, 0.45)); add("engineer", plus(job, 0, -0.45))
        add("doctor", base())
        for (prefix, s) in [("x", Float(0.5)), ("y", -0.5), ("a", 0.5), ("b", -0.5)] {
            for i in 0..<8 { add("\(prefix)\(i)", plus(base(), 1, s)) }
        }
        for i in 0..<150 { add("filler\(i)", base()) }
        return try! Embeddings(words: words, dim: dim, vectors: rows.flatMap { $0 })
    }

    static let weatSets = BiasWordLists.WEATSets(name: "planted", x: (0..<8).map { "x\($0)" } + ["xmissing"],
                                                 y: (0..<8).map { "y\($0)" }, a: (0..<8).map { "a\($0)" }, b: (0..<8).map { "b\($0)" })

    func testPlantedBiasIsFound() throws {
        var options = BiasOptions()
        options.occupations = ["nurse", "engineer", "doctor", "astronaut"]
        options.weat = [Self.weatSets]
        let report = try BiasReport.measure(Self.planted(), file: "planted.vec", options: options)
        XCTAssertEqual(report.definitionalPairsUsed, 10)
        XCTAssertGreaterThan(report.directionVarianceShare[0], 0.5, "one direction dominates the pairs")
        XCTAssertEqual(report.occupations.first?.word, "nurse")
        XCTAssertEqual(report.occupations.last?.word, "engineer")
        XCTAssertGreaterThan(report.occupations.first!.projection, 0.2)
        XCTAssertLessThan(report.occupations.last!.projection, -0.2)
        XCTAssertEqual(report.analogies.first { $0.word == "engineer" }?.answer, "nurse", "he : engineer :: she : nurse")
        XCTAssertEqual(report.weat.first?.sizes, [8, 8, 8, 8])
        XCTAssertGreaterThan(report.weat.first!.effectSize, 1.5)
        XCTAssertLessThan(report.weat.first!.pValue, 0.001)
        XCTAssertEqual(report.unknownWords, ["astronaut", "xmissing"])
    }

    func testWEATMatchesNumpy() throws {
        let e = Self.planted()
        let vec = dir + "/planted.vec"
        try VectorFileWriter.write(e, to: vec)
        // Mixed sets (a weaker association) so that the p-value is not simply 0.
        let sets = BiasWordLists.WEATSets(name: "mixed", x: ["x0", "x1", "x2", "y0", "y1", "filler1", "filler2"],
                                          y: ["y2", "y3", "x3", "filler3", "filler4", "filler5", "y4"],
                                          a: ["a0", "a1", "b0", "filler6"], b: ["b1", "b2", "a2", "filler7", "filler8"])
        var lookup = WordLookup(index: e.index)
        let r = try WEATResult(sets, unit: e.normalized(), lookup: &lookup)
        XCTAssertTrue(r.exact)
        let script = ExploreFixtures.readVec + """
        import itertools
        words, X = read_vec(sys.argv[1])
        U = X / np.linalg.norm(X, axis=1, keepdims=True)
        idx = {w: i for i, w in enumerate(words)}
        S = [U[[idx[w] for w in a.split(',')]] for a in sys.argv[2:6]]
        Xs, Ys, A, B = S
        s = lambda W: (W @ A.T).mean(1) - (W @ B.T).mean(1)
        sx, sy = s(Xs), s(Ys)
        allS = np.concatenate([sx, sy])
        d = (sx.mean() - sy.mean()) / allS.std(ddof=1)
        stat = sx.sum() - sy.sum()
        total, greater = 0, 0
        for c in itertools.combinations(range(len(allS)), len(sx)):
            t = 2 * allS[list(c)].sum() - allS.sum()
            total += 1; greater += t > stat + 1e-12 * max(1, abs(stat))
        print(json.dumps({'d': d, 'stat': stat, 'p': greater / total, 'n': total}))
        """
        let py = try ExploreFixtures.numpy(script, [vec] + [sets.x, sets.y, sets.a, sets.b].map { $0.joined(separator: ",") })
        XCTAssertEqual(r.effectSize, py["d"] as! Double, accuracy: 1e-4)
        XCTAssertEqual(r.statistic, py["stat"] as! Double, accuracy: 1e-4)
        XCTAssertEqual(r.pValue, py["p"] as! Double, accuracy: 1e-4)
        XCTAssertEqual(r.permutations, py["n"] as? Int)
        XCTAssertGreaterThan(r.pValue, 0.0)
        XCTAssertLessThan(r.pValue, 1.0)
    }

    func testHardDebiasNeutralizesAndEqualizes() throws {
        let e = Self.planted()
        let (out, summary) = try HardDebias().apply(to: e)
        XCTAssertEqual(summary.equalized, 8, "the equalize pairs present (he–she, man–woman, …), each once whatever its case forms")
        var lookup = WordLookup(index: out.index)
        let g = try BiasDirection(unit: e.normalized(), pairs: BiasWordLists.definitionalPairs, lookup: &lookup)
        func row(_ w: String) -> [Float] { out.row(out.index[w]!) }
        func dot(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        XCTAssertEqual(dot(row("nurse"), g.vector), 0, accuracy: 1e-5)
        XCTAssertEqual(dot(row("engineer"), g.vector), 0, accuracy: 1e-5)
        XCTAssertEqual(dot(row("he"), g.vector), -dot(row("she"), g.vector), accuracy: 1e-5)
        XCTAssertEqual(dot(row("nurse"), row("he")), dot(row("nurse"), row("she")), accuracy: 1e-5)
        XCTAssertGreaterThan(dot(row("she"), g.vector), 0.3, "gender-specific words keep their gender")
        // Through the CLI: the bias probe no longer finds the planted occupations apart.
        let vec = dir + "/planted.vec"
        try VectorFileWriter.write(e, to: vec)
        let r = try TestSupport.wordvec("convert", vec, dir + "/debiased.vec", "--debias")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("pairs equalized"), r.stderr)
        let occupations = file("occ.txt", "nurse engineer # planted\n")
        let b = try TestSupport.wordvec("bias", dir + "/debiased.vec", "--occupations", occupations, "--json")
        XCTAssertEqual(b.status, 0, b.stderr)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(b.stdout.utf8)) as? [String: Any])
        // The direction found again on the debiased vectors is close to, not exactly, the one removed.
        for o in obj["occupations"] as! [[String: Any]] { XCTAssertEqual(o["projection"] as! Double, 0, accuracy: 0.02) }
    }

    func testBiasCommandListsUnknownWordsAndReadsFiles() throws {
        let vec = dir + "/planted.vec"
        try VectorFileWriter.write(Self.planted(), to: vec)
        let weat = file("t.weat", "name: planted test\nX: x0 x1 x2 x3\nX: x4 x5 x6 x7\nY: y0 y1 y2 y3 y4 y5 y6 y7\nA: a0 a1 a2 a3 zzz\nB: b0 b1 b2 b3\n")
        let r = try TestSupport.wordvec("bias", vec, "--weat", weat, "--occupations", file("o.txt", "nurse engineer pilot\n"))
        XCTAssertEqual(r.status, 0, r.stderr)
        for s in ["planted test", "nurse", "8 8 4 4", "unknown words (left out)", "zzz", "pilot"] {
            XCTAssertTrue(r.stdout.contains(s), s + "\n" + r.stdout)
        }
        assertOneLineError(try TestSupport.wordvec("bias", vec, "--weat", file("bad.weat", "X: a\nQ: b\n")), "bad.weat:2: unknown set 'Q'")
        assertOneLineError(try TestSupport.wordvec("bias", vec, "--pairs", file("p.txt", "one two three\n")), "p.txt:1: expected two words")
        assertOneLineError(try TestSupport.wordvec("bias", vec, "--pairs", file("q.txt", "zz yy\n")), "no definitional pair")
    }
}
