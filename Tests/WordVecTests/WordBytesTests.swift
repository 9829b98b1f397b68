import Foundation
import XCTest
import WordVec

/// Issue 9, fault 1: words are byte strings everywhere (vocabulary, readers, writers, evaluators,
/// lookups), as in word2vec.c, fastText and gensim; look-alike spellings merge only with
/// `--normalize`.
final class WordBytesTests: TempDirTestCase {
    static let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
    /// Canonically equivalent pairs that differ in bytes: NFC/NFD, a singleton (ANGSTROM SIGN vs
    /// Å), and precomposed Hangul vs conjoining jamo.
    static let pairs: [(String, String)] = [(nfc, nfd), ("\u{C5}", "\u{212B}"), ("\u{D55C}", "\u{1112}\u{1161}\u{11AB}")]

    func testEquivalentSpellingsAreDifferentWordsInEveryIndex() throws {
        for (a, b) in Self.pairs {
            XCTAssertEqual(a, b, "Swift's String == merges them (the bug's cause)")
            let e = try Embeddings(words: [a, b], dim: 1, vectors: [1, 2])
            XCTAssertEqual([e.index[a], e.index[b]], [0, 1])
            XCTAssertEqual(try SparseEmbeddings(words: [a, b], dim: 1, rowStarts: [0, 0, 0], columns: [], values: []).index[b], 1)
            XCTAssertEqual(Vocabulary(words: [a, b], counts: [2, 1]).makeIndex()[b], 1)
            let folded = EvalVocabulary(words: [a, b], restrict: 0, caseFolding: true)
            XCTAssertEqual([folded.row(of: a), folded.row(of: b)], [0, 1])
            XCTAssertEqual(folded.canonical, [0, 1])
        }
    }

    func testWordIndexRejectsByteDuplicatesNamingWordAndRows() {
        XCTAssertThrowsError(try WordIndex(words: ["a", Self.nfd, "b", Self.nfd])) {
            XCTAssertEqual("\($0)", "duplicate word '\(Self.nfd)' in the vectors (rows 2 and 4)")
        }
        XCTAssertThrowsError(try Embeddings(words: ["x", "x"], dim: 1, vectors: [1, 2]))
        // Case folding still merges what gensim's upper() merges, and only that.
        let v = EvalVocabulary(words: ["Paris", "paris", Self.nfc.uppercased()], restrict: 0, caseFolding: true)
        XCTAssertEqual(v.canonical, [0, 0, 2])
        XCTAssertEqual(v.row(of: "PARIS"), 0)
        XCTAssertNil(v.row(of: Self.nfd))
    }

    /// The example: a corpus with both spellings trains and keeps both words.
    func testTrainingOnBothSpellingsKeepsBothAndWritesEverything() throws {
        for (i, (a, b)) in Self.pairs.enumerated() {
            let corpus = file("c\(i).txt", String(repeating: "the \(a) and the \(b) are here\n", count: 20))
            let out = dir + "/c\(i).vec", vocab = dir + "/v\(i).txt"
            let r = try TestSupport.wordvec("train", corpus, "--min-count", "1", "--epochs", "1", "--quiet", "-o", out, "--save-vocab", vocab)
            XCTAssertEqual(r.status, 0, r.stderr)
            let e = try VectorFileReader.readDense(out)
            XCTAssertEqual(e.count, 6)
            XCTAssertNotEqual(e.index[a], e.index[b])
            XCTAssertTrue(e.words.contains { $0.utf8.elementsEqual(b.utf8) })
            XCTAssertEqual(try Vocabulary.load(from: vocab).count, 6)
            // And they merge when asked.
            let merged = try TestSupport.wordvec("vocab", corpus, "--min-count", "1", "--normalize", "nfc", "-o", "-")
            XCTAssertEqual(merged.stdout.split(separator: "\n").count, 5, merged.stdout)
        }
    }

    func testVectorFilesFromOtherToolsHoldingBothSpellingsAreRead() throws {
        let path = file("both.vec", "3 2\n\(Self.nfc) 1 0\n\(Self.nfd) 0 1\ntea 1 1\n")
        let e = try VectorFileReader.readDense(path)
        XCTAssertEqual(e.vector(Self.nfd), [0, 1])
        XCTAssertEqual(e.vector(Self.nfc), [1, 0])
        let r = try TestSupport.wordvec("neighbors", path, Self.nfd, "-k", "1")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("tea"), r.stdout)
        // Round trip through every format keeps both.
        for format in VectorFormat.allCases {
            let out = dir + "/both.\(format.rawValue)"
            try VectorFileWriter.write(e, to: out, format: format)
            XCTAssertEqual(try VectorFileReader.readDense(out).words.map { Array($0.utf8) }, e.words.map { Array($0.utf8) })
        }
    }

    func testAnalogyCoverageCountsSpellingsByBytes() throws {
        // gensim finds the NFD question word only if the vectors hold the NFD bytes.
        let e = try Embeddings(words: ["a", "b", Self.nfc, "d"], dim: 2, vectors: [1, 0, 0, 1, 1, 1, 0.5, 0.5])
        let questions = try AnalogyQuestionSet.parse(": s\na b \(Self.nfd) d\na b \(Self.nfc) d\n", name: "q")
        let report = try AnalogyBenchmark.evaluate(.dense(e), questions: questions, options: AnalogyOptions(),
                                                   questionsFile: "q", progress: ProgressReporter("t", mode: .quiet))
        XCTAssertEqual(report.total.covered, 1)
    }

    func testNormalizeFoldsCompatibilityFormsOnlyWithNFKC() throws {
        let corpus = file("c.txt", "\u{FB01}sh fish \(Self.nfd) \(Self.nfc) \u{FF21}\n")   // ligature fi, full-width A
        func vocab(_ extra: String...) throws -> [String] {
            let r = try TestSupport.run(TestSupport.binary, ["vocab", corpus, "--min-count", "1", "-o", "-"] + extra)
            return r.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        }
        XCTAssertEqual(try vocab().count, 5)
        XCTAssertEqual(try vocab("--normalize", "nfc").count, 4)
        XCTAssertEqual(Set(try vocab("--normalize", "nfkc")), ["fish", Self.nfc, "A"])
    }
}
