import Foundation
import XCTest
import WordVec

/// Random Indexing finds the planted neighbours, is deterministic with one thread, and its
/// memory does not grow with the corpus.
final class RandomIndexingTests: TempDirTestCase {
    static func config(threads: Int = 2, permutation: RandomIndexingConfig.Permutation = .none, seed: UInt64 = 1) -> RandomIndexingConfig {
        var c = RandomIndexingConfig()
        c.vocabulary.minCount = 3
        c.dim = 500
        c.threads = threads
        c.permutation = permutation
        c.seed = seed
        return c
    }

    static func train(_ c: RandomIndexingConfig, corpus: String = TestSupport.syntheticCorpus.path,
                      vocabulary: Vocabulary? = nil) throws -> Embeddings {
        let trainer = RandomIndexingTrainer(config: c)
        let progress = ProgressReporter("test", mode: .quiet)
        let corpus = try Corpus(path: corpus)
        let model = try vocabulary.map { try trainer.train(corpus, vocabulary: $0, progress: progress) }
            ?? trainer.train(corpus, progress: progress)
        return model.vectors.dense
    }

    func testFindsPlantedTopicsAndAnalogies() throws {
        let s = TestSupport.syntheticCorpus.corpus
        for permutation in RandomIndexingConfig.Permutation.allCases {
            let e = try Self.train(Self.config(permutation: permutation))
            XCTAssertGreaterThan(LearningProbes.topicPurity(e, s), 0.9, "\(permutation)")
            XCTAssertGreaterThan(LearningProbes.analogyAccuracy(e, s), 0.5, "\(permutation)")
        }
    }

    func testDeterministicWithOneThreadAndSeeded() throws {
        let a = try Self.train(Self.config(threads: 1, seed: 3))
        let b = try Self.train(Self.config(threads: 1, seed: 3))
        let c = try Self.train(Self.config(threads: 1, seed: 4))
        XCTAssertEqual(a.vectors, b.vectors)
        XCTAssertNotEqual(a.vectors, c.vectors)
    }

    /// The same vocabulary over a corpus and over that corpus 40 times (a directory of hard
    /// links): the trainer's state is the same size, and the process's peak memory grows by
    /// far less than the 40x corpus would take (13 MB of word ids).
    func testMemoryDoesNotGrowWithTheCorpus() throws {
        let small = TestSupport.syntheticCorpus.path
        let many = dir + "/many"
        try FileManager.default.createDirectory(atPath: many, withIntermediateDirectories: true)
        for i in 0..<40 { XCTAssertEqual(link(small, many + "/part\(i).txt"), 0) }
        var settings = VocabularySettings()
        settings.minCount = 3
        let vocabulary = try VocabularyCounter.vocabulary(for: Corpus(path: small), settings: settings, threads: 1,
                                                          progress: ProgressReporter("test", mode: .quiet))
        let c = Self.config()
        func peakGrowth(_ corpus: String) throws -> Int {
            try Self.resetPeak()
            let before = try Self.status("VmRSS")
            _ = try Self.train(c, corpus: corpus, vocabulary: vocabulary)
            return try Self.status("VmHWM") - before
        }
        _ = try peakGrowth(small)   // warm up: thread stacks, caches
        let one = try peakGrowth(small), forty = try peakGrowth(many)
        XCTAssertLessThan(forty - one, 4 << 20, "peak growth \(one) bytes on the corpus, \(forty) on 40 copies")
        XCTAssertEqual(RandomIndexingTrainer(config: c).stateBytes(words: vocabulary.count), vocabulary.count * (512 * 4 + 10 * 4))
    }

    /// Resets the peak resident size (VmHWM) to the current one (Linux, /proc/self/clear_refs 5).
    static func resetPeak() throws {
        guard FileManager.default.isWritableFile(atPath: "/proc/self/clear_refs") else { throw XCTSkip("no /proc/self/clear_refs") }
        try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// A `/proc/self/status` field in bytes.
    static func status(_ field: String) throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { throw XCTSkip("no \(field)") }
        return kb * 1024
    }

    func testBadOptionsNameTheFlag() throws {
        var c = Self.config()
        c.nonzeros = 7
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("--nonzeros"), "\($0)") }
        c.nonzeros = 2000
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("--nonzeros"), "\($0)") }
        let r = try TestSupport.wordvec("train", "--method", "random-indexing", TestSupport.syntheticCorpus.path,
                                        "--permutation", "sideways", "-o", dir + "/ri.vec")
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/ri.vec"))
    }
}
