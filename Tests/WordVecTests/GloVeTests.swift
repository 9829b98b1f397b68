import Foundation
import XCTest
import WordVec

/// GloVe learns the planted structure, is deterministic with one thread, gives the same
/// vectors when it spills, and stops on divergence instead of writing NaNs.
final class GloVeTests: XCTestCase {
    /// The shared synthetic corpus as one line (the way text8 and the benchmark corpus come).
    /// GloVe fits only the non-zero counts: when every sentence is a line of its own, words of
    /// different topics never share a window and nothing tells the model to keep them apart.
    static let oneLineCorpus: String = {
        let dir = TestSupport.tempDir("gloveOneLine")
        let path = dir + "/corpus.txt"
        let text = try! String(contentsOfFile: TestSupport.syntheticCorpus.path, encoding: .utf8)
        TestSupport.write(text.replacingOccurrences(of: "\n", with: " ") + "\n", to: path)
        return path
    }()

    static func config(threads: Int = 1, seed: UInt64 = 1) -> GloVeConfig {
        var c = GloVeConfig()
        c.vocabulary.minCount = 3
        c.dim = 30
        c.threads = threads
        c.seed = seed
        return c
    }

    static func train(_ c: GloVeConfig, corpus: String = oneLineCorpus, fanIn: Int = 64) throws -> TrainedModel {
        var c = c
        c.maxFanIn = fanIn
        return try GloVeTrainer(config: c).train(Corpus(path: corpus), progress: ProgressReporter("test", mode: .quiet))
    }

    func testLearnsPlantedStructure() throws {
        let model = try Self.train(Self.config(threads: 2))
        let e = model.vectors.dense
        let s = TestSupport.syntheticCorpus.corpus
        XCTAssertEqual(model.epochLosses.count, 15)
        XCTAssertLessThan(model.epochLosses.last!!, model.epochLosses.first!! / 3, "loss should fall: \(model.epochLosses)")
        XCTAssertGreaterThan(LearningProbes.topicPurity(e, s), 0.9)
        // Chance is about 1 in 250.
        XCTAssertGreaterThan(LearningProbes.analogyAccuracy(e, s), 0.8)
    }

    func testDeterministicWithOneThread() throws {
        let a = try Self.train(Self.config(seed: 7))
        let b = try Self.train(Self.config(seed: 7))
        let c = try Self.train(Self.config(seed: 8))
        XCTAssertEqual(a.vectors.dense.vectors, b.vectors.dense.vectors)
        XCTAssertEqual(a.epochLosses, b.epochLosses)
        XCTAssertNotEqual(a.vectors.dense.vectors, c.vectors.dense.vectors)
    }

    /// W + W~ by default; --vectors word/context pick one side; context vectors are returned.
    func testOutputChoices() throws {
        var c = Self.config()
        c.epochs = 2
        let sum = try Self.train(c)
        c.output = .word
        let word = try Self.train(c)
        let context = try XCTUnwrap(word.context)
        XCTAssertEqual(sum.vectors.dense.dim, 30)
        for k in 0..<sum.vectors.dense.vectors.count {
            XCTAssertEqual(sum.vectors.dense.vectors[k], word.vectors.dense.vectors[k] + context.vectors[k])
        }
    }

    /// A 1 MB budget spills runs (merged with fan-in 3) and keeps the records on disk, yet
    /// trains the same vectors as an in-memory run (one thread, same seed).
    func testSpillingGivesSameVectors() throws {
        let dir = TestSupport.tempDir()
        let path = dir + "/c.txt"
        TestSupport.write(CooccurrenceTests.randomCorpus(tokens: 120_000, types: 5_000, maxLine: 500, seed: 21), to: path)
        let scratch = dir + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var c = GloVeConfig()
        c.vocabulary.minCount = 1
        c.dim = 16
        c.epochs = 3
        c.temporaryDirectory = scratch
        let quiet = ProgressReporter("test", mode: .quiet)
        let vocab = try VocabularyCounter(minCount: 1, threads: 1).count(Corpus(path: path)).vocabulary
        func run(memory: Int) throws -> (vectors: [Float], losses: [Double?], inMemory: Bool, spilled: Bool) {
            c.memoryBytes = memory
            c.maxFanIn = 3
            let trainer = GloVeTrainer(config: c)
            let counts = try CooccurrenceCounter(options: trainer.cooccurrenceOptions).count(Corpus(path: path), vocabulary: vocab)
            let spilled = counts.hasSpilled
            let records = try trainer.makeRecords(counts, progress: quiet)
            let fitted = try trainer.fit(records, words: vocab.count, progress: quiet)
            return (fitted.model.vectors(.sum), fitted.losses, records.inMemory, spilled)
        }
        let big = try run(memory: 1 << 30)
        let small = try run(memory: 1 << 20)
        XCTAssertTrue(big.inMemory)
        XCTAssertFalse(big.spilled)
        XCTAssertFalse(small.inMemory)
        XCTAssertTrue(small.spilled)
        XCTAssertEqual(small.losses, big.losses)
        XCTAssertEqual(small.vectors, big.vectors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [], "temporary files left behind")
    }

    func testDivergenceStopsWithHint() throws {
        var c = Self.config()
        c.eta = 1e30
        XCTAssertThrowsError(try Self.train(c)) { error in
            guard case .diverged(let message)? = error as? WordVecError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("lower --eta"), message)
        }
    }

    func testAsymmetricCountsLeftContextOnly() throws {
        var c = Self.config()
        c.symmetric = false
        c.epochs = 5
        let model = try Self.train(c)
        XCTAssertTrue(model.vectors.dense.vectors.allSatisfy { $0.isFinite })
        XCTAssertLessThan(model.epochLosses.last!!, model.epochLosses.first!!)
    }

    // MARK: command line

    func testCommandLineWritesVectorsConfigAndContext() throws {
        let dir = TestSupport.tempDir()
        let r = try TestSupport.wordvec("train", "--method", "glove", Self.oneLineCorpus, "-o", dir + "/g.vec",
                                        "--dim", "12", "--epochs", "3", "--min-count", "3", "--threads", "2",
                                        "--save-context", dir + "/ctx.vec")
        XCTAssertEqual(r.status, 0, r.stderr)
        let vectors = try VectorFileReader.readDense(dir + "/g.vec")
        XCTAssertEqual(vectors.dim, 12)
        XCTAssertGreaterThan(vectors.count, 200)
        XCTAssertEqual(try VectorFileReader.readDense(dir + "/ctx.vec").count, vectors.count)
        let config = try String(contentsOfFile: dir + "/g.vec.config.json", encoding: .utf8)
        XCTAssertTrue(config.contains("\"xMax\" : 100"), config)
        XCTAssertTrue(config.contains("\"window\" : 10"), config)
        XCTAssertTrue(config.contains("\"epochs\" : 3"), config)
        XCTAssertTrue(r.stderr.contains("loss by epoch"), r.stderr)
    }

    func testCommandLineDivergenceWritesNothing() throws {
        let dir = TestSupport.tempDir()
        let r = try TestSupport.wordvec("train", "--method", "glove", Self.oneLineCorpus, "-o", dir + "/g.vec",
                                        "--dim", "12", "--eta", "1e30", "--quiet")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("wordvec: error: glove: training diverged"), r.stderr)
        XCTAssertTrue(r.stderr.contains("lower --eta"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
    }

    func testCommandLineBadInputs() throws {
        let dir = TestSupport.tempDir()
        TestSupport.write("   \n\n", to: dir + "/empty.txt")
        TestSupport.write("alpha\nbeta\nalpha\nbeta\n", to: dir + "/single.txt")
        for (corpus, expected) in [(dir + "/missing.txt", "no such file"), (dir + "/empty.txt", "no words"),
                                   (dir + "/single.txt", "no co-occurrences")] {
            let r = try TestSupport.wordvec("train", "--method", "glove", corpus, "-o", dir + "/out.vec", "--min-count", "1", "--quiet")
            XCTAssertEqual(r.status, 1, corpus)
            XCTAssertTrue(r.stderr.hasPrefix("wordvec: error:") && r.stderr.contains(expected), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.vec"))
        }
        let r = try TestSupport.wordvec("train", "--method", "glove", Self.oneLineCorpus, "-o", dir + "/out.vec", "--memory", "0")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--memory"), r.stderr)
    }
}
