import Foundation
import XCTest
import WordVec

/// Issue 9, faults 4 and 5: every file wordvec reads may be compressed (recognised by its magic
/// bytes), a zip member, a pipe or stdin, and may start with a UTF-8 byte-order mark.
final class InputFileTests: TempDirTestCase {
    static let vec = "3 2\nking 1 0\nqueen 0.9 0.1\nman 0 1\n"
    static let streams: [Compression] = [.gzip, .bzip2, .xz, .zstd]

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        TestSupport.write(bytes: bytes, to: path)
        return path
    }

    func words(_ path: String) throws -> [String] {
        try VocabularyCounter(minCount: 1, threads: 1).count(Corpus(path: path)).vocabulary.words
    }

    // MARK: compression

    func testCompressionIsRecognisedByMagicBytes() {
        for kind in Self.streams { XCTAssertEqual(Compression.detect(Packing.compress(Array("x".utf8), kind)), kind) }
        XCTAssertEqual(Compression.detect(Packing.zip([("a", [1])])), .zip)
        XCTAssertNil(Compression.detect(Array("3 2\nking 1 0\n".utf8)))
        XCTAssertNil(Compression.detect(Array("BZ".utf8)))
    }

    func testCompressedVectorFilesReadLikeThePlainOne() throws {
        let plain = try VectorFileReader.readDense(file("v.vec", Self.vec))
        for kind in Self.streams {
            let bytes = Packing.compress(Array(Self.vec.utf8), kind)
            // With the usual extension, and without any (magic bytes decide).
            for name in ["v.vec.\(kind.rawValue)", "v\(kind.rawValue)"] {
                let e = try VectorFileReader.readDense(write(name, bytes))
                XCTAssertEqual(e.words, plain.words, name)
                XCTAssertEqual(e.vectors, plain.vectors, name)
            }
        }
        // Binary vectors too (fastText and word2vec publish .bin.gz).
        try VectorFileWriter.write(plain, to: dir + "/v.bin", format: .bin)
        let bin = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/v.bin")))
        XCTAssertEqual(try VectorFileReader.readDense(write("v.bin.gz", Packing.compress(bin, .gzip))).vectors, plain.vectors)
    }

    func testCompressedCorporaCountLikeThePlainOne() throws {
        let text = String(repeating: "the cat sat on the mat\nthe dog ran\n", count: 3000)
        let plain = try words(file("c.txt", text))
        for kind in Self.streams {
            XCTAssertEqual(try words(write("c.\(kind.rawValue)", Packing.compress(Array(text.utf8), kind))), plain, "\(kind)")
        }
        // A gzip file of several members (`cat a.gz b.gz`) is read whole.
        let two = Packing.compress(Array("one two\n".utf8), .gzip) + Packing.compress(Array("three\n".utf8), .gzip)
        XCTAssertEqual(Set(try words(write("two.gz", two))), ["one", "two", "three"])
        XCTAssertFalse(try Corpus(path: dir + "/c.gzip").isSeekable)
        XCTAssertTrue(try Corpus(path: dir + "/c.txt").isSeekable)
    }

    func testDamagedCompressedFilesAreOneLineErrors() throws {
        let whole = Packing.compress(Array(String(repeating: "some words here ", count: 20_000).utf8), .gzip)
        let cut = write("cut.vec.gz", Array(whole.prefix(whole.count / 2)))
        let fake = file("fake.vec.gz", Self.vec)   // named .gz, plain inside
        for (path, message) in [(cut, "corrupt or truncated gzip data"), (fake, "does not start with the gzip magic number")] {
            assertOneLineError(try TestSupport.wordvec("neighbors", path, "king"), message)
            assertOneLineError(try TestSupport.wordvec("vocab", path, "-o", dir + "/out.txt"), message)
        }
    }

    func testTrainingOnAPipedCompressedCorpusGivesTheSameVectors() throws {
        let text = String(repeating: "the cat sat on the mat\nthe dog sat on the log\n", count: 300)
        let plain = file("c.txt", text)
        let args = ["--min-count", "1", "--epochs", "2", "--dim", "8", "--threads", "1", "--seed", "3", "--quiet"]
        let a = try TestSupport.run(TestSupport.binary, ["train", plain, "-o", dir + "/a.vec"] + args)
        XCTAssertEqual(a.status, 0, a.stderr)
        let packed = Data(Packing.compress(Array(text.utf8), .xz))
        let b = try TestSupport.run(TestSupport.binary, ["train", "-", "-o", dir + "/b.vec"] + args, stdin: packed)
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.vec")), try Data(contentsOf: URL(fileURLWithPath: dir + "/b.vec")))
    }

    // MARK: zip members

    func testZipMembersAreNamedAfterAColon() throws {
        let zip = write("glove.6B.zip", Packing.zip([("glove.6B.50d.txt", Array("king 1 0\nqueen 0.9 0.1\n".utf8)),
                                                     ("glove.6B.100d.txt", Array(Self.vec.utf8))]))
        XCTAssertEqual(try VectorFileReader.readDense(zip + ":glove.6B.100d.txt").words, ["king", "queen", "man"])
        XCTAssertEqual(try VectorFileReader.readDense(zip + ":glove.6B.50d.txt").words, ["king", "queen"])
        assertOneLineError(try TestSupport.wordvec("neighbors", zip, "king"), "holds several files; name one as \(zip):MEMBER")
        assertOneLineError(try TestSupport.wordvec("neighbors", zip + ":nope.txt", "king"),
                           "no member 'nope.txt' in the zip archive (it holds: glove.6B.50d.txt, glove.6B.100d.txt)")
        // A zip of one file needs no member name; corpora and questions come from zips too.
        let one = write("one.zip", Packing.zip([("c.txt", Array("b a b\n".utf8))]))
        XCTAssertEqual(try words(one), ["b", "a"])
        XCTAssertEqual(try words(zip + ":glove.6B.50d.txt").count, 6)
    }

    // MARK: pipes and stdin

    func testStdinAndPipesCarryCompressedVectors() throws {
        let gz = Data(Packing.compress(Array(Self.vec.utf8), .gzip))
        for input in [gz, Data(Self.vec.utf8)] {
            let r = try TestSupport.wordvec("neighbors", "-", "king", "-k", "1", stdin: input)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("queen"), r.stdout)
        }
        // `<(zcat v.vec.gz)`: a FIFO, read once. (The permission-denied message of old.)
        let fifo = dir + "/v.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread { try? gz.write(to: URL(fileURLWithPath: fifo)) }
        writer.start()
        let r = try TestSupport.wordvec("neighbors", fifo, "king", "-k", "1")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("queen"), r.stdout)
        // The evaluators look for a fastText model's magic number first: never in a pipe, which
        // that look would consume.
        let pairs = file("p.tsv", "king\tqueen\t9\nking\tman\t2\nqueen\tman\t3\n")
        let again = Thread { try? gz.write(to: URL(fileURLWithPath: fifo)) }
        again.start()
        let s = try TestSupport.wordvec("similarity", fifo, pairs)
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertTrue(s.stdout.contains("3/3 pairs"), s.stdout)
        let usage = try TestSupport.wordvec("neighbors", "-", stdin: gz)
        XCTAssertEqual(usage.status, 64)
        XCTAssertTrue(usage.stderr.contains("the vectors come from stdin, so give the query words as arguments"), usage.stderr)
    }

    func testEvaluationSetsAndVocabulariesAreReadThroughTheSameLayer() throws {
        let questions = write("q.txt.xz", Packing.compress(Array(": s\nking queen man woman\n".utf8), .xz))
        XCTAssertEqual(try AnalogyQuestionSet.load(questions).questionCount, 1)
        let pairs = write("p.zip", Packing.zip([("ws.tsv", Array("king\tqueen\t8.5\n".utf8))]))
        XCTAssertEqual(try WordPairSet.load(pairs + ":ws.tsv").pairs.count, 1)
        let vocab = write("v.txt.bz2", Packing.compress(Array("the 3\nof 2\n".utf8), .bzip2))
        XCTAssertEqual(try Vocabulary.load(from: vocab).words, ["the", "of"])
        // Questions from a FIFO.
        let fifo = dir + "/q.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread { try? Data(": s\nking queen man woman\n".utf8).write(to: URL(fileURLWithPath: fifo)) }
        writer.start()
        XCTAssertEqual(try AnalogyQuestionSet.load(fifo).questionCount, 1)
    }

    // MARK: byte-order marks

    func testByteOrderMarkIsSkippedInEveryTextInput() throws {
        let bom = "\u{FEFF}"
        // The example: a .vec with a BOM used to give a dimension error.
        let r = try TestSupport.wordvec("neighbors", file("bom.vec", bom + "2 2\nking 1 0\nqueen 0 1\n"), "king")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(try VectorFileReader.readDense(file("bom.txt", bom + "king 1 0\nqueen 0 1\n")).words, ["king", "queen"])
        XCTAssertEqual(try VectorFileReader.readDense(write("bom.vec.gz", Packing.compress(Array((bom + Self.vec).utf8), .gzip))).words,
                       ["king", "queen", "man"])
        // Corpus: the first word is counted with the same word elsewhere, in every file of a directory.
        XCTAssertEqual(try words(file("c.txt", bom + "king queen king\n")), ["king", "queen"])
        let sub = dir + "/parts"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        TestSupport.write(bom + "king a\n", to: sub + "/1.txt")
        TestSupport.write(bom + "king b\n", to: sub + "/2.txt")
        XCTAssertEqual(try words(sub), ["king", "a", "b"])
        let fromStdin = try TestSupport.wordvec("vocab", "-", "--min-count", "1", "-o", "-", stdin: Data((bom + "x y x\n").utf8))
        XCTAssertEqual(fromStdin.stdout, "x 2\ny 1\n")
        XCTAssertEqual(try Vocabulary.load(from: file("v.txt", bom + "the 2\n")).words, ["the"])
        XCTAssertEqual(try AnalogyQuestionSet.load(file("q.txt", bom + ": s\na b c d\n")).sections.map(\.name), ["s"])
        XCTAssertEqual(try WordPairSet.load(file("p.tsv", bom + "a\tb\t1\n")).pairs.first?.a, "a")
    }

    func testByteOrderMarkAtAByteRangeStartKeepsTheRangesExact() throws {
        let text = "\u{FEFF}" + String(repeating: "alpha beta gamma delta\n", count: 200_000)   // past the byte-range threshold
        let path = file("big.txt", text)
        let serial = try VocabularyCounter(minCount: 1, threads: 1).count(Corpus(path: path))
        let parallel = try VocabularyCounter(minCount: 1, threads: 2).count(Corpus(path: path))
        XCTAssertEqual(serial.vocabulary, parallel.vocabulary)
        XCTAssertEqual(serial.vocabulary.words, ["alpha", "beta", "delta", "gamma"])
    }
}
