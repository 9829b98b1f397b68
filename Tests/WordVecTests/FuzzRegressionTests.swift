import Foundation
import XCTest
import WordVec

/// Inputs that crashed or exhausted memory before the readers were fuzzed (issue 13), each now a
/// clear error naming the file and the place. Their bytes are also in `Tests/FuzzCorpus`
/// (`regression-*`), replayed through the fuzz harness by `FuzzCorpusReplayTests`.
final class FuzzRegressionTests: TempDirTestCase {
    func assertRefused(_ name: String, _ bytes: [UInt8], _ message: String,
                       read: (String) throws -> Void = { _ = try VectorFileReader.read($0, warn: { _ in }) },
                       file f: StaticString = #filePath, line l: UInt = #line) {
        let path = dir + "/" + name
        TestSupport.write(bytes: bytes, to: path)
        XCTAssertThrowsError(try read(path), file: f, line: l) { error in
            let text = "\(error)"
            XCTAssertTrue(error is WordVecError, text, file: f, line: l)
            XCTAssertTrue(text.hasPrefix(path), "does not start with the file: \(text)", file: f, line: l)
            XCTAssertTrue(text.contains(message), "'\(message)' not in: \(text)", file: f, line: l)
        }
    }

    /// A header declaring 10^12 vectors allocates nothing (reservations are capped by the file's
    /// size) and is reported as truncated.
    func testHeaderCountBeyondTheFileIsRefused() {
        assertRefused("huge.vec", Array("1000000000000 3\na 1 2 3\n".utf8), "truncated: the header says 1000000000000 vectors, the file has 1")
        assertRefused("huge.bin", Array("1000000000000 1\na ".utf8) + [0, 0, 128, 63], "truncated: record 2 of 1000000000000")
        assertRefused("huge.q", Array("1000000000000 1 int8\n".utf8) + [0, 0, 128, 63, 10] + Array("a \u{1}\n".utf8),
                      "truncated: record 2 of 1000000000000")
    }

    /// A dimension near Int.max overflowed `4 * dim` (quantized scales, binary records) and trapped.
    func testHeaderDimensionBeyondTheFileIsRefused() {
        assertRefused("dim.q", Array("1 4611686018427387904 int8\na \u{1}\n".utf8), ":1: the header's dimension 4611686018427387904 is more than the format's")
        assertRefused("dim.bin", Array("0 4611686018427387904\n".utf8), ":1: the header's dimension")
        assertRefused("dim.vec", Array("1 1000000\na 1 2\n".utf8), ":2: 'a' has 2 values, expected 1000000")
    }

    /// Sparse columns are 32-bit: an index above Int32.max trapped converting it.
    func testSparseDimensionBeyond32BitsIsRefused() {
        assertRefused("wide.sparse", Array("1 3000000000 sparse\na 2999999999:1\n".utf8), ":1: the header's dimension 3000000000 is more than the sparse format's")
        // A large but 32-bit dimension is still fine for a sparse file.
        let path = dir + "/ok.sparse"
        TestSupport.write("1 2000000000 sparse\na 1999999999:1\n", to: path)
        XCTAssertEqual(try VectorFileReader.read(path, warn: { _ in }).dim, 2_000_000_000)
    }

    /// A fastText dictionary claiming 2^31 - 1 words reserved memory for them all before reading one.
    func testFastTextDictionaryBeyondTheFileIsRefused() throws {
        var model = [UInt8](try Data(contentsOf: URL(fileURLWithPath: FuzzCorpusReplayTests.corpusRoot + "/fasttext/seed-wordvec-0")))
        XCTAssertNoThrow(try FastTextModelReader.read(writeModel(model, "ok.bin")))
        for (offset, value) in [(64, Int32.max), (68, Int32.max)] {   // dictionary size, nwords
            withUnsafeBytes(of: value.littleEndian) { model.replaceSubrange(offset..<offset + 4, with: $0) }
        }
        assertRefused("dict.bin", model, "truncated fastText model: its dictionary of 2147483647 entries", read: { _ = try FastTextModelReader.read($0) })
    }

    /// Vocabulary counts whose total passes Int.max trapped summing them (release builds wrapped
    /// to a negative corpus size). Found by `make fuzz` (target vocabulary).
    func testVocabularyCountsOverflowingTheirTotalAreRefused() {
        assertRefused("vocab.txt", Array("99999 4999999999999999999\n999 4999999999999999999\n".utf8),
                      ":2: the counts add up to more than 9223372036854775807", read: { _ = try Vocabulary.load(from: $0) })
    }

    func writeModel(_ bytes: [UInt8], _ name: String) -> String {
        let path = dir + "/" + name
        TestSupport.write(bytes: bytes, to: path)
        return path
    }
}
