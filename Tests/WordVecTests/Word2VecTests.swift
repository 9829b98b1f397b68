import XCTest
import WordVec

/// word2vec learns the planted structure of the synthetic corpus, in every variant.
final class Word2VecTests: XCTestCase {
    static func train(_ arch: Word2VecConfig.Architecture, hs: Bool, negative: Int = 5, threads: Int = 2,
                      epochs: Int = 5, seed: UInt64 = 1) throws -> TrainedModel {
        var c = Word2VecConfig()
        c.architecture = arch
        c.hierarchicalSoftmax = hs
        c.negative = negative
        c.dim = 40
        c.vocabulary.minCount = 3
        c.epochs = epochs
        c.threads = threads
        c.seed = seed
        c.alpha = arch == .cbow ? 0.05 : 0.025
        let corpus = try Corpus(path: TestSupport.syntheticCorpus.path)
        return try Word2VecTrainer(config: c).train(corpus, progress: ProgressReporter("test", mode: .quiet))
    }

    func assertLearns(_ arch: Word2VecConfig.Architecture, hs: Bool, negative: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let model = try Self.train(arch, hs: hs, negative: negative)
        guard case .dense(let e) = model.vectors else { return XCTFail("dense vectors expected", file: file, line: line) }
        let synthetic = TestSupport.syntheticCorpus.corpus
        let purity = LearningProbes.topicPurity(e, synthetic)
        let analogy = LearningProbes.analogyAccuracy(e, synthetic)
        // Chance is about 1/vocabulary (≈ 0.5%) for analogies and 11/vocabulary for neighbours.
        XCTAssertGreaterThan(purity, 0.9, "topic neighbours, \(arch) hs=\(hs)", file: file, line: line)
        XCTAssertGreaterThan(analogy, 0.5, "planted analogies, \(arch) hs=\(hs)", file: file, line: line)
        XCTAssertEqual(model.epochLosses.count, 5, file: file, line: line)
        XCTAssertLessThan(model.epochLosses.last!!, model.epochLosses.first!!, "loss falls", file: file, line: line)
    }

    func testSkipGramNegativeSamplingLearns() throws { try assertLearns(.skipGram, hs: false, negative: 5) }
    func testSkipGramHierarchicalSoftmaxLearns() throws { try assertLearns(.skipGram, hs: true, negative: 0) }
    func testCBOWNegativeSamplingLearns() throws { try assertLearns(.cbow, hs: false, negative: 5) }
    func testCBOWHierarchicalSoftmaxLearns() throws { try assertLearns(.cbow, hs: true, negative: 0) }

    func testSingleThreadWithSeedIsByteIdentical() throws {
        let dir = TestSupport.tempDir()
        let corpus = TestSupport.syntheticCorpus.path
        for run in 1...2 {
            let r = try TestSupport.wordvec("train", corpus, "--threads", "1", "--seed", "7", "--epochs", "2", "--dim", "20",
                                            "--quiet", "-o", "\(dir)/run\(run).vec")
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/run1.vec"))
        let b = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/run2.vec"))
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b, "--threads 1 --seed 7 must give byte-identical output")
        let c = try TestSupport.wordvec("train", corpus, "--threads", "1", "--seed", "8", "--epochs", "2", "--dim", "20",
                                        "--quiet", "-o", "\(dir)/run3.vec")
        XCTAssertEqual(c.status, 0, c.stderr)
        XCTAssertNotEqual(a, try Data(contentsOf: URL(fileURLWithPath: "\(dir)/run3.vec")), "another seed, other vectors")
    }

    func testDivergenceIsAClearErrorAndWritesNothing() throws {
        let dir = TestSupport.tempDir()
        let r = try TestSupport.wordvec("train", TestSupport.syntheticCorpus.path, "--alpha", "10", "--epochs", "2",
                                        "--quiet", "-o", dir + "/div.vec")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("wordvec: error: ") && r.stderr.contains("training diverged") && r.stderr.contains("lower --alpha"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/div.vec"))
    }

    func testCorpusFromAPipeIsReadForEveryEpoch() throws {
        // A pipe can be read once; the corpus is kept in a private spool for the later passes.
        let dir = TestSupport.tempDir()
        let script = "'\(TestSupport.binary)' train <(cat '\(TestSupport.syntheticCorpus.path)') --threads 2 --epochs 2 --dim 16 -o '\(dir)/p.vec'"
        let r = try TestSupport.run("/bin/bash", ["-c", script])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Both epochs saw the words: the summary's per-epoch losses are not zero.
        let losses = r.stderr.components(separatedBy: "loss by epoch ").last?.split(separator: " ").prefix(2).compactMap { Double($0) } ?? []
        XCTAssertEqual(losses.count, 2, r.stderr)
        XCTAssertTrue(losses.allSatisfy { $0 > 0 }, r.stderr)
    }

    func testOptionalOutputsAndConfig() throws {
        let dir = TestSupport.tempDir()
        let r = try TestSupport.wordvec("train", TestSupport.syntheticCorpus.path, "--epochs", "1", "--dim", "16", "--quiet",
                                        "-o", "\(dir)/w.vec", "--save-context", "\(dir)/c.vec", "--save-vocab", "\(dir)/v.txt")
        XCTAssertEqual(r.status, 0, r.stderr)
        let w = try VectorFileReader.readDense("\(dir)/w.vec"), c = try VectorFileReader.readDense("\(dir)/c.vec")
        XCTAssertEqual(w.words, c.words)
        XCTAssertNotEqual(w.vectors, c.vectors)
        let vocab = try Vocabulary.load(from: "\(dir)/v.txt")
        XCTAssertEqual(vocab.words, w.words)
        let config = try JSONDecoder().decode(Word2VecConfig.self, from: Data(contentsOf: URL(fileURLWithPath: "\(dir)/w.vec.config.json")))
        XCTAssertEqual(config.dim, 16)
        XCTAssertEqual(config.architecture, .skipGram)
        // W + C is the sum of the two.
        let s = try TestSupport.wordvec("train", TestSupport.syntheticCorpus.path, "--epochs", "1", "--dim", "16", "--quiet",
                                        "--threads", "1", "--vectors", "sum", "-o", "\(dir)/s.vec", "--save-context", "\(dir)/c1.vec")
        XCTAssertEqual(s.status, 0, s.stderr)
        let w1 = try TestSupport.wordvec("train", TestSupport.syntheticCorpus.path, "--epochs", "1", "--dim", "16", "--quiet",
                                         "--threads", "1", "-o", "\(dir)/w1.vec")
        XCTAssertEqual(w1.status, 0, w1.stderr)
        let sum = try VectorFileReader.readDense("\(dir)/s.vec"), word = try VectorFileReader.readDense("\(dir)/w1.vec"),
            ctx = try VectorFileReader.readDense("\(dir)/c1.vec")
        for i in 0..<sum.vectors.count { XCTAssertEqual(sum.vectors[i], word.vectors[i] + ctx.vectors[i], accuracy: 1e-6) }
    }

    func testBadFlagsGiveClearErrors() throws {
        let r = try TestSupport.wordvec("train", TestSupport.syntheticCorpus.path, "--negative", "0", "-o", "/tmp/never.vec")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--negative 0 needs --hs"), r.stderr)
        let h = try TestSupport.wordvec("train", TestSupport.syntheticCorpus.path, "--hs", "--negative", "0", "--vectors", "context",
                                        "--epochs", "1", "--quiet", "-o", "\(TestSupport.tempDir())/x.vec")
        XCTAssertEqual(h.status, 64, "a usage error, found before training")
        XCTAssertTrue(h.stderr.hasPrefix("wordvec: error: ") && h.stderr.contains("needs negative sampling"), h.stderr)
        // An output folder that does not exist is reported before training (1000 epochs would take minutes).
        let o = try TestSupport.wordvec("train", TestSupport.syntheticCorpus.path, "--epochs", "1000", "--quiet",
                                        "-o", "/nonexistent-folder/x.vec")
        XCTAssertEqual(o.status, 1)
        XCTAssertTrue(o.stderr.contains("does not exist"), o.stderr)
    }
}

/// The word-id cache replays exactly what the corpus gave on the first pass.
final class SentenceCacheTests: XCTestCase {
    func testLaterPassesReplayTheFirstExactly() throws {
        let corpus = try Corpus(path: TestSupport.syntheticCorpus.path)
        let counted = try VocabularyCounter(minCount: 3, threads: 1).count(corpus)
        let table = counted.vocabulary.makeTable()
        let options = TokenizerOptions(maxSentenceLength: 5)   // also exercises sentence cutting
        let cache = try SentenceCache { try SentenceReader(corpus: corpus, table: table, options: options) }
        func pass() throws -> [[Int32]] {
            var out: [[Int32]] = [], ids: [Int32] = []
            while try cache.next(into: &ids) { out.append(ids) }
            return out
        }
        let first = try pass()
        XCTAssertGreaterThan(first.count, 20_000)
        XCTAssertTrue(first.allSatisfy { !$0.isEmpty && $0.count <= 5 })
        try cache.restart()
        XCTAssertEqual(try pass(), first)
        try cache.restart()
        XCTAssertEqual(try pass(), first)
    }

    func testTrainingWithoutAWritableTempDirGivesTheSameVectors() throws {
        let dir = TestSupport.tempDir()
        var env = ProcessInfo.processInfo.environment
        let args = ["train", TestSupport.syntheticCorpus.path, "--threads", "1", "--epochs", "2", "--dim", "16", "--quiet"]
        let cached = try TestSupport.run(TestSupport.binary, args + ["-o", dir + "/cached.vec"], environment: env)
        XCTAssertEqual(cached.status, 0, cached.stderr)
        env["TMPDIR"] = dir + "/missing"   // the cache cannot be written: every epoch reads the corpus
        let reread = try TestSupport.run(TestSupport.binary, args + ["-o", dir + "/reread.vec"], environment: env)
        XCTAssertEqual(reread.status, 0, reread.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/cached.vec")),
                       try Data(contentsOf: URL(fileURLWithPath: dir + "/reread.vec")))
    }
}
