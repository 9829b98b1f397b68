import Foundation
import XCTest
import WordVec

/// Issue 9, faults 3 and 7: one word that is not UTF-8 no longer makes a vector file unreadable
/// (`--unicode-errors strict|replace|ignore`), and a line starting with a space never gives the
/// empty word.
final class VectorReadingTests: TempDirTestCase {
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        TestSupport.write(bytes: bytes, to: path)
        return path
    }

    final class Lines: @unchecked Sendable { var all: [String] = [] }

    func read(_ path: String, _ policy: UnicodeErrors = .replace) throws -> (Embeddings, [String]) {
        let lines = Lines()
        let e = try VectorFileReader.readDense(path, unicodeErrors: policy, warn: { lines.all.append($0) })
        return (e, lines.all)
    }

    /// The example: a word cut inside a UTF-8 sequence (word2vec.c's byte limit).
    func testAWordCutInsideACharacterLoadsWithOneWarning() throws {
        let path = write("bad.vec", Array("3 2\nalpha 1 0\ncaf".utf8) + [0xC3] + Array(" 0 1\nbeta 1 1\n".utf8))
        let r = try TestSupport.wordvec("neighbors", path, "alpha")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("beta"))
        XCTAssertEqual(r.stderr, "warning: \(path): 1 word not valid UTF-8 (invalid bytes replaced by U+FFFD; --unicode-errors strict refuses such files)\n")
        XCTAssertEqual(try read(path, .replace).0.words, ["alpha", "caf\u{FFFD}", "beta"])
        XCTAssertEqual(try read(path, .ignore).0.words, ["alpha", "caf", "beta"])
        assertOneLineError(try TestSupport.wordvec("neighbors", path, "alpha", "--unicode-errors", "strict"),
                           "\(path):3: the word 'caf\u{FFFD}' is not valid UTF-8")
    }

    func testCutWordsInBinaryFilesAndWordsThatDecodeToARepeat() throws {
        // Two Russian words cut at the same byte limit decode to the same word: the second is skipped.
        let cut1 = Array("при".utf8) + [0xD0], cut2 = Array("при".utf8) + [0xD1]
        var bytes = Array("3 1\n".utf8)
        for (word, v) in [(Array("да".utf8), Float(1)), (cut1, 2), (cut2, 3)] {
            bytes += word + [32]
            withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 }
            bytes += [10]
        }
        let path = write("ru.bin", bytes)
        let (e, warnings) = try read(path)
        XCTAssertEqual(e.words, ["да", "при\u{FFFD}"])
        XCTAssertEqual(e.vectors, [1, 2])
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains("2 words not valid UTF-8") && warnings[0].contains("1 then empty or repeated, skipped"), warnings[0])
        XCTAssertThrowsError(try read(path, .strict)) {
            XCTAssertTrue("\($0)".hasPrefix("\(path): record 2 at byte 14: the word 'при\u{FFFD}' is not valid UTF-8"), "\($0)")
        }
        // A GloVe text file too, and a word made of invalid bytes only is skipped under `ignore`.
        let glove = write("g.txt", Array("a 1\n".utf8) + [0xFF, 0xFE] + Array(" 2\n".utf8))
        XCTAssertEqual(try read(glove, .ignore).0.words, ["a"])
        XCTAssertEqual(try read(glove, .replace).0.words, ["a", "\u{FFFD}\u{FFFD}"])
    }

    /// The example: gensim writes a one-space word as a line starting with two spaces.
    func testASpaceWordIsSkippedNeverEmpty() throws {
        let path = write("sp.vec", Array("2 2\n  1 0\nking 0 1\n".utf8))
        let (e, warnings) = try read(path)
        XCTAssertEqual(e.words, ["king"])
        XCTAssertEqual(warnings, ["warning: \(path): 1 vector with a blank word (a line starting with a space) skipped"])
        let r = try TestSupport.wordvec("convert", path, dir + "/out.vec")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/out.vec", encoding: .utf8), "1 2\nking 0 1.0\n")
        // A tab word, in a GloVe file; and an indented line keeps its word (word2vec.c and fastText skip leading blanks).
        XCTAssertEqual(try read(write("t.txt", Array("a 1 2\n\t 3 4\n   b 5 6\n".utf8))).0.words, ["a", "b"])
        // In a .bin file a record starting with its separating space has an empty word: skipped too.
        var bin = Array("2 1\n ".utf8)
        withUnsafeBytes(of: Float(1).bitPattern.littleEndian) { bin += $0 }
        bin += Array("\nb ".utf8)
        withUnsafeBytes(of: Float(2).bitPattern.littleEndian) { bin += $0 }
        let (b, _) = try read(write("sp.bin", bin))
        XCTAssertEqual(b.words, ["b"])
        XCTAssertFalse(b.words.contains(""))
    }

    func testInvalidUTF8InEvaluationSetsFollowsThePolicy() throws {
        let path = write("q.txt", Array(": s\nking queen man woman\ncaf".utf8) + [0xC3] + Array(" a b c\n".utf8))
        XCTAssertEqual(try AnalogyQuestionSet.load(path).questionCount, 2)
        XCTAssertThrowsError(try AnalogyQuestionSet.load(path, unicodeErrors: .strict)) {
            XCTAssertEqual("\($0)", "\(path):3: not valid UTF-8 (--unicode-errors replace or ignore reads such files)")
        }
    }
}
