import Foundation
import XCTest
import WordVec

/// Checkpoint and resume of the iterative trainers: a one-thread run stopped after epoch k and
/// resumed gives the same bytes as a run never stopped (sgns, cbow, fasttext, glove), and a
/// checkpoint of other settings, a corrupt, truncated or other-version one is refused with one
/// line naming the file and what is wrong.
final class CheckpointResumeTests: TempDirTestCase {
    static let epochs = 4
    let quiet = ProgressReporter("test", mode: .quiet)

    override func tearDown() {
        Interrupt.set(false)
        Interrupt.resumeHint = nil
        super.tearDown()
    }

    /// A small corpus with planted structure, about 30k words per epoch (α is updated every 10k).
    func corpus() throws -> Corpus {
        let path = dir + "/corpus.txt"
        if !FileManager.default.fileExists(atPath: path) { try SyntheticCorpus(seed: 3).write(sentences: 3000, to: path) }
        return try Corpus(path: path)
    }

    /// `config` made small: dim 16, min-count 2, seed 5.
    func small<C: TrainerConfig>(_ config: C) -> C {
        var c = config
        c.dim = 16
        c.vocabulary.minCount = 2
        c.seed = 5
        return c
    }

    func word2vec(_ architecture: Word2VecConfig.Architecture, hs: Bool = false) -> Word2VecConfig {
        var c = small(Word2VecConfig(architecture: architecture))
        c.epochs = Self.epochs
        if hs { c.hierarchicalSoftmax = true; c.negative = 0 }
        return c
    }

    func fastText() -> FastTextConfig {
        var c = small(FastTextConfig())
        c.epochs = Self.epochs
        c.bucket = 20_000
        return c
    }

    func glove() -> GloVeConfig {
        var c = small(GloVeConfig())
        c.epochs = Self.epochs
        return c
    }

    /// A policy writing a checkpoint after every epoch into `dir/run.checkpoint`, raising the
    /// interruption flag once epoch `stopAfter` is saved.
    func policy(resume: Bool = false, stopAfter: Int? = nil) -> CheckpointPolicy {
        var p = CheckpointPolicy(path: dir + "/run.checkpoint", every: .epochs(1), resume: resume)
        if let stopAfter { p.afterWrite = { done in if done == stopAfter { Interrupt.set(true) } } }
        return p
    }

    /// Trains without checkpoints, then stops a run after epoch k, resumes it and compares.
    func assertResumeIsExact(_ label: String, after k: Int, file: StaticString = #filePath, line: UInt = #line,
                             _ train: (CheckpointPolicy?) throws -> TrainedModel) throws {
        let reference = try train(nil)
        defer { Interrupt.set(false) }
        XCTAssertThrowsError(try train(policy(stopAfter: k)), label, file: file, line: line) { error in
            XCTAssertEqual(error as? WordVecError, .interrupted, file: file, line: line)
        }
        Interrupt.set(false)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/run.checkpoint"), "\(label): checkpoint kept", file: file, line: line)
        let resumed = try train(policy(resume: true))
        Self.assertSameBits(Self.bits(resumed), Self.bits(reference), "\(label): resumed after epoch \(k), word vectors", file: file, line: line)
        Self.assertSameBits(Self.bits(resumed, context: true), Self.bits(reference, context: true), "\(label): context vectors",
                            file: file, line: line)
        XCTAssertEqual(resumed.epochLosses.count, reference.epochLosses.count, file: file, line: line)
        XCTAssertEqual(resumed.epochLosses.last!, reference.epochLosses.last!, "\(label): last epoch's loss", file: file, line: line)
        unlink(dir + "/run.checkpoint")
    }

    static func assertSameBits(_ a: [UInt32], _ b: [UInt32], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(a.isEmpty && b.isEmpty && !label.contains("context"), "\(label): no vectors", file: file, line: line)
        XCTAssertTrue(a == b, "\(label): \(zip(a, b).filter { $0 != $1 }.count) of \(max(a.count, b.count)) values differ", file: file, line: line)
    }

    static func bits(_ model: TrainedModel, context: Bool = false) -> [UInt32] {
        if context { return model.context?.vectors.map(\.bitPattern) ?? [] }
        guard case .dense(let e) = model.vectors else { return [] }
        return e.vectors.map(\.bitPattern)
    }

    func testSkipGramResumesExactly() throws {
        let c = word2vec(.skipGram)
        try assertResumeIsExact("sgns", after: 1) { try Word2VecTrainer(config: c, checkpoint: $0).train(corpus(), progress: quiet) }
    }

    func testSkipGramHierarchicalSoftmaxResumesExactly() throws {
        let c = word2vec(.skipGram, hs: true)
        try assertResumeIsExact("sgns --hs", after: 3) { try Word2VecTrainer(config: c, checkpoint: $0).train(corpus(), progress: quiet) }
    }

    func testCBOWResumesExactly() throws {
        let c = word2vec(.cbow)
        try assertResumeIsExact("cbow", after: 2) { try Word2VecTrainer(config: c, checkpoint: $0).train(corpus(), progress: quiet) }
    }

    func testFastTextResumesExactly() throws {
        let c = fastText()
        try assertResumeIsExact("fasttext", after: 2) { try FastTextTrainer(config: c, checkpoint: $0).train(corpus(), progress: quiet) }
    }

    func testGloVeResumesExactly() throws {
        let c = glove()
        try assertResumeIsExact("glove", after: 3) { try GloVeTrainer(config: c, checkpoint: $0).train(corpus(), progress: quiet) }
    }

    /// Writing checkpoints (epoch by epoch, threads joined) does not change a run's result, and
    /// resuming from a checkpoint of the last epoch only writes the output.
    func testCheckpointingLeavesTheResultAloneAndALastEpochCheckpointResumes() throws {
        let c = word2vec(.skipGram)
        let plain = try Word2VecTrainer(config: c).train(corpus(), progress: quiet)
        let saving = try Word2VecTrainer(config: c, checkpoint: policy()).train(corpus(), progress: quiet)
        Self.assertSameBits(Self.bits(saving), Self.bits(plain), "with checkpoints")
        let resumed = try Word2VecTrainer(config: c, checkpoint: policy(resume: true)).train(corpus(), progress: quiet)
        Self.assertSameBits(Self.bits(resumed), Self.bits(plain), "resumed after the last epoch")
    }

    /// Two threads: a resumed run is not byte-equal (Hogwild), but it finishes and still learns.
    func testTwoThreadsResumeAndLearn() throws {
        var c = word2vec(.skipGram)
        c.threads = 2
        c.dim = 24
        defer { Interrupt.set(false) }
        XCTAssertThrowsError(try Word2VecTrainer(config: c, checkpoint: policy(stopAfter: 2)).train(corpus(), progress: quiet))
        Interrupt.set(false)
        let model = try Word2VecTrainer(config: c, checkpoint: policy(resume: true)).train(corpus(), progress: quiet)
        guard case .dense(let e) = model.vectors else { return XCTFail("dense vectors expected") }
        XCTAssertGreaterThan(LearningProbes.topicPurity(e, SyntheticCorpus(seed: 3)), 0.8)
    }

    /// Makes a checkpoint of sgns (stopped after epoch 1) and returns its path.
    func stoppedCheckpoint() throws -> String {
        defer { Interrupt.set(false) }
        XCTAssertThrowsError(try Word2VecTrainer(config: word2vec(.skipGram), checkpoint: policy(stopAfter: 1)).train(corpus(), progress: quiet))
        return dir + "/run.checkpoint"
    }

    func assertRefused(_ config: Word2VecConfig, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Word2VecTrainer(config: config, checkpoint: policy(resume: true)).train(corpus(), progress: quiet),
                             file: file, line: line) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix(self.dir + "/run.checkpoint: "), text, file: file, line: line)
            XCTAssertTrue(text.contains(expected), "\(text) does not say \(expected)", file: file, line: line)
            XCTAssertFalse(text.contains("\n"), file: file, line: line)
        }
    }

    func testACheckpointOfOtherSettingsIsRefusedNamingThem() throws {
        _ = try stoppedCheckpoint()
        var c = word2vec(.skipGram)
        c.dim = 8
        c.window = 3
        assertRefused(c, "other settings: dim (checkpoint 16, this run 8), window (checkpoint 5, this run 3)")
        c = word2vec(.skipGram)
        c.vocabulary.minCount = 3
        assertRefused(c, "vocabulary.minCount (checkpoint 2, this run 3)")
        assertRefused(word2vec(.cbow), "it is a checkpoint of sgns, not of cbow")
        // Another corpus (same settings): its size and head differ.
        try SyntheticCorpus(seed: 4).write(sentences: 3000, to: dir + "/corpus.txt")
        assertRefused(word2vec(.skipGram), "corpus.bytes")
    }

    /// The check made before the vocabulary is counted sees the settings and the corpus.
    func testOtherSettingsAreRefusedBeforeTheVocabularyIsCounted() throws {
        _ = try stoppedCheckpoint()
        XCTAssertNoThrow(try policy(resume: true).verify(config: word2vec(.skipGram), corpus: corpus()))
        var c = word2vec(.skipGram)
        c.negative = 3
        XCTAssertThrowsError(try policy(resume: true).verify(config: c, corpus: corpus())) { error in
            XCTAssertTrue("\(error)".contains("negative (checkpoint 5, this run 3)"), "\(error)")
        }
        XCTAssertNoThrow(try policy().verify(config: c, corpus: corpus()), "no --resume: nothing to check")
    }

    func testACorruptTruncatedOrOtherVersionCheckpointIsRefused() throws {
        let path = try stoppedCheckpoint()
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var bytes = [UInt8](good)
        bytes[bytes.count - 100] ^= 0x10                       // a bit of the last matrix
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        assertRefused(word2vec(.skipGram), "corrupt checkpoint (the matrices' checksum does not match)")
        bytes = [UInt8](good)
        bytes[40] ^= 0x01                                       // a byte of the header
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        assertRefused(word2vec(.skipGram), "corrupt checkpoint (the header's checksum does not match)")
        try good.prefix(good.count - 1000).write(to: URL(fileURLWithPath: path))
        assertRefused(word2vec(.skipGram), "truncated checkpoint (\(good.count - 1000) of \(good.count) bytes)")
        try good.prefix(20).write(to: URL(fileURLWithPath: path))
        assertRefused(word2vec(.skipGram), "truncated checkpoint")
        bytes = [UInt8](good)
        bytes[12] = 9                                           // the format version
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        assertRefused(word2vec(.skipGram), "checkpoint format version 9; this wordvec reads version 1")
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: path))
        assertRefused(word2vec(.skipGram), "not a wordvec checkpoint")
    }

    /// A checkpoint that cannot be written (here /dev/full) is a warning; the run finishes.
    func testAnUnwritableCheckpointIsAWarningAndTrainingGoesOn() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let c = word2vec(.skipGram)
        let plain = try Word2VecTrainer(config: c).train(corpus(), progress: quiet)
        let full = CheckpointPolicy(path: "/dev/full", every: .epochs(1), resume: false)
        let model = try Word2VecTrainer(config: c, checkpoint: full).train(corpus(), progress: quiet)
        Self.assertSameBits(Self.bits(model), Self.bits(plain), "without its checkpoints")
    }

    /// A checkpoint path that is not a regular file (a named pipe, a symbolic link) is refused
    /// before training, and what it names is left as it was (a device named there would
    /// otherwise be unlinked after the run).
    func testCLIRefusesACheckpointThatIsNotARegularFile() throws {
        let corpus = try self.corpus().name
        let fifo = dir + "/pipe.ckpt", link = dir + "/link.ckpt", real = dir + "/real.ckpt"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        for path in [fifo, link] {
            let r = try TestSupport.run(TestSupport.binary, ["train", "--method", "sgns", corpus, "-o", dir + "/x.vec", "--epochs", "1",
                                                             "--checkpoint-every", "1", "--checkpoint", path, "--quiet"])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains("--checkpoint \(path) is not a regular file"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.vec"))
        }
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the pipe is still there")
        XCTAssertEqual(try String(contentsOfFile: link, encoding: .utf8), "keep\n", "the link and its file are untouched")
    }

    func testCheckpointIntervalSpelling() throws {
        XCTAssertEqual(try CheckpointPolicy.Interval(parsing: "3"), .epochs(3))
        XCTAssertEqual(try CheckpointPolicy.Interval(parsing: "10m"), .minutes(10))
        XCTAssertEqual(try CheckpointPolicy.Interval(parsing: "0.5m"), .minutes(0.5))
        for bad in ["0", "-1", "m", "0m", "3h", "x", ""] {
            XCTAssertThrowsError(try CheckpointPolicy.Interval(parsing: bad), bad)
        }
    }

    /// The CLI: flags of iterative methods only; the checkpoint is deleted after the output is
    /// written, and the output is the same as without checkpoints; --resume without one starts over.
    func testCLICheckpointFlags() throws {
        let corpus = try self.corpus().name
        let common = ["train", "--method", "sgns", corpus, "--threads", "1", "--dim", "16", "--epochs", "3", "--min-count", "2"]
        let plain = try TestSupport.run(TestSupport.binary, common + ["-o", dir + "/plain.vec", "--quiet"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let saved = try TestSupport.run(TestSupport.binary, common + ["-o", dir + "/saved.vec", "--checkpoint-every", "1", "--resume"])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        XCTAssertTrue(saved.stderr.contains("no checkpoint at \(dir)/saved.vec.checkpoint; starting from the beginning"), saved.stderr)
        XCTAssertTrue(saved.stderr.contains("checkpoint after epoch 2 of 3"), saved.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/saved.vec.checkpoint"), "deleted once the output is written")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/saved.vec")), try Data(contentsOf: URL(fileURLWithPath: dir + "/plain.vec")))
        let bad = try TestSupport.run(TestSupport.binary, common + ["-o", dir + "/x.vec", "--checkpoint-every", "0"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--checkpoint-every must be a number of epochs"), bad.stderr)
        let clash = try TestSupport.run(TestSupport.binary, common + ["-o", dir + "/x.vec", "--checkpoint-every", "1", "--checkpoint", dir + "/x.vec"])
        XCTAssertNotEqual(clash.status, 0)
        XCTAssertTrue(clash.stderr.contains("is also an output"), clash.stderr)
        let foreign = try TestSupport.run(TestSupport.binary, ["train", "--method", "ppmi", corpus, "-o", dir + "/p.sparse", "--resume"])
        XCTAssertNotEqual(foreign.status, 0)
        XCTAssertTrue(foreign.stderr.contains("--resume"), foreign.stderr)
    }

    /// XXH64 against xxhsum's sums.
    func testChecksumIsXXH64() {
        XCTAssertEqual(Checksum.xxh64([]), 0xEF46_DB37_51D8_E999)
        XCTAssertEqual(Checksum.xxh64(Array("abc".utf8)), 0x44BC_2CF5_AD77_0999)
        XCTAssertEqual(Checksum.xxh64([UInt8](repeating: 0x61, count: 100)), 0x3750_41E8_B1DE_CFB3)
    }
}
