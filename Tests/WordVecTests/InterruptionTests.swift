import Foundation
import XCTest
import WordVec

/// SIGINT and SIGTERM sent to a child `wordvec` while it counts, spills, merges or runs an SVD:
/// each method stops by itself with status 130 (SIGINT) or 143 (SIGTERM), prints one line
/// naming the signal and the phase, and leaves no output under the target name and nothing in
/// its temporary folder. `WORDVEC_PAUSE_IN` holds the child in the phase (`RunPhase`), with that
/// phase's temporary files on disk, so the signal lands there every time.
final class InterruptionTests: TempDirTestCase {
    private func corpus() -> String {
        let path = dir + "/corpus.txt"
        if !FileManager.default.fileExists(atPath: path) { FaultSupport.longTailCorpus(path) }
        return path
    }

    /// Runs `train --method method` into `dir/out.*`, paused in `phase`, then sends `signal`.
    private func assertInterrupted(_ method: String, _ extra: [String], in phase: String, while words: String,
                                   by signal: Int32, expectTemporaryFiles: Bool = false,
                                   file f: StaticString = #filePath, line l: UInt = #line) throws {
        let tmp = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let out = dir + "/out.vec"
        let child = try FaultSupport.Child(["train", "--method", method, corpus(), "-o", out, "--quiet"] + extra,
                                           environment: ["TMPDIR": tmp, "WORDVEC_PAUSE_IN": phase], directory: dir)
        guard child.waitUntilPaused(in: phase) else {
            child.send(SIGKILL)
            return XCTFail("\(method) never reached \(phase): \(child.stderr)", file: f, line: l)
        }
        if expectTemporaryFiles {
            XCTAssertFalse(FaultSupport.files(under: tmp).isEmpty, "\(phase): the spilled runs should be on disk now", file: f, line: l)
        }
        child.send(signal)
        let r = child.finish()
        let name = signal == SIGTERM ? "SIGTERM" : "SIGINT"
        XCTAssertTrue(r.exited, "\(method) should exit by itself, not die of the signal", file: f, line: l)
        XCTAssertEqual(r.status, 128 + signal, "\(method) in \(phase): \(r.stderr)", file: f, line: l)
        XCTAssertEqual(r.stderr, "wordvec: error: interrupted by \(name) while \(words); no output was written (temporary files removed)\n",
                       file: f, line: l)
        XCTAssertEqual(FaultSupport.files(under: tmp), [], "\(method): temporary files left", file: f, line: l)
        XCTAssertEqual(FaultSupport.files(under: dir).filter { $0 != "corpus.txt" && $0 != "tmp" }, [],
                       "\(method): no output, config or partial file may remain", file: f, line: l)
    }

    private let spill = ["--memory", "0.001", "--min-count", "1", "--window", "5"]

    func testVocabularyCount() throws {
        try assertInterrupted("sgns", [], in: "counting-words", while: "counting the vocabulary", by: SIGTERM)
    }

    func testPPMICountingSpillingAndMerging() throws {
        try assertInterrupted("ppmi", spill, in: "counting-cooccurrences", while: "counting co-occurrences", by: SIGINT)
        try assertInterrupted("ppmi", spill, in: "spilling", while: "spilling sorted co-occurrence runs to disk", by: SIGTERM,
                              expectTemporaryFiles: true)
        try assertInterrupted("ppmi", spill, in: "merging", while: "merging co-occurrence runs", by: SIGINT,
                              expectTemporaryFiles: true)
    }

    func testPPMISVD() throws {
        try assertInterrupted("ppmi-svd", spill + ["--dim", "20"], in: "svd", while: "computing the truncated SVD", by: SIGTERM)
    }

    func testHAL() throws {
        try assertInterrupted("hal", spill + ["--dim", "20"], in: "merging", while: "merging co-occurrence runs", by: SIGTERM,
                              expectTemporaryFiles: true)
        try assertInterrupted("hal", ["--memory", "0.001", "--min-count", "1", "--dim", "20", "--reduce", "svd"], in: "svd",
                              while: "computing the truncated SVD", by: SIGINT)
    }

    func testTfIdfAndLSA() throws {
        try assertInterrupted("tfidf", [], in: "counting-documents", while: "counting words per document", by: SIGINT)
        try assertInterrupted("lsa", ["--dim", "20"], in: "counting-documents", while: "counting words per document", by: SIGTERM)
        try assertInterrupted("lsa", ["--dim", "20"], in: "svd", while: "computing the truncated SVD", by: SIGINT)
    }

    func testRandomIndexing() throws {
        try assertInterrupted("random-indexing", [], in: "training", while: "training", by: SIGTERM)
    }

    func testGloVeCounting() throws {
        try assertInterrupted("glove", spill, in: "counting-cooccurrences", while: "counting co-occurrences", by: SIGTERM)
        try assertInterrupted("glove", spill, in: "spilling", while: "spilling sorted co-occurrence runs to disk", by: SIGINT,
                              expectTemporaryFiles: true)
    }

    /// Without the hook: a real SIGTERM at a random moment of a spilling count also stops cleanly.
    func testSignalWithoutThePauseHook() throws {
        let tmp = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let child = try FaultSupport.Child(["train", "--method", "hal", corpus(), "-o", dir + "/out.vec", "--dim", "20"] + spill,
                                           environment: ["TMPDIR": tmp], directory: dir)
        XCTAssertTrue(child.wait(for: "spilling sorted runs"), child.stderr)
        child.send(SIGTERM)
        let r = child.finish()
        // It may have finished the count first; either it stopped (143) or it completed (0).
        XCTAssertTrue(r.exited, "it should exit by itself, not die of the signal")
        if r.status != 0 {
            XCTAssertEqual(r.status, 143, r.stderr)
            XCTAssertTrue(r.stderr.contains("wordvec: error: interrupted by SIGTERM while "), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.vec"))
        }
        XCTAssertEqual(FaultSupport.files(under: tmp), [])
    }
}
