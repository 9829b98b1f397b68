import Foundation
import XCTest
import WordVec

/// The seam every method plugs into: configs, the method registry's flags, default outputs,
/// --read-vocab, and runs that learn nothing.
final class TrainingSeamTests: TempDirTestCase {
    func testEveryConfigRoundTripsThroughJSON() throws {
        var sgns = Word2VecConfig()
        sgns.dim = 33; sgns.vocabulary.minCount = 2; sgns.vocabulary.readVocab = "v.txt"; sgns.output = .sum
        var cbow = Word2VecConfig(architecture: .cbow)
        cbow.hierarchicalSoftmax = true; cbow.negative = 0
        var glove = GloVeConfig()
        glove.weightPower = 0.5; glove.temporaryDirectory = "/tmp/x"; glove.vocabulary.tokenizer.lowercase = true
        XCTAssertEqual(try roundTrip(sgns), sgns)
        XCTAssertEqual(try roundTrip(cbow), cbow)
        XCTAssertEqual(try roundTrip(glove), glove)
        XCTAssertEqual(cbow.alpha, 0.05, "CBOW's own default learning rate")
        XCTAssertTrue(try TrainingOutputs.configJSON(glove).contains("\"method\" : \"glove\""))
    }

    func roundTrip<C: TrainerConfig & Equatable>(_ c: C) throws -> C {
        try JSONDecoder().decode(C.self, from: JSONEncoder().encode(c))
    }

    func testConfigValidationNamesTheFlag() {
        var c = Word2VecConfig()
        c.window = 0
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("--window"), "\($0)") }
        var g = GloVeConfig()
        g.xMax = -1
        XCTAssertThrowsError(try g.validate()) { XCTAssertTrue("\($0)".contains("--x-max"), "\($0)") }
    }

    func testAFlagTheMethodDoesNotUseIsAUsageError() throws {
        let corpus = TestSupport.syntheticCorpus.path
        let cases: [([String], [String])] = [
            (["--method", "sgns", "--x-max", "10"], ["--x-max", "glove"]),
            (["--method", "glove", "--hs"], ["--hs", "sgns, cbow"]),
            (["--method", "glove", "--negative", "3"], ["--negative", "sgns, cbow"]),
            (["--method", "glove", "--alpha", "0.5"], ["--alpha", "--weight-power"]),
            (["--method", "cbow", "--weight-power=0.5"], ["--weight-power", "glove"]),
            (["--method", "sgns", "--hs", "--negative", "0", "--save-context", dir + "/c.vec"], ["--save-context", "context vectors"]),
        ]
        for (args, expected) in cases {
            let r = try TestSupport.run(TestSupport.binary, ["train", corpus, "-o", dir + "/x.vec"] + args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            for e in expected { XCTAssertTrue(r.stderr.contains(e), "\(args): '\(r.stderr)' lacks \(e)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.vec"))
    }

    func testMethodHelpListsOnlyItsFlagsWithDefaults() throws {
        let glove = try TestSupport.wordvec("train", "--method", "glove", "--help")
        XCTAssertEqual(glove.status, 0)
        for s in ["--x-max", "--weight-power", "--eta", "(default: 10)", "(default: 15)", "MODEL:", "VOCABULARY:", "OUTPUT:", "RUN:", "CORPUS:"] {
            XCTAssertTrue(glove.stdout.contains(s), s)
        }
        for s in ["--negative <", "--hs ", "--alpha <", "--sample <"] { XCTAssertFalse(glove.stdout.contains(s), s) }
        let cbow = try TestSupport.wordvec("help", "train", "cbow")
        XCTAssertTrue(cbow.stdout.contains("--alpha <alpha>") && cbow.stdout.contains("0.05)"), cbow.stdout)
        XCTAssertFalse(cbow.stdout.contains("--x-max"))
    }

    func testDefaultOutputNameAndNoSilentOverwrite() throws {
        let corpus = dir + "/toy.txt.zst"
        let plain = dir + "/toy.txt"
        try SyntheticCorpus(seed: 2).write(sentences: 300, to: plain)
        _ = try TestSupport.run("/usr/bin/zstd", ["-q", plain, "-o", corpus])
        let args = ["train", "--method", "glove", corpus, "--epochs", "2", "--dim", "8", "--threads", "1"]
        let first = try TestSupport.run(TestSupport.binary, args, directory: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("will write toy.glove.vec"), first.stderr)
        let path = dir + "/toy.glove.vec"
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".config.json"))
        TestSupport.write("keep me\n", to: path)
        let second = try TestSupport.run(TestSupport.binary, args, directory: dir)
        assertOneLineError(second, "toy.glove.vec: cannot write: it exists; pass --force")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "keep me\n")
        let forced = try TestSupport.run(TestSupport.binary, args + ["--force", "--quiet"], directory: dir)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try VectorFileReader.readDense(path).dim, 8)
        XCTAssertEqual(TrainingOutputs.defaultPath(corpus: "-", method: "sgns"), "stdin.sgns.vec")
        XCTAssertEqual(TrainingOutputs.defaultPath(corpus: "/a/b/text8", method: "cbow"), "text8.cbow.vec")
        // Only text and compression extensions go; other dots are part of the name.
        XCTAssertEqual(TrainingOutputs.defaultPath(corpus: "wiki.en.2024-01.txt", method: "sgns"), "wiki.en.2024-01.sgns.vec")
        XCTAssertEqual(TrainingOutputs.defaultPath(corpus: "news v1.0.txt.gz", method: "glove"), "news v1.0.glove.vec")
        XCTAssertEqual(TrainingOutputs.defaultPath(corpus: "a.zip:corpus-1.5M.txt", method: "sgns", format: .bin), "corpus-1.5M.sgns.bin")
        XCTAssertEqual(TrainingOutputs.defaultPath(corpus: ".hidden", method: "sgns", format: .glove), "corpus.hidden.sgns.txt")
    }

    func testReadVocabGivesTheSameVectorsAsCounting() throws {
        let corpus = TestSupport.syntheticCorpus.path
        for method in ["sgns", "glove"] {
            let common = ["train", "--method", method, corpus, "--threads", "1", "--seed", "3", "--epochs", "1", "--dim", "12",
                          "--min-count", "3", "--quiet"]
            let counted = try TestSupport.run(TestSupport.binary, common + ["-o", dir + "/a.vec", "--save-vocab", dir + "/v.txt"])
            XCTAssertEqual(counted.status, 0, counted.stderr)
            let read = try TestSupport.run(TestSupport.binary, common + ["-o", dir + "/b.vec", "--read-vocab", dir + "/v.txt"])
            XCTAssertEqual(read.status, 0, read.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.vec")),
                           try Data(contentsOf: URL(fileURLWithPath: dir + "/b.vec")), method)
        }
        let missing = try TestSupport.wordvec("train", corpus, "--read-vocab", dir + "/none.txt", "-o", dir + "/c.vec")
        assertOneLineError(missing, "none.txt")
    }

    /// Outputs that would overwrite each other or the corpus, and negative numbers.
    func testClashingOutputsAndNegativeValuesAreUsageErrors() throws {
        let corpus = dir + "/c.txt"
        try SyntheticCorpus(seed: 4).write(sentences: 200, to: corpus)
        let before = try Data(contentsOf: URL(fileURLWithPath: corpus))
        let cases: [([String], String)] = [
            (["-o", corpus], "is the corpus"),
            (["-o", dir + "/../" + URL(fileURLWithPath: dir).lastPathComponent + "/c.txt"], "is the corpus"),
            (["-o", dir + "/a.vec", "--save-context", dir + "/a.vec"], "name the same file"),
            (["-o", "-", "--save-vocab", "-"], "name the same file"),
            (["-o", dir + "/a.vec", "--window", "-1"], "--window must be from 1 to 1000 (got -1)"),
            (["-o", dir + "/a.vec", "--dim", "-5"], "--dim must be from 1"),
        ]
        for (args, expected) in cases {
            let r = try TestSupport.run(TestSupport.binary, ["train", corpus] + args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: corpus)), before, "the corpus is untouched")
        let glove = try TestSupport.wordvec("train", "--method", "glove", corpus, "--eta", "100", "--threads", "1", "--quiet", "-o", dir + "/g.vec")
        assertOneLineError(glove, "training diverged", stdoutEmpty: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/g.vec"))
    }

    /// One token per line (CoNLL style): no window holds two words, so nothing can be learned.
    func testARunThatLearnsNothingIsAnError() throws {
        let corpus = file("one.txt", "the\ncat\nsat\n\na\ndog\nran\n\nthe\ndog\nsat\n")
        for method in ["sgns", "cbow", "glove"] {
            let r = try TestSupport.wordvec("train", "--method", method, corpus, "--min-count", "1", "--epochs", "3", "-o", dir + "/one.vec")
            XCTAssertEqual(r.status, 1, "\(method): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("one.txt"), r.stderr)
            XCTAssertTrue(r.stderr.contains("nothing to train on") || r.stderr.contains("no co-occurrences"), r.stderr)
            XCTAssertFalse(r.stderr.contains("0.0000"), "an epoch with nothing trained is not a loss of 0: \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/one.vec"))
        }
        // Two sentences of two words: something is learned, but far too little.
        let tiny = file("tiny.txt", "the cat\na dog\n")
        let t = try TestSupport.wordvec("train", tiny, "--min-count", "1", "--sample", "0", "--epochs", "1", "-o", dir + "/tiny.vec")
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stderr.contains("warning: only"), t.stderr)
    }
}
