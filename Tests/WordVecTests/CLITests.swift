import Foundation
import XCTest
import WordVec

/// End-to-end checks of the `wordvec` foundation commands (vocab, convert, neighbors,
/// generate-corpus, and train's I/O): outputs, one-line errors, progress lines, Ctrl-C.
final class CLITests: TempDirTestCase {
    func listing(_ path: String? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path ?? dir)) ?? []).sorted()
    }

    /// Asserts a failed run: exit 1, nothing on stdout, exactly one `wordvec: error:` line on stderr
    /// that contains `contains`.
    // MARK: help

    func testHelpListsEverySubcommandAndFlag() throws {
        let root = try TestSupport.wordvec("--help")
        XCTAssertEqual(root.status, 0)
        for cmd in ["train", "vocab", "convert", "neighbors", "generate-corpus"] { XCTAssertTrue(root.stdout.contains(cmd), cmd) }
        let train = try TestSupport.wordvec("train", "--method", "sgns", "--help")
        XCTAssertEqual(train.status, 0)
        for flag in ["--dim", "--window", "--negative", "--min-count", "--epochs", "--sample", "--threads",
                     "--lowercase", "--tokenizer", "--max-vocab", "--quiet", "--output", "--format", "--seed", "--save-vocab"] {
            XCTAssertTrue(train.stdout.contains(flag), flag)
        }
        let vocab = try TestSupport.wordvec("help", "vocab")
        for flag in ["--min-count", "--max-vocab", "--lowercase", "--tokenizer", "--json", "--output", "--quiet"] {
            XCTAssertTrue(vocab.stdout.contains(flag), flag)
        }
    }

    // MARK: vocab

    func testVocabPrintsSummaryAndWritesWordCountLines() throws {
        let corpus = file("c.txt", "b a c b a d b\nz z z z\n")
        let out = dir + "/vocab.txt"
        let r = try TestSupport.wordvec("vocab", corpus, "--min-count", "2", "-o", out)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "tokens 11  types 5  kept types 3 (min-count 2)  coverage 81.82%\n")
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "z 4\nb 3\na 2\n")
        XCTAssertEqual(listing(), ["c.txt", "vocab.txt"])

        let json = try TestSupport.wordvec("vocab", corpus, "--min-count", "2", "--json")
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(obj["tokens"] as? Int, 11)
        XCTAssertEqual(obj["types"] as? Int, 5)
        XCTAssertEqual(obj["kept_types"] as? Int, 3)
        XCTAssertEqual(obj["kept_tokens"] as? Int, 9)

        // -o - writes the vocabulary itself to stdout, without the summary.
        let stdout = try TestSupport.wordvec("vocab", corpus, "--max-vocab", "2", "--min-count", "1", "-o", "-")
        XCTAssertEqual(stdout.stdout, "z 4\nb 3\n")
    }

    func testVocabReadsStdinZstdAndDirectories() throws {
        let text = "one two two three three three\n"
        let fromStdin = try TestSupport.wordvec("vocab", "-", "--min-count", "1", "-o", "-", stdin: Data(text.utf8))
        XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
        XCTAssertEqual(fromStdin.stdout, "three 3\ntwo 2\none 1\n")

        let packed = dir + "/c.txt.zst"
        TestSupport.write(bytes: CorpusTests.zstd(Array(text.utf8)), to: packed)
        XCTAssertEqual(try TestSupport.wordvec("vocab", packed, "--min-count", "1", "-o", "-").stdout, fromStdin.stdout)

        let sub = dir + "/parts"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        TestSupport.write("one two two", to: sub + "/1.txt")
        TestSupport.write("three three three", to: sub + "/2.txt")
        XCTAssertEqual(try TestSupport.wordvec("vocab", sub, "--min-count", "1", "-o", "-").stdout, fromStdin.stdout)
    }

    func testVocabTokenizerFlags() throws {
        let corpus = file("c.txt", "The cat, THE dog. the")
        XCTAssertEqual(try TestSupport.wordvec("vocab", corpus, "--min-count", "1", "-o", "-").stdout,
                       "THE 1\nThe 1\ncat, 1\ndog. 1\nthe 1\n")
        XCTAssertEqual(try TestSupport.wordvec("vocab", corpus, "--min-count", "1", "--lowercase", "--tokenizer", "raw", "-o", "-").stdout,
                       "the 3\ncat 1\ndog 1\n")
    }

    func testBadCorporaGiveOneErrorLine() throws {
        let empty = file("empty.txt", "")
        let blank = file("blank.txt", "  \n\t\r\n\n")
        let garbage = file("bad.zst", "not zstd data at all")
        let whole = CorpusTests.zstd(Array(String(repeating: "some words here ", count: 20_000).utf8))
        let truncated = dir + "/cut.zst"
        TestSupport.write(bytes: Array(whole.prefix(whole.count / 2)), to: truncated)
        let emptyDir = dir + "/nothing"
        try FileManager.default.createDirectory(atPath: emptyDir, withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            (dir + "/missing.txt", "no such file or directory"),
            (empty, "the corpus has no words"),
            (blank, "the corpus has no words"),
            (garbage, "corrupt or truncated zstd data"),
            (truncated, "corrupt or truncated zstd data"),
            (emptyDir, "the corpus has no words"),
        ]
        for (path, message) in cases {
            assertOneLineError(try TestSupport.wordvec("vocab", path, "-o", dir + "/out.txt"), message)
            assertOneLineError(try TestSupport.wordvec("train", path, "-o", dir + "/out.vec", "--quiet"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.txt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.vec"))
        assertOneLineError(try TestSupport.wordvec("vocab", "-", stdin: Data()), "the corpus has no words")
    }

    func testCorpusWarningsAreCountedOnOneLine() throws {
        let corpus = dir + "/c.txt"
        TestSupport.write(bytes: Array("ok fine".utf8) + [0, 0xFF, 32] + Array("good\n".utf8), to: corpus)
        let r = try TestSupport.wordvec("vocab", corpus, "--min-count", "1", "-o", "-")
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "fine 1\ngood 1\nok 1\n")
        XCTAssertEqual(r.stderr, "warning: 1 tokens with invalid UTF-8 skipped, 1 NUL bytes treated as spaces\n")
        XCTAssertEqual(try TestSupport.wordvec("vocab", corpus, "--min-count", "1", "-o", "-", "--quiet").stderr, "")
    }

    func testUnwritableOutputIsOneErrorLine() throws {
        let corpus = file("c.txt", String(repeating: "a b c d e f ", count: 50))
        let missing = dir + "/no/such/dir"
        assertOneLineError(try TestSupport.wordvec("vocab", corpus, "-o", missing + "/v.txt"), "cannot write")
        assertOneLineError(try TestSupport.wordvec("train", corpus, "-o", missing + "/v.vec", "--dim", "4", "--epochs", "1", "--quiet"), "cannot write")
        let vecs = file("v.vec", "1 2\na 1 2\n")
        assertOneLineError(try TestSupport.wordvec("convert", vecs, missing + "/w.bin"), "cannot write")
        assertOneLineError(try TestSupport.wordvec("generate-corpus", "-o", missing + "/g.txt", "--sentences", "10"), "cannot write")
        assertOneLineError(try TestSupport.wordvec("vocab", corpus, "-o", dir), "is a directory")
    }

    // MARK: train I/O (the methods themselves are tested elsewhere)

    func testTrainWritesVectorsConfigAndVocabAndOneSummaryLine() throws {
        let corpus = dir + "/syn.txt"
        XCTAssertEqual(try TestSupport.wordvec("generate-corpus", "-o", corpus, "--sentences", "2000").status, 0)
        let out = dir + "/v.vec"
        let r = try TestSupport.wordvec("train", corpus, "-o", out, "--dim", "8", "--epochs", "1", "--threads", "1",
                                        "--save-vocab", dir + "/vocab.txt")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one summary line when stderr is not a terminal: \(r.stderr)")
        XCTAssertTrue(lines.first?.hasPrefix("train sgns: ") ?? false, r.stderr)
        let e = try VectorFileReader.readDense(out)
        XCTAssertEqual(e.dim, 8)
        let vocab = try Vocabulary.load(from: dir + "/vocab.txt")
        XCTAssertEqual(e.words, vocab.words)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + ".config.json"))) as! [String: Any]
        XCTAssertEqual(config["dim"] as? Int, 8)
        XCTAssertEqual(config["epochs"] as? Int, 1)
        XCTAssertEqual(listing(), ["syn.txt", "v.vec", "v.vec.config.json", "vocab.txt"])
        // --quiet: nothing on stderr.
        XCTAssertEqual(try TestSupport.wordvec("train", corpus, "-o", out, "--dim", "8", "--epochs", "1", "--quiet").stderr, "")
    }

    func testTrainReadsStdinAndWritesStdout() throws {
        let text = SyntheticCorpus(seed: 3).sentences(1500).map { $0.joined(separator: " ") }.joined(separator: "\n")
        let r = try TestSupport.wordvec("train", "-", "-o", "-", "--dim", "6", "--epochs", "2", "--quiet", stdin: Data(text.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let path = file("out.vec", r.stdout)
        let e = try VectorFileReader.readDense(path)
        XCTAssertEqual(e.dim, 6)
        XCTAssertGreaterThan(e.count, 50)
    }

    func testCtrlCDuringTrainingLeavesNoFile() throws {
        let corpus = dir + "/big.txt"
        XCTAssertEqual(try TestSupport.wordvec("generate-corpus", "-o", corpus, "--sentences", "60000").status, 0)
        let out = dir + "/out.vec"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestSupport.binary)
        p.arguments = ["train", corpus, "-o", out, "--epochs", "50", "--threads", "2", "--save-vocab", dir + "/vocab.txt"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        final class Collected: @unchecked Sendable { var data = Data() }   // written once, read after wait()
        let errData = Collected()
        let reading = DispatchGroup()
        reading.enter()
        DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); reading.leave() }
        try p.run()
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertTrue(p.isRunning, "training ended before the signal; the test needs a longer run")
        p.interrupt()   // SIGINT, as Ctrl-C
        let deadline = Date().addingTimeInterval(30)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            XCTFail("wordvec did not stop within 30 s of SIGINT")
        }
        p.waitUntilExit()
        reading.wait()
        let stderr = String(decoding: errData.data, as: UTF8.self)
        XCTAssertEqual(p.terminationReason, .exit, "it should exit by itself, not die of the signal")
        XCTAssertNotEqual(p.terminationStatus, 0)
        XCTAssertEqual(p.terminationStatus, 130, "128 + SIGINT")
        XCTAssertEqual(stderr, "wordvec: error: interrupted by SIGINT while training; no output was written (temporary files removed)\n")
        XCTAssertEqual(listing(), ["big.txt"], "no output, config, vocabulary or temporary file may remain")
    }

    // MARK: convert

    func testConvertRoundTripsBetweenFormats() throws {
        let e = try VectorFileTests.sample(count: 20, dim: 5)
        let vec = dir + "/a.vec"
        try VectorFileWriter.write(e, to: vec)
        for (name, extra) in [("b.bin", [String]()), ("c.txt", []), ("d.sparse", []), ("e.out", ["--to", "bin"])] {
            let r = try TestSupport.wordvec(["convert", vec, dir + "/" + name] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            let back = try VectorFileReader.readDense(dir + "/" + name)
            XCTAssertEqual(back.words, e.words)
            XCTAssertEqual(back.vectors, e.vectors, name)
            // and back to .vec text, byte for byte
            XCTAssertEqual(try TestSupport.wordvec("convert", dir + "/" + name, dir + "/back.vec").status, 0)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/back.vec")), try Data(contentsOf: URL(fileURLWithPath: vec)), name)
        }
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: dir + "/e.out")).prefix(5) == Data("20 5\n".utf8))
        let toStdout = try TestSupport.wordvec("convert", vec, "-")
        XCTAssertEqual(toStdout.stdout, try String(contentsOfFile: vec, encoding: .utf8))
    }

    func testConvertNormalize() throws {
        let vec = file("a.vec", "3 2\na 3 4\nb 0 -2\nc 0 0\n")
        XCTAssertEqual(try TestSupport.wordvec("convert", vec, dir + "/n.vec", "--normalize").status, 0)
        let n = try VectorFileReader.readDense(dir + "/n.vec")
        XCTAssertEqual(n.row(0), [0.6, 0.8])
        XCTAssertEqual(n.row(1), [0, -1])
        XCTAssertEqual(n.row(2), [0, 0])
    }

    func testConvertMalformedInputNamesTheLine() throws {
        let bad = file("bad.vec", "3 2\na 1 2\nb 1 nan\nc 1 2\n")
        let r = try TestSupport.wordvec("convert", bad, dir + "/out.vec")
        assertOneLineError(r, "bad.vec:3: value 2 of 'b' is not a finite number: 'nan'")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.vec"))
    }

    // MARK: neighbors

    let small = "5 2\nnorth 1 0\nnortheast 1 1\neast 0 1\nsouth -1 0\nwest 0 -1\n"

    func testNeighborsRanksByCosine() throws {
        let vec = file("v.vec", small)
        let r = try TestSupport.wordvec("neighbors", vec, "north", "-k", "3")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        XCTAssertEqual(lines.first, ["north:"])
        XCTAssertEqual(lines.dropFirst().map { String($0[0]) }, ["northeast", "east", "west"])
        XCTAssertEqual(Double(lines[1][1]), 0.7071)
        XCTAssertEqual(Double(lines[2][1]), 0.0)

        let json = try TestSupport.wordvec("neighbors", vec, "east", "--json", "-k", "1")
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let hit = (obj["neighbors"] as! [[String: Any]])[0]
        XCTAssertEqual(hit["word"] as? String, "northeast")
        XCTAssertEqual(hit["similarity"] as! Double, 0.5.squareRoot(), accuracy: 1e-6)
    }

    func testNeighborsUnknownWordsAndStdinQueries() throws {
        let vec = file("v.vec", small)
        let partial = try TestSupport.wordvec("neighbors", vec, "nowhere", "south", "-k", "1")
        XCTAssertEqual(partial.status, 0)
        XCTAssertTrue(partial.stdout.hasPrefix("nowhere: not in the vocabulary\nsouth:\n"), partial.stdout)
        assertOneLineError(try TestSupport.wordvec("neighbors", vec, "nowhere", "atlantis"), "none of the query words", stdoutEmpty: false)
        let piped = try TestSupport.wordvec("neighbors", vec, "-k", "1", stdin: Data("east\nnorth west\n".utf8))
        XCTAssertEqual(piped.stdout.split(separator: "\n").filter { $0.hasSuffix(":") }, ["east:", "north:", "west:"])
        assertOneLineError(try TestSupport.wordvec("neighbors", dir + "/none.vec", "x"), "no such file")
    }

    // MARK: generate-corpus

    func testGenerateCorpusIsDeterministicAndWritesItsEvalSets() throws {
        let a = dir + "/a.txt", b = dir + "/b.txt", c = dir + "/c.txt"
        XCTAssertEqual(try TestSupport.wordvec("generate-corpus", "-o", a, "--sentences", "500", "--seed", "4",
                                               "--questions", dir + "/q.txt", "--pairs", dir + "/p.tsv").status, 0)
        XCTAssertEqual(try TestSupport.wordvec("generate-corpus", "-o", b, "--sentences", "500", "--seed", "4").status, 0)
        XCTAssertEqual(try TestSupport.wordvec("generate-corpus", "-o", c, "--sentences", "500", "--seed", "5").status, 0)
        let da = try Data(contentsOf: URL(fileURLWithPath: a))
        XCTAssertEqual(da, try Data(contentsOf: URL(fileURLWithPath: b)))
        XCTAssertNotEqual(da, try Data(contentsOf: URL(fileURLWithPath: c)))
        XCTAssertEqual(String(decoding: da, as: UTF8.self).split(separator: "\n").count, 500)
        let synthetic = SyntheticCorpus(seed: 4)
        XCTAssertEqual(try String(contentsOfFile: dir + "/q.txt", encoding: .utf8), synthetic.analogyQuestions())
        XCTAssertEqual(try String(contentsOfFile: dir + "/p.tsv", encoding: .utf8), synthetic.similarityPairs())
    }
}

extension TestSupport {
    /// Runs the `wordvec` CLI with an argument array.
    @discardableResult
    static func wordvec(_ arguments: [String], stdin: Data? = nil) throws -> RunResult {
        try run(binary, arguments, stdin: stdin)
    }
}
