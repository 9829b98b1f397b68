import Foundation
import XCTest
import WordVec

/// PPMI equals the formula computed by brute force, finds the planted structure, and PPMI-SVD
/// brings together words that share contexts without ever co-occurring.
final class PPMITests: TempDirTestCase {
    static let quiet = ProgressReporter("test", mode: .quiet)

    static func ppmi(_ corpus: String, minCount: Int = 1, _ change: (inout PPMISettings) -> Void = { _ in }) throws -> SparseEmbeddings {
        var c = PPMIConfig()
        c.vocabulary.minCount = minCount
        c.threads = 2
        change(&c.ppmi)
        guard case .sparse(let s) = try PPMITrainer(config: c).train(Corpus(path: corpus), progress: quiet).vectors else {
            throw XCTSkip("ppmi must give sparse vectors")
        }
        return s
    }

    static func svd(_ corpus: String, dim: Int = 40, minCount: Int = 3, _ change: (inout PPMISVDConfig) -> Void = { _ in }) throws -> TrainedModel {
        var c = PPMISVDConfig()
        c.vocabulary.minCount = minCount
        c.dim = dim
        c.threads = 2
        change(&c)
        return try PPMISVDTrainer(config: c).train(Corpus(path: corpus), progress: quiet)
    }

    /// PPMI by the book: symmetric window counts per line (weight 1, or (window − d + 1)/window
    /// with the dynamic window), marginals, smoothed context distribution, shift, positive part.
    static func bruteForce(_ lines: [[String]], window: Int, dynamic: Bool, cds: Double, shift: Double) -> [String: [String: Double]] {
        var x: [String: [String: Double]] = [:]
        for line in lines {
            for (i, w) in line.enumerated() {
                for (j, c) in line.enumerated() where i != j && abs(i - j) <= window {
                    x[w, default: [:]][c, default: 0] += dynamic ? Double(window - abs(i - j) + 1) / Double(window) : 1
                }
            }
        }
        var rowSum: [String: Double] = [:], columnSum: [String: Double] = [:]
        for (w, row) in x { for (c, n) in row { rowSum[w, default: 0] += n; columnSum[c, default: 0] += n } }
        let z = columnSum.values.reduce(0) { $0 + pow($1, cds) }
        var out: [String: [String: Double]] = [:]
        for (w, row) in x {
            for (c, n) in row {
                let pmi = log(n * z / (rowSum[w]! * pow(columnSum[c]!, cds))) - log(shift)
                if pmi > 0 { out[w, default: [:]][c] = pmi }
            }
        }
        return out
    }

    func testPPMIEqualsBruteForce() throws {
        var rng = FastRandom(seed: 5)
        let words = (0..<20).map { "w\($0)" }
        // Skewed word frequencies, lines of different lengths (windows stop at line ends).
        let lines = (0..<60).map { _ in (0..<(2 + rng.next(below: 9))).map { _ in words[min(rng.next(below: 20), rng.next(below: 20))] } }
        let corpus = file("c.txt", lines.map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n")
        for (window, dynamic, cds, shift) in [(2, false, 0.75, 1.0), (3, true, 1.0, 2.0), (1, false, 0.5, 1.5)] {
            let got = try Self.ppmi(corpus) { $0.window = window; $0.dynamicWindow = dynamic; $0.cds = cds; $0.shift = shift }
            let expected = Self.bruteForce(lines, window: window, dynamic: dynamic, cds: cds, shift: shift)
            XCTAssertEqual(got.dim, got.count, "one dimension per context word")
            var stored = 0
            for (i, w) in got.words.enumerated() {
                for p in got.rowStarts[i]..<got.rowStarts[i + 1] {
                    let c = got.words[Int(got.columns[p])]
                    let e = expected[w]?[c] ?? 0
                    XCTAssertEqual(Double(got.values[p]), e, accuracy: 1e-5 * max(1, e), "\(w) \(c) window \(window)")
                    stored += 1
                }
            }
            XCTAssertEqual(stored, expected.values.reduce(0) { $0 + $1.count }, "every positive entry, nothing else")
        }
    }

    func testSubsamplingIsSeededAndThinsFrequentWords() throws {
        let corpus = try Corpus(path: TestSupport.syntheticCorpus.path)
        var settings = VocabularySettings()
        settings.minCount = 3
        let vocabulary = try VocabularyCounter.vocabulary(for: corpus, settings: settings, threads: 1, progress: Self.quiet)
        func rowSums(_ sample: Double, seed: UInt64 = 1) throws -> [Double] {
            var p = PPMISettings()
            p.sample = sample
            let counts = try CooccurrenceCounter(options: p.cooccurrenceOptions(threads: 2, seed: seed, tokenizer: TokenizerOptions()))
                .count(corpus, vocabulary: vocabulary)
            return try CooccurrenceMatrix(counts, threads: 2).rowSums
        }
        let all = try rowSums(0), a = try rowSums(1e-3), b = try rowSums(1e-3), c = try rowSums(1e-3, seed: 2)
        XCTAssertEqual(a, b, "same seed and threads: same counts")
        XCTAssertNotEqual(a, c)
        // A filler (among the most frequent words) keeps about (sqrt(f/t) + 1)·t/f of its
        // occurrences; a relation word (f ≈ 1e-3) keeps all of them, and its windows reach past
        // the dropped fillers, so its count barely moves.
        let synthetic = TestSupport.syntheticCorpus.corpus
        let filler = vocabulary.makeIndex()[synthetic.fillers[0]]!, word = vocabulary.makeIndex()[synthetic.relations[0].pairs[0].0]!
        XCTAssertLessThan(a[filler] / all[filler], 0.5)
        XCTAssertGreaterThan(a[word] / all[word], 0.8)
    }

    func testPPMIFindsPlantedTopics() throws {
        let s = try Self.ppmi(TestSupport.syntheticCorpus.path, minCount: 3)
        XCTAssertGreaterThan(LearningProbes.topicPurity(s.dense(), TestSupport.syntheticCorpus.corpus), 0.9)
    }

    /// The two sides of a relation pair (country, capital) never share a sentence, so they never
    /// co-occur; they share their pair's context words. In PPMI-SVD, among the words that never
    /// co-occur with a, the nearest is its partner b.
    func testPPMISVDJoinsWordsThatShareContextsButNeverCoOccur() throws {
        let synthetic = TestSupport.syntheticCorpus
        let lines = try String(contentsOfFile: synthetic.path, encoding: .utf8).split(separator: "\n").map { Set($0.split(separator: " ").map(String.init)) }
        let model = try Self.svd(synthetic.path)
        let e = model.vectors.dense
        let index = CosineIndex(vectors: .dense(e))
        var pairs = 0, together = 0
        for relation in synthetic.corpus.relations where relation.name != "plural" {
            for (a, b) in relation.pairs {
                let seenWithA = lines.filter { $0.contains(a) }.reduce(into: Set<String>()) { $0.formUnion($1) }
                XCTAssertFalse(seenWithA.contains(b), "\(a) and \(b) share a line")
                guard let i = e.index[a], let j = e.index[b] else { continue }
                pairs += 1
                let nearest = try index.nearest(toRow: i, k: e.count - 1).map(\.row).first { !seenWithA.contains(e.words[$0]) }
                if nearest == j { together += 1 }
                XCTAssertGreaterThan(index.cosine(i, j), 0.3, "\(a) \(b)")
            }
        }
        XCTAssertGreaterThan(pairs, 10)
        XCTAssertGreaterThanOrEqual(Double(together) / Double(pairs), 0.8, "\(together) of \(pairs) partners are the nearest word never seen with a")
        XCTAssertGreaterThan(LearningProbes.topicPurity(e, synthetic.corpus), 0.9)
    }

    func testEigenvalueWeightingAndSum() throws {
        let path = TestSupport.syntheticCorpus.path
        let u = try Self.svd(path, dim: 10) { $0.eig = 0 }
        let half = try Self.svd(path, dim: 10) { $0.eig = 0.5 }
        let sum = try Self.svd(path, dim: 10) { $0.eig = 0.5; $0.output = .sum }
        // U has unit columns; U·Σ^0.5 has column norms √σ, decreasing.
        let ue = u.vectors.dense, he = half.vectors.dense
        let norms = (0..<10).map { j in (0..<he.count).reduce(Float(0)) { $0 + he.vectors[$1 * 10 + j] * he.vectors[$1 * 10 + j] }.squareRoot() }
        let unit = (0..<10).map { j in (0..<ue.count).reduce(Float(0)) { $0 + ue.vectors[$1 * 10 + j] * ue.vectors[$1 * 10 + j] }.squareRoot() }
        for j in 0..<10 { XCTAssertEqual(unit[j], 1, accuracy: 1e-3) }
        XCTAssertEqual(norms, norms.sorted(by: >))
        // W + C: the word vectors plus the context vectors.
        let context = try XCTUnwrap(sum.context)
        for k in 0..<he.vectors.count { XCTAssertEqual(sum.vectors.dense.vectors[k], he.vectors[k] + context.vectors[k], accuracy: 1e-5) }
    }

    func testNothingLearnedIsAnError() throws {
        let corpus = file("c.txt", "one\ntwo\none\ntwo\n")
        XCTAssertThrowsError(try Self.ppmi(corpus)) { XCTAssertTrue("\($0)".contains("nothing learned"), "\($0)") }
        XCTAssertThrowsError(try Self.svd(corpus, dim: 1, minCount: 1)) { XCTAssertTrue("\($0)".contains("nothing learned"), "\($0)") }
        XCTAssertThrowsError(try Self.svd(TestSupport.syntheticCorpus.path, dim: 100_000)) { XCTAssertTrue("\($0)".contains("--dim"), "\($0)") }
    }

    func testConfigsRoundTripAndValidationNamesTheFlag() throws {
        var p = PPMIConfig()
        p.ppmi.cds = 1; p.ppmi.dynamicWindow = true; p.ppmi.sample = 1e-4
        var s = PPMISVDConfig()
        s.eig = 1; s.output = .sum; s.ppmi.shift = 5
        XCTAssertEqual(try JSONDecoder().decode(PPMIConfig.self, from: JSONEncoder().encode(p)), p)
        XCTAssertEqual(try JSONDecoder().decode(PPMISVDConfig.self, from: JSONEncoder().encode(s)), s)
        XCTAssertTrue(try TrainingOutputs.configJSON(s).contains("\"method\" : \"ppmi-svd\""))
        for (flag, change) in [("--cds", { (c: inout PPMISVDConfig) in c.ppmi.cds = 2 }), ("--shift", { $0.ppmi.shift = 0.5 }),
                               ("--eig", { $0.eig = -1 }), ("--window", { $0.ppmi.window = 0 }), ("--vectors", { $0.output = .context })] {
            var c = PPMISVDConfig()
            change(&c)
            XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains(flag), "\($0)") }
        }
    }

    func testCLIWritesSparseByDefaultAndChecksFlags() throws {
        let corpus = TestSupport.syntheticCorpus.path
        let r = try TestSupport.run(TestSupport.binary, ["train", "--method", "ppmi", corpus, "--quiet", "--force"], directory: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOfFile: dir + "/corpus.ppmi.sparse", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("254 254 sparse\n"), String(text.prefix(40)))
        guard case .sparse(let loaded) = try VectorSet.load(dir + "/corpus.ppmi.sparse").vectors else { return XCTFail("not sparse") }
        XCTAssertEqual(loaded.count, 254)
        for (args, expected) in [(["--method", "sgns", "--cds", "0.75"], ["--cds", "ppmi, ppmi-svd"]),
                                 (["--method", "ppmi", "--dim", "10"], ["--dim"]),
                                 (["--method", "ppmi-svd", "--reduce", "svd"], ["--reduce", "hal"])] {
            let bad = try TestSupport.run(TestSupport.binary, ["train", corpus, "-o", dir + "/x.vec"] + args)
            XCTAssertEqual(bad.status, 64, "\(args): \(bad.stderr)")
            for e in expected { XCTAssertTrue(bad.stderr.contains(e), "\(args): '\(bad.stderr)' lacks \(e)") }
        }
        let help = try TestSupport.wordvec("train", "--method", "ppmi-svd", "--help")
        for s in ["--cds", "--shift", "--dynamic-window", "--sub", "--eig", "--power-iterations", "(default: 300)", "(default: 0.75)"] {
            XCTAssertTrue(help.stdout.contains(s), s)
        }
    }
}
