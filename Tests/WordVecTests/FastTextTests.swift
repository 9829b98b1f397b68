import Foundation
import XCTest
import WordVec

/// fastText learns the planted structure of the synthetic corpus (topics, analogies and, through
/// its n-grams, morphology: unseen inflections land beside their stems), and its model file
/// round-trips exactly.
final class FastTextTests: XCTestCase {
    static func config(_ arch: FastTextConfig.Architecture = .skipgram, maxn: Int = 6, threads: Int = 2, seed: UInt64 = 1) -> FastTextConfig {
        var c = FastTextConfig(architecture: arch)
        c.dim = 40
        c.vocabulary.minCount = 3
        c.bucket = 200_000
        c.maxn = maxn
        c.sample = 1e-3
        c.threads = threads
        c.seed = seed
        return c
    }

    static func train(_ c: FastTextConfig) throws -> TrainedModel {
        try FastTextTrainer(config: c).train(try Corpus(path: TestSupport.syntheticCorpus.path),
                                             progress: ProgressReporter("test", mode: .quiet))
    }

    /// Shared between tests: the default skip-gram model.
    static let skipgram: TrainedModel = try! train(config())

    func assertLearns(_ model: TrainedModel, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case .dense(let e) = model.vectors else { return XCTFail("dense vectors expected", file: file, line: line) }
        let synthetic = TestSupport.syntheticCorpus.corpus
        XCTAssertGreaterThan(LearningProbes.topicPurity(e, synthetic), 0.9, "topic neighbours, \(label)", file: file, line: line)
        XCTAssertGreaterThan(LearningProbes.analogyAccuracy(e, synthetic), 0.5, "planted analogies, \(label)", file: file, line: line)
        XCTAssertEqual(model.epochLosses.count, 5, file: file, line: line)
        XCTAssertLessThan(model.epochLosses.last!!, model.epochLosses.first!!, "loss falls, \(label)", file: file, line: line)
    }

    func testSkipGramLearns() { assertLearns(Self.skipgram, "skipgram") }
    func testCBOWLearns() throws { assertLearns(try Self.train(Self.config(.cbow)), "cbow") }
    func testMaxnZeroIsPlainWord2VecThroughTheSameCode() throws {
        let model = try Self.train(Self.config(maxn: 0))
        assertLearns(model, "maxn 0")
        let ft = try XCTUnwrap(model.artifact as? FastTextModel)
        XCTAssertEqual(ft.ngrams.bucket, 0, "no n-gram rows without n-grams, as the fasttext CLI")
        XCTAssertEqual(ft.rows(of: ft.words[0]), [0])
        XCTAssertNil(ft.vector("neverseenword"))
    }

    /// An inflection never seen in training (stem + "ed") gets a vector from its n-grams that
    /// lies next to its stem's family; without n-grams (maxn 0) it gets none at all.
    func testUnseenInflectionsLandBesideTheirStems() throws {
        let ft = try XCTUnwrap(Self.skipgram.artifact as? FastTextModel)
        guard case .dense(let e) = Self.skipgram.vectors else { return XCTFail() }
        let index = CosineIndex(vectors: .dense(e))
        var sameFamily = 0, sharedNeighbours = 0, total = 0
        for (stem, inflection) in TestSupport.syntheticCorpus.corpus.unseenInflections {
            guard let stemRow = e.index[stem] else { continue }
            XCTAssertNil(e.index[inflection], "\(inflection) must be unseen")
            let v = try XCTUnwrap(ft.vector(inflection))
            total += 1
            let hits = index.nearest(toVector: v, k: 5)
            if let top = hits.first, e.words[top.row].hasPrefix(stem) { sameFamily += 1 }
            // The stem's own neighbours (other than its family) come back around the inflection.
            let stemHits = Set(try index.nearest(toRow: stemRow, k: 10).map(\.row))
            let near = Set(index.nearest(toVector: v, k: 10).map(\.row))
            if stemHits.intersection(near).count >= 5 { sharedNeighbours += 1 }
        }
        XCTAssertEqual(total, 8)
        XCTAssertGreaterThanOrEqual(sameFamily, 7, "the nearest word of an unseen inflection is of its stem's family")
        XCTAssertGreaterThanOrEqual(sharedNeighbours, 6, "an unseen inflection shares its stem's neighbours")
    }

    func testModelFileRoundTripsExactly() throws {
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ft = try XCTUnwrap(Self.skipgram.artifact as? FastTextModel)
        try ft.save(to: dir + "/m.bin")
        XCTAssertTrue(FastTextModelReader.isModel(dir + "/m.bin"))
        let back = try FastTextModelReader.read(dir + "/m.bin", withOutput: true)
        XCTAssertEqual(back.args, ft.args)
        XCTAssertEqual(back.version, 12)
        XCTAssertEqual(back.words, ft.words)
        XCTAssertEqual(back.counts, ft.counts)
        XCTAssertEqual(back.tokens, ft.tokens)
        guard case .dense(let e) = Self.skipgram.vectors else { return XCTFail() }
        XCTAssertEqual(back.wordVectors().vectors, e.vectors, "word vectors identical after write and read")
        for w in ["zzqq", "bounseing", "ünïcödé"] { XCTAssertEqual(back.vector(w), ft.vector(w), w) }
        // Written again, the file is byte-identical (output matrix included).
        try back.save(to: dir + "/again.bin")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/m.bin")), try Data(contentsOf: URL(fileURLWithPath: dir + "/again.bin")))
    }

    /// The CLI path: -o writes the bag means (.vec), --save-model the .bin, and `vectors`,
    /// `neighbors` and `similarity --oov compose` read the model.
    func testCommandLineTrainsAndReadsTheModel() throws {
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let corpus = TestSupport.syntheticCorpus.path
        let r = try TestSupport.wordvec("train", "--method", "fasttext", corpus, "--dim", "24", "--bucket", "50000", "--min-count", "3",
                                        "--epoch", "3", "--lr", "0.05", "--threads", "2", "--quiet", "-o", dir + "/ft.vec", "--save-model", dir + "/ft.bin")
        XCTAssertEqual(r.status, 0, r.stderr)
        let vec = try VectorFileReader.readDense(dir + "/ft.vec")
        let model = try FastTextModelReader.read(dir + "/ft.bin")
        XCTAssertEqual(model.args.epoch, 3)
        XCTAssertEqual(model.wordVectors().vectors, vec.vectors)
        let stem = TestSupport.syntheticCorpus.corpus.unseenInflections[0]
        let v = try TestSupport.wordvec("vectors", dir + "/ft.bin", vec.words[0], stem.inflection)
        XCTAssertEqual(v.status, 0, v.stderr)
        let lines = v.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0].split(separator: " ").count, 25)
        XCTAssertTrue(v.stderr.contains("1 word not in the vocabulary, composed from n-grams: \(stem.inflection)"), v.stderr)
        let fromStdin = try TestSupport.wordvec("vectors", dir + "/ft.bin", stdin: Data("\(vec.words[0]) \(stem.inflection)\n".utf8))
        XCTAssertEqual(fromStdin.stdout, v.stdout)
        let pairs = dir + "/pairs.tsv"
        TestSupport.write("\(stem.stem)\t\(stem.inflection)\t9\n\(vec.words[1])\t\(stem.inflection)\t1\n\(vec.words[2])\t\(vec.words[3])\t5\n", to: pairs)
        let s = try TestSupport.wordvec("similarity", dir + "/ft.bin", pairs, "--oov", "compose")
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertTrue(s.stdout.contains("2 OOV pairs scored with composed subword vectors"), s.stdout)
        let bad = try TestSupport.wordvec("train", "--method", "fasttext", corpus, "--minn", "5", "--maxn", "4", "-o", dir + "/x.vec")
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--minn 5 is larger than --maxn 4"), bad.stderr)
    }

    /// `--oov compose` in analogy (an unseen inflection as c: the planted plural offset still
    /// holds), `convert --oov-words`, and `neighbors --oov skip`.
    func testEvaluationCommandsComposeUnknownWords() throws {
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ft = try XCTUnwrap(Self.skipgram.artifact as? FastTextModel)
        try ft.save(to: dir + "/m.bin")
        let plural = TestSupport.syntheticCorpus.corpus.relations[2].pairs
        var questions = ": gram-plural\n"
        for (a, b) in plural { for (c, d) in plural where c != a { questions += "\(a) \(b) \(c)ed \(d)\n" } }
        TestSupport.write(questions, to: dir + "/q.txt")
        let skipped = try TestSupport.wordvec("analogy", dir + "/m.bin", dir + "/q.txt", "--json", "--quiet")
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertTrue(skipped.stdout.contains("\"covered\" : 0"), skipped.stdout)
        let r = try TestSupport.wordvec("analogy", dir + "/m.bin", dir + "/q.txt", "--oov", "compose", "--json", "--quiet")
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["composedWords"] as? Int, plural.count)
        let total = try XCTUnwrap(report["total"] as? [String: Any])
        XCTAssertEqual(total["covered"] as? Int, plural.count * (plural.count - 1))
        XCTAssertGreaterThan(try XCTUnwrap(total["accuracy"] as? Double), 0.3, "b − a + (c + ed) lands on d: the n-grams carry the stem")
        let plain = try TestSupport.wordvec("analogy", TestSupport.syntheticCorpus.path, dir + "/q.txt", "--oov", "compose")
        XCTAssertNotEqual(plain.status, 0)

        let words = plural.map { $0.0 + "ed" } + [ft.words[0]]
        let c = try TestSupport.wordvec("convert", dir + "/m.bin", dir + "/out.vec", "--oov-words", "-", stdin: Data(words.joined(separator: " ").utf8))
        XCTAssertEqual(c.status, 0, c.stderr)
        let converted = try VectorFileReader.readDense(dir + "/out.vec")
        XCTAssertEqual(converted.count, ft.words.count + plural.count)
        XCTAssertEqual(converted.vector(words[0]), ft.vector(words[0]))
        XCTAssertEqual(converted.vector(ft.words[3]), ft.vector(ft.words[3]))

        let n = try TestSupport.wordvec("neighbors", dir + "/m.bin", words[0], "--oov", "skip")
        XCTAssertEqual(n.stdout, "\(words[0]): not in the vocabulary\n")
        let composed = try TestSupport.wordvec("neighbors", dir + "/m.bin", words[0], "-k", "3")
        XCTAssertTrue(composed.stderr.contains("1 query word outside the vocabulary composed"), composed.stderr)
    }

    func testConfigRoundTripsThroughJSON() throws {
        var c = Self.config(.cbow)
        c.bucket = 1234
        let data = try JSONEncoder().encode(c)
        XCTAssertEqual(try JSONDecoder().decode(FastTextConfig.self, from: data), c)
    }
}
