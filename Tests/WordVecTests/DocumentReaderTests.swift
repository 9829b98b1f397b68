import Foundation
import XCTest
import WordVec

/// Document boundaries: lines, blank-line separated paragraphs, fixed-size chunks.
final class DocumentReaderTests: XCTestCase {
    var dir = ""

    override func setUp() { dir = TestSupport.tempDir() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func documents(_ path: String, _ mode: DocumentMode, _ options: TokenizerOptions = TokenizerOptions()) throws -> [[String]] {
        let reader = try DocumentReader(corpus: try Corpus(path: path), options: options, mode: mode)
        var out: [[String]] = []
        while let d = try reader.nextTokens() { out.append(d) }
        XCTAssertEqual(reader.documentsRead, out.count)
        XCTAssertNil(try reader.nextTokens(), "the reader stays at its end")
        return out
    }

    func file(_ name: String, _ text: String) -> String {
        let path = dir + "/" + name
        TestSupport.write(text, to: path)
        return path
    }

    let text = "a b\nc\n\n  \t \nd e f\r\n\r\ng\n\n\n\nh i"

    func testLinesSkipBlankLines() throws {
        XCTAssertEqual(try documents(file("c.txt", text), .lines),
                       [["a", "b"], ["c"], ["d", "e", "f"], ["g"], ["h", "i"]])
    }

    func testParagraphsAreSeparatedByBlankOrWhitespaceOnlyLines() throws {
        XCTAssertEqual(try documents(file("c.txt", text), .paragraphs),
                       [["a", "b", "c"], ["d", "e", "f"], ["g"], ["h", "i"]])
        // No blank line at all: one paragraph; a trailing newline adds no empty document.
        XCTAssertEqual(try documents(file("d.txt", "x y\nz\n"), .paragraphs), [["x", "y", "z"]])
    }

    func testChunksIgnoreLineBreaks() throws {
        let words = (0..<25).map { "w\($0)" }
        let path = file("c.txt", words[0..<7].joined(separator: " ") + "\n\n" + words[7...].joined(separator: " "))
        let docs = try documents(path, .chunks(10))
        XCTAssertEqual(docs.map(\.count), [10, 10, 5])
        XCTAssertEqual(docs.flatMap { $0 }, words)
        XCTAssertEqual(try documents(path, .chunks(25)).map(\.count), [25])
        XCTAssertEqual(try documents(path, .chunks(1)).count, 25)
    }

    func testDocumentsNeverSpanTwoFiles() throws {
        let sub = dir + "/docs"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        TestSupport.write("a b\nc", to: sub + "/1.txt")      // no trailing newline
        TestSupport.write("d\n\ne f g", to: sub + "/2.txt")
        TestSupport.write("\n\n", to: sub + "/3.txt")        // blank file: no document
        TestSupport.write("h", to: sub + "/4.txt")
        XCTAssertEqual(try documents(sub, .paragraphs), [["a", "b", "c"], ["d"], ["e", "f", "g"], ["h"]])
        XCTAssertEqual(try documents(sub, .chunks(2)), [["a", "b"], ["c"], ["d", "e"], ["f", "g"], ["h"]])
        XCTAssertEqual(try documents(sub, .lines), [["a", "b"], ["c"], ["d"], ["e", "f", "g"], ["h"]])
    }

    func testWordIdsDropUnknownWordsButKeepDocumentNumbering() throws {
        let path = file("c.txt", "the cat\nzzz qqq\n\ncat dog the\n")
        let vocabulary = Vocabulary(words: ["the", "cat", "dog"], counts: [3, 2, 1])
        let reader = try DocumentReader(corpus: try Corpus(path: path), options: TokenizerOptions(), mode: .lines,
                                        table: vocabulary.makeTable())
        var ids: [Int32] = []
        var docs: [[Int32]] = []
        while try reader.next(into: &ids) { docs.append(ids) }
        // The all-unknown line is still a document (empty), so numbering does not depend on the vocabulary.
        XCTAssertEqual(docs, [[0, 1], [], [1, 2, 0]])
        XCTAssertEqual(try documents(path, .lines).count, docs.count)
    }

    func testLowercaseAppliesToDocuments() throws {
        XCTAssertEqual(try documents(file("c.txt", "The CAT"), .lines, TokenizerOptions(lowercase: true)), [["the", "cat"]])
    }

    func testEmptyCorpusHasNoDocuments() throws {
        for mode in [DocumentMode.lines, .paragraphs, .chunks(3)] {
            XCTAssertEqual(try documents(file("e.txt", " \n\n \r\n"), mode), [])
        }
    }

    func testSyntheticCorpusLinesAreItsSentences() throws {
        let c = SyntheticCorpus(seed: 4)
        let path = dir + "/syn.txt"
        try c.write(sentences: 300, to: path)
        XCTAssertEqual(try documents(path, .lines), c.sentences(300))
    }

    func testModeParsingAndDescription() {
        XCTAssertEqual(DocumentMode(parsing: "lines"), .lines)
        XCTAssertEqual(DocumentMode(parsing: "paragraphs"), .paragraphs)
        XCTAssertEqual(DocumentMode(parsing: "chunks:1000"), .chunks(1000))
        for bad in ["chunks", "chunks:0", "chunks:-3", "chunks:x", "pages", ""] { XCTAssertNil(DocumentMode(parsing: bad), bad) }
        for m in [DocumentMode.lines, .paragraphs, .chunks(7)] { XCTAssertEqual(DocumentMode(parsing: m.description), m) }
    }

    func testModeRoundTripsThroughJSON() throws {
        for m in [DocumentMode.lines, .paragraphs, .chunks(7)] {
            let data = try JSONEncoder().encode(m)
            XCTAssertEqual(try JSONDecoder().decode(DocumentMode.self, from: data), m)
        }
    }

    func testZeroSizedChunksAreRejected() throws {
        let path = file("c.txt", "a b")
        XCTAssertThrowsError(try DocumentReader(corpus: try Corpus(path: path), options: TokenizerOptions(), mode: .chunks(0)))
    }
}
