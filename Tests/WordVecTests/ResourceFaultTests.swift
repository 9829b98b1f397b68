import Foundation
import XCTest
import WordVec

/// Resource faults: a full disk (`/dev/full`, a tmpfs that fills up mid-write or mid-spill), an
/// unwritable folder, a scratch folder deleted mid-count, a corpus changed between passes, a
/// memory limit (`ulimit -v`) and few file descriptors (`ulimit -n 32`). Each expects one clear
/// line and checks that nothing is left: no file under the target name, no temporary file.
final class ResourceFaultTests: TempDirTestCase {
    private var mounts: [String] = []

    override func tearDown() {
        for m in mounts { FaultSupport.unmount(m) }
        super.tearDown()
    }

    private func mount(_ name: String, kilobytes: Int, readOnly: Bool = false) throws -> String {
        let path = dir + "/" + name
        try FaultSupport.mountTmpfs(at: path, kilobytes: kilobytes, readOnly: readOnly)
        mounts.append(path)
        return path
    }

    private var synthetic: String { TestSupport.syntheticCorpus.path }

    private func smallVectors() throws -> String {
        let path = dir + "/small.vec"
        try VectorFileWriter.write(try VectorFileTests.sample(count: 300, dim: 50), to: path)
        return path
    }

    // MARK: full disk

    func testOutputToDevFullIsOneLine() throws {
        assertOneLineError(try TestSupport.wordvec("convert", try smallVectors(), "/dev/full"),
                           "/dev/full: cannot write: No space left on device")
        let r = try TestSupport.wordvec("train", synthetic, "-o", "/dev/full", "--dim", "10", "--epochs", "1", "--quiet")
        assertOneLineError(r, "/dev/full: cannot write: No space left on device")
    }

    /// `-o /dev/null` trains and writes nothing, not even `/dev/null.config.json`.
    func testOutputToADeviceWritesNoConfigBesideIt() throws {
        let before = try? FileManager.default.attributesOfItem(atPath: "/dev/null.config.json")[.modificationDate] as? Date
        let r = try TestSupport.wordvec("train", synthetic, "-o", "/dev/null", "--dim", "10", "--epochs", "1", "--quiet")
        XCTAssertEqual(r.status, 0, r.stderr)
        let after = try? FileManager.default.attributesOfItem(atPath: "/dev/null.config.json")[.modificationDate] as? Date
        XCTAssertEqual(before, after, "the config file must not be written beside a device")
    }

    func testDiskFillingUpMidWriteLeavesNothing() throws {
        let small = try mount("small", kilobytes: 64)
        // 250 words × 100 dimensions of text is about 250 KB: the write fails part-way.
        let r = try TestSupport.wordvec("train", synthetic, "-o", small + "/out.vec", "--dim", "100", "--epochs", "1",
                                        "--save-vocab", small + "/vocab.txt", "--quiet")
        assertOneLineError(r, "No space left on device")
        XCTAssertEqual(FaultSupport.files(under: small), [], "no partial or temporary file may remain")
    }

    func testSpillingToAFullDiskLeavesNothing() throws {
        // Under TSan any wordvec process whose TMPDIR is a 64 KiB tmpfs dies at start-up in
        // TSan's runtime (SIGBUS in MemoryAccessRange under the Swift runtime's demangler), even
        // on a corpus that never spills; the release and ASan builds run this test.
        try FaultSupport.skipUnderSanitizers(["TSAN_OPTIONS"], "TSan's runtime cannot start with TMPDIR on a 64 KiB tmpfs")
        let tmp = try mount("tmp", kilobytes: 64)
        let corpus = dir + "/long.txt"
        FaultSupport.longTailCorpus(corpus)
        for method in ["ppmi", "glove"] {
            let out = dir + "/out.\(method).vec"
            let r = try TestSupport.run(TestSupport.binary, ["train", "--method", method, corpus, "-o", out, "--memory", "0.001",
                                                             "--min-count", "1", "--window", "5", "--quiet"],
                                        environment: ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp]) { $1 })
            assertOneLineError(r, "No space left on device")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), method)
            XCTAssertEqual(FaultSupport.files(under: tmp), [], "\(method): the spilled runs must be removed")
        }
    }

    // MARK: unwritable places, refused before any work

    /// `-o /proc/x.vec` (and a read-only folder, which root may not write either) fail up front:
    /// one line, and no summary line of a training that ran first.
    func testUnwritableOutputsAreRefusedBeforeTheWork() throws {
        let vec = try smallVectors()
        let questions = file("q.txt", ": s\na b c d\n")
        let readOnly: String
        if getuid() == 0 {
            readOnly = try mount("ro", kilobytes: 64, readOnly: true)
        } else {
            readOnly = dir + "/ro"
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
        }
        for target in ["/proc/x", readOnly + "/x"] {
            let runs: [[String]] = [
                ["train", synthetic, "-o", target + ".vec", "--epochs", "1"],
                ["train", "--method", "ppmi", synthetic, "-o", target + ".sparse"],
                ["train", synthetic, "-o", dir + "/ok.vec", "--save-vocab", target + ".txt"],
                ["convert", vec, target + ".vec"],
                ["vocab", synthetic, "-o", target + ".txt"],
                ["generate-corpus", "-o", target + ".txt", "--sentences", "10"],
                ["plot", vec, "--top", "50", "-o", target + ".svg"],
                ["report", vec, "-o", target + ".html"],
                ["compare", vec, "--analogy", questions, "--svg", target + ".svg"],
            ]
            for args in runs {
                let r = try TestSupport.run(TestSupport.binary, args)
                XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.hasPrefix("wordvec: error: \(target)"), "\(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("cannot write"), "\(args): \(r.stderr)")
                XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line, before any work: \(r.stderr)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/ok.vec"))
        XCTAssertEqual(FaultSupport.files(under: readOnly), [])
    }

    // MARK: the world changing under a run

    /// The scratch folder of a spilling count deleted (by a /tmp cleaner, say) while it runs.
    func testScratchFolderVanishingMidCount() throws {
        let tmp = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let corpus = dir + "/long.txt"
        FaultSupport.longTailCorpus(corpus)
        let out = dir + "/out.sparse"
        let child = try FaultSupport.Child(["train", "--method", "ppmi", corpus, "-o", out, "--memory", "0.001",
                                            "--min-count", "1", "--window", "5", "--quiet"],
                                           environment: ["TMPDIR": tmp, "WORDVEC_PAUSE_IN": "spilling"], directory: dir)
        XCTAssertTrue(child.waitUntilPaused(in: "spilling"), child.stderr)
        for name in try FileManager.default.contentsOfDirectory(atPath: tmp) {
            try FileManager.default.removeItem(atPath: tmp + "/" + name)
        }
        child.send(SIGUSR1)   // go on
        let r = child.finish()
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("wordvec: error: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("the temporary folder was removed while the run was using it"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(FaultSupport.files(under: tmp), [])
    }

    /// The corpus truncated, or appended to, after the vocabulary pass and before the next.
    func testCorpusChangingBetweenPassesIsAnError() throws {
        let changes: [(String, (FileHandle) throws -> Void)] = [
            ("shrinks", { try $0.truncate(atOffset: 1000) }),
            ("grows", { h in try h.seekToEnd(); h.write(Data("more words here\n".utf8)) }),
        ]
        for (method, phase) in [("sgns", "training"), ("ppmi", "counting-cooccurrences"), ("tfidf", "counting-documents")] {
            for (what, change) in changes {
                let corpus = dir + "/corpus.txt"
                try? FileManager.default.removeItem(atPath: corpus)
                try FileManager.default.copyItem(atPath: synthetic, toPath: corpus)
                let out = dir + "/out.vec"
                let child = try FaultSupport.Child(["train", "--method", method, corpus, "-o", out, "--quiet"],
                                                   environment: ["WORDVEC_PAUSE_IN": phase], directory: dir)
                XCTAssertTrue(child.waitUntilPaused(in: phase), child.stderr)
                let h = try FileHandle(forUpdating: URL(fileURLWithPath: corpus))
                try change(h)
                try h.close()
                child.send(SIGUSR1)
                let r = child.finish()
                XCTAssertEqual(r.status, 1, "\(method), corpus \(what): \(r.stderr)")
                XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
                XCTAssertTrue(r.stderr.contains("corpus.txt: the corpus changed while it was being read"), "\(method) \(what): \(r.stderr)")
                XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(method) \(what)")
            }
        }
    }

    // MARK: limits

    /// Under `ulimit -v` a run whose matrices cannot fit is refused before training, with one
    /// line; a run that fits finishes (and does not hang: OpenBLAS threads that cannot map their
    /// buffers used to spin for ever).
    func testMemoryLimitIsAClearRefusalNotACrash() throws {
        // ASan and TSan reserve terabytes of shadow address space at start-up, so under
        // `make test-asan` / `make test-tsan` no child can start under `ulimit -v`.
        try FaultSupport.skipUnderSanitizers(["ASAN_OPTIONS", "TSAN_OPTIONS"], "ulimit -v cannot hold a sanitizer's shadow memory")
        let limit = "ulimit -v 400000"   // 400 MB of address space
        for method in ["sgns", "cbow", "glove"] {
            let out = dir + "/big.\(method).vec"
            let r = try FaultSupport.wordvec(under: limit, ["train", "--method", method, synthetic, "-o", out, "--dim", "100000",
                                                            "--epochs", "1", "--quiet"], directory: dir)
            assertOneLineError(r, "the memory limit (ulimit -v) leaves")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        }
        let fastText = try FaultSupport.wordvec(under: limit, ["train", "--method", "fasttext", synthetic, "-o", dir + "/ft.vec",
                                                               "--dim", "100", "--epochs", "1", "--quiet"], directory: dir)
        assertOneLineError(fastText, "fasttext")   // 2,000,000 buckets × 100 dimensions do not fit in 400 MB
        XCTAssertTrue(fastText.stderr.contains("the memory limit (ulimit -v) leaves"), fastText.stderr)
        // A co-occurrence count whose --memory budget the limit cannot hold is refused before counting.
        for method in ["glove", "ppmi", "hal"] {
            let r = try FaultSupport.wordvec(under: limit, ["train", "--method", method, synthetic, "-o", dir + "/cooc.\(method).vec",
                                                            "--memory", "2", "--quiet"], directory: dir)
            assertOneLineError(r, "co-occurrence counting with --memory 2 GB needs about 1907 MiB, but the memory limit (ulimit -v) leaves")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/cooc.\(method).vec"))
        }
        // 600 MB: sgns fits; ppmi-svd's default --memory (4 GB) is refused with one line, or fits.
        for (method, extra) in [("sgns", ["--epochs", "1"]), ("ppmi-svd", [])] {
            let r = try FaultSupport.wordvec(under: "ulimit -v 600000", ["train", "--method", method, synthetic, "-o", dir + "/ok.vec",
                                                                         "--dim", "20", "--quiet", "--threads", "2"] + extra,
                                             directory: dir)
            // It fits, or is refused with one line; it must not hang (`timeout` gives 124).
            if r.status != 0 { assertOneLineError(r, "the memory limit (ulimit -v) leaves") }
        }
    }

    /// `ulimit -n 32` during a count that spills about twenty runs: the merge runs in rounds
    /// within the descriptors there are, and the result is the one without the limit.
    func testFewFileDescriptorsDuringASpillingCount() throws {
        let corpus = dir + "/long.txt"
        FaultSupport.longTailCorpus(corpus, sentences: 40_000)
        for (method, name) in [("ppmi", "sparse"), ("glove", "vec")] {
            let args = ["train", "--method", method, corpus, "--memory", "0.001", "--min-count", "1", "--window", "5",
                        "--threads", "1", "--quiet"] + (method == "glove" ? ["--epochs", "2"] : [])
            let free = try TestSupport.run(TestSupport.binary, args + ["-o", dir + "/free." + name])
            XCTAssertEqual(free.status, 0, free.stderr)
            let limited = try FaultSupport.wordvec(under: "ulimit -n 32", args.filter { $0 != "--quiet" } + ["-o", dir + "/limited." + name],
                                                   directory: dir)
            XCTAssertEqual(limited.status, 0, "\(method) under ulimit -n 32: \(limited.stderr)")
            XCTAssertTrue(limited.stderr.contains("intermediate merges"), limited.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/free." + name)),
                           try Data(contentsOf: URL(fileURLWithPath: dir + "/limited." + name)), "\(method): the limit must not change the result")
        }
    }
}
