import Foundation
import XCTest
import WordVec

/// Vector files: round trips in every format, format detection, and one clear error naming the
/// line for each kind of malformed file.
final class VectorFileTests: TempDirTestCase {
    func file(_ name: String, bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        TestSupport.write(bytes: bytes, to: path)
        return path
    }

    /// Random vectors with awkward values: tiny, huge, negative, exact zeros, subnormals.
    static func sample(count: Int = 50, dim: Int = 7, seed: UInt64 = 1) throws -> Embeddings {
        var rng = FastRandom(seed: seed)
        var values: [Float] = []
        for i in 0..<(count * dim) {
            switch i % 11 {
            case 0: values.append(0)
            case 1: values.append((rng.nextFloat() - 0.5) * 1e-30)
            case 2: values.append((rng.nextFloat() - 0.5) * 1e30)
            case 3: values.append(Float.leastNonzeroMagnitude * Float(1 + rng.next(below: 100)))
            default: values.append((rng.nextFloat() - 0.5) * 2)
            }
        }
        let words = (0..<count).map { i in ["word\(i)", "café\(i)", "東京\(i)", "</s>\(i)", "a'b\(i)"][i % 5] }
        return try Embeddings(words: words, dim: dim, vectors: values)
    }

    func assertSame(_ a: Embeddings, _ b: Embeddings, file f: StaticString = #filePath, line l: UInt = #line) {
        XCTAssertEqual(a.words, b.words, file: f, line: l)
        XCTAssertEqual(a.dim, b.dim, file: f, line: l)
        XCTAssertEqual(a.vectors.map(\.bitPattern), b.vectors.map(\.bitPattern), "values differ", file: f, line: l)
    }

    // MARK: round trips

    func testDenseRoundTripsAreExactInEveryFormat() throws {
        let e = try Self.sample()
        for format in [VectorFormat.vec, .bin, .glove, .sparse] {
            let path = dir + "/v.\(format.rawValue)"
            try VectorFileWriter.write(e, to: path, format: format)
            // Read both with the format detected and with it given.
            assertSame(try VectorFileReader.readDense(path), e)
            assertSame(try VectorFileReader.readDense(path, format: format), e)
        }
    }

    func testVecTextLayout() throws {
        let e = try Embeddings(words: ["a", "b"], dim: 3, vectors: [1, -0.5, 0, 0.25, 1e-7, 3])
        let path = dir + "/v.vec"
        try VectorFileWriter.write(e, to: path, format: .vec)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "2 3\na 1.0 -0.5 0\nb 0.25 1e-07 3.0\n")
        try VectorFileWriter.write(e, to: dir + "/v.txt", format: .glove)
        XCTAssertEqual(try String(contentsOfFile: dir + "/v.txt", encoding: .utf8), "a 1.0 -0.5 0\nb 0.25 1e-07 3.0\n")
    }

    func testBinaryLayout() throws {
        let e = try Embeddings(words: ["hi", "é"], dim: 2, vectors: [1, 2, -1, 0.5])
        let path = dir + "/v.bin"
        try VectorFileWriter.write(e, to: path, format: .bin)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var expected = Array("2 2\nhi ".utf8)
        for v: Float in [1, 2] { withUnsafeBytes(of: v.bitPattern.littleEndian) { expected += $0 } }
        expected += [10] + Array("é ".utf8)
        for v: Float in [-1, 0.5] { withUnsafeBytes(of: v.bitPattern.littleEndian) { expected += $0 } }
        expected += [10]
        XCTAssertEqual(Array(data), expected)
    }

    func testBinaryIsDetectedWhateverTheFloatBytes() throws {
        // Raw float bytes can look like anything; detection must still say binary (seeded sweep).
        for seed in 1...300 {
            let e = try Self.sample(count: 3, dim: 1 + Int(seed % 4), seed: UInt64(seed))
            let path = dir + "/r\(seed).bin"
            try VectorFileWriter.write(e, to: path, format: .bin)
            assertSame(try VectorFileReader.readDense(path), e)
        }
    }

    func testBinaryWithoutNewlinesBetweenRecordsIsRead() throws {
        // gensim and some word2vec builds write no newline after each vector.
        var bytes = Array("2 2\nab ".utf8)
        for v: Float in [1, 2] { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        bytes += Array("cd ".utf8)
        for v: Float in [3, 4] { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        let e = try VectorFileReader.readDense(file("v.bin", bytes: bytes))
        XCTAssertEqual(e.words, ["ab", "cd"])
        XCTAssertEqual(e.vectors, [1, 2, 3, 4])
    }

    func testSparseRoundTripAndLayout() throws {
        let s = try SparseEmbeddings(words: ["x", "y", "z"], dim: 10, rowStarts: [0, 2, 2, 5],
                                     columns: [1, 7, 0, 3, 9], values: [0.5, -2, 1, 1e-3, 4])
        let path = dir + "/v.sparse"
        try VectorFileWriter.write(s, to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "3 10 sparse\nx 1:0.5 7:-2.0\ny\nz 0:1.0 3:0.001 9:4.0\n")
        guard case .sparse(let back) = try VectorFileReader.read(path) else { return XCTFail("not read as sparse") }
        XCTAssertEqual(back.words, s.words)
        XCTAssertEqual(back.rowStarts, s.rowStarts)
        XCTAssertEqual(back.columns, s.columns)
        XCTAssertEqual(back.values, s.values)
        let dense = back.dense()
        XCTAssertEqual(dense.row(0), [0, 0.5, 0, 0, 0, 0, 0, -2, 0, 0])
        XCTAssertEqual(dense.row(1), Array(repeating: 0, count: 10))
    }

    func testFormatFromExtension() {
        XCTAssertEqual(VectorFormat.fromExtension("a.bin"), .bin)
        XCTAssertEqual(VectorFormat.fromExtension("a.sparse"), .sparse)
        XCTAssertEqual(VectorFormat.fromExtension("glove.6B.50d.txt"), .glove)
        XCTAssertEqual(VectorFormat.fromExtension("a.vec"), .vec)
        XCTAssertEqual(VectorFormat.fromExtension("-"), .vec)
    }

    func testReadsGloveWordsThatLookLikeNumbersAndExtraBlankLines() throws {
        let path = file("g.txt", "the 0.1 0.2 0.3\n, 1 2 3\n\n2019 -1e-2 +4 .5\r\n")
        let e = try VectorFileReader.readDense(path)
        XCTAssertEqual(e.words, ["the", ",", "2019"])
        XCTAssertEqual(e.vector("2019"), [-0.01, 4, 0.5])
    }

    func testTextNumberSpellings() throws {
        let path = file("v.vec", "1 6\nw 1 -2.5 3e2 4E-1 .25 -0.000001\n")
        let e = try VectorFileReader.readDense(path)
        XCTAssertEqual(e.row(0), [1, -2.5, 300, 0.4, 0.25, -0.000001])
    }

    // MARK: malformed files

    /// The error for `text` read as a vector file: asserts it is `malformedVectors` at `line`,
    /// one line long, and returns its reason.
    @discardableResult
    func expectError(_ name: String, _ bytes: [UInt8], line: Int, _ contains: String,
                     file f: StaticString = #filePath, line l: UInt = #line) -> String? {
        let path = file(name, bytes: bytes)
        do {
            _ = try VectorFileReader.read(path)
            XCTFail("\(name): read without error", file: f, line: l)
        } catch let error as WordVecError {
            guard case .malformedVectors(let p, let at, let reason) = error else {
                XCTFail("\(name): \(error)", file: f, line: l); return nil
            }
            XCTAssertEqual(p, path, file: f, line: l)
            XCTAssertEqual(at, line, "\(name): \(reason)", file: f, line: l)
            XCTAssertTrue(reason.contains(contains), "\(name): '\(reason)' lacks '\(contains)'", file: f, line: l)
            XCTAssertTrue(error.description.hasPrefix("\(path):\(line): "), file: f, line: l)
            XCTAssertFalse(error.description.contains("\n"), file: f, line: l)
            return reason
        } catch {
            XCTFail("\(name): not a WordVecError: \(error)", file: f, line: l)
        }
        return nil
    }

    func expectError(_ name: String, _ text: String, line: Int, _ contains: String,
                     file f: StaticString = #filePath, line l: UInt = #line) {
        expectError(name, Array(text.utf8), line: line, contains, file: f, line: l)
    }

    /// A binary file's error names the record (1-based) and the byte offset of its word.
    func expectRecordError(_ name: String, _ bytes: [UInt8], record: Int, offset: Int, _ contains: String,
                           file f: StaticString = #filePath, line l: UInt = #line) {
        let path = file(name, bytes: bytes)
        XCTAssertThrowsError(try VectorFileReader.read(path), name, file: f, line: l) { error in
            guard case .malformedRecord(let p, let r, let o, let reason)? = error as? WordVecError else {
                return XCTFail("\(name): \(error)", file: f, line: l)
            }
            XCTAssertEqual([p, "\(r)", "\(o)"], [path, "\(record)", "\(offset)"], reason, file: f, line: l)
            XCTAssertTrue(reason.contains(contains), "\(name): '\(reason)' lacks '\(contains)'", file: f, line: l)
            XCTAssertTrue("\(error)".hasPrefix("\(path): record \(record) at byte \(offset): "), "\(error)", file: f, line: l)
        }
    }

    func testTruncatedTextFileNamesItsLastLine() {
        expectError("t.vec", "3 2\na 1 2\nb 3 4\n", line: 3, "header says 3 vectors, the file has 2")
        // Cut in the middle of a line: the last line has too few values.
        expectError("t2.vec", "2 3\na 1 2 3\nb 4 5", line: 3, "'b' has 2 values, expected 3")
    }

    func testWrongDimensionOnLineN() {
        expectError("d.vec", "4 3\na 1 2 3\nb 1 2 3\nc 1 2\nd 1 2 3\n", line: 4, "'c' has 2 values, expected 3")
        expectError("d2.vec", "2 3\na 1 2 3\nb 1 2 3 4\n", line: 3, "'b' has more than 3 values, expected 3")
        // The first record is the one that decides text or binary: still a text error.
        expectError("d3.vec", "2 3\na 1 2\nb 1 2 3\n", line: 2, "'a' has 2 values, expected 3")
        expectError("d4.vec", "2 3\na\nb 1 2 3\n", line: 2, "'a' has 0 values, expected 3")
        // GloVe: the first line fixes the dimension.
        expectError("d.txt", "a 1 2 3\nb 1 2 3\nc 1 2 3\nd 1 2 3 4 5\n", line: 4, "expected 3")
    }

    func testNonNumericValues() {
        expectError("n.vec", "2 2\na 1 2\nb 1 x\n", line: 3, "value 2 of 'b' is not a finite number: 'x'")
        expectError("n2.vec", "1 2\na 1,5 2\n", line: 2, "value 1 of 'a'")
        expectError("n3.vec", "1 2\na 1e 2\n", line: 2, "value 1 of 'a'")
        expectError("n4.vec", "1 2\na - 2\n", line: 2, "value 1 of 'a'")
    }

    func testNaNAndInfinity() {
        expectError("nan.vec", "2 2\na 1 2\nb nan 1\n", line: 3, "not a finite number: 'nan'")
        expectError("inf.vec", "1 2\na 1 -inf\n", line: 2, "not a finite number: '-inf'")
        expectError("inf.txt", "a 1 2\nb 1 Infinity\n", line: 2, "not a finite number")
        expectError("big.vec", "1 2\na 1 1e39\n", line: 2, "not a finite number: '1e39'")
        // Binary NaN in record 2, whose word starts at byte 11.
        var bytes = Array("2 1\na ".utf8)
        withUnsafeBytes(of: Float(1).bitPattern.littleEndian) { bytes += $0 }
        bytes += Array("\nb ".utf8)
        withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { bytes += $0 }
        bytes += [10]
        expectRecordError("nan.bin", bytes, record: 2, offset: 11, "value 1 of 'b' is not finite")
    }

    func testDuplicateWords() {
        expectError("dup.vec", "3 1\na 1\nb 2\na 3\n", line: 4, "duplicate word 'a'")
        expectError("dup.txt", "a 1\nb 2\nb 3\n", line: 3, "duplicate word 'b'")
        expectError("dup.sparse", "2 4 sparse\na 0:1\na 1:1\n", line: 3, "duplicate word 'a'")
    }

    func testHeaderCountMismatch() {
        expectError("more.vec", "1 2\na 1 2\nb 3 4\n", line: 3, "more vectors than the header's count 1")
        expectError("less.sparse", "3 4 sparse\na 0:1\n", line: 2, "header says 3 vectors, the file has 1")
        expectError("more.sparse", "1 4 sparse\na 0:1\nb 1:1\n", line: 3, "more vectors than the header's count 1")
        expectRecordError("more.bin", Array("1 1\na ".utf8) + [0, 0, 128, 63, 10] + Array("b ".utf8) + [0, 0, 0, 0],
                          record: 2, offset: 11, "more data after")
    }

    func testTruncatedBinary() {
        var bytes = Array("3 2\na ".utf8)
        for v: Float in [1, 2] { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        bytes += Array("\nb ".utf8) + [0, 0, 128]
        expectRecordError("cut.bin", bytes, record: 2, offset: 15, "record 2 of 3 ('b') has fewer than 2 floats")
        expectRecordError("cut2.bin", Array("3 2\na ".utf8) + [0, 0, 128, 63, 0, 0, 0, 64] + Array("\nbc".utf8),
                          record: 2, offset: 15, "ends inside its word")
        // A later record, after a record with a multi-byte word: the offset counts bytes.
        var three = Array("3 1\nété ".utf8) + [0, 0, 128, 63] + Array("\nb ".utf8) + [0, 0, 128, 63]
        three += Array("\nc ".utf8) + [0, 0]
        expectRecordError("cut3.bin", three, record: 3, offset: 22, "record 3 of 3 ('c') has fewer than 1 floats")
    }

    func testEmptyAndHeaderOnlyFiles() {
        expectError("empty.vec", "", line: 1, "empty file")
        expectError("blank.vec", "\n\n", line: 1, "expected `word v1")
        expectError("header.vec", "0 5\n", line: 1, "no vectors")
        expectError("header2.vec", "2 5\n", line: 1, "header says 2 vectors, the file has 0")
        expectError("zero.vec", "3 0\n", line: 1, "must be positive")
    }

    func testBadSparseEntries() {
        expectError("s1.sparse", "1 4 sparse\na 0:1 2\n", line: 2, "expected `index:value`, found '2'")
        expectError("s2.sparse", "1 4 sparse\na 2:1 1:1\n", line: 2, "out of order")
        expectError("s3.sparse", "1 4 sparse\na 4:1\n", line: 2, "not below the dimension 4")
        expectError("s4.sparse", "1 4 sparse\na 1:nan\n", line: 2, "expected `index:value`")
    }

    func testInvalidUTF8WordIsAnErrorOnlyWhenStrict() throws {
        let path = file("u.vec", bytes: [49, 32, 49, 10, 0xFF, 32, 49, 10])
        XCTAssertThrowsError(try VectorFileReader.read(path, unicodeErrors: .strict)) {
            XCTAssertEqual("\($0)", "\(path):2: the word '\u{FFFD}' is not valid UTF-8 (--unicode-errors replace or ignore reads such files)")
        }
        XCTAssertEqual(try VectorFileReader.readDense(path, warn: { _ in }).words, ["\u{FFFD}"])
    }

    func testMissingFileAndDirectory() {
        let missing = dir + "/none.vec"
        XCTAssertThrowsError(try VectorFileReader.read(missing)) { XCTAssertEqual($0 as? WordVecError, .fileNotFound(missing)) }
        XCTAssertThrowsError(try VectorFileReader.read(dir)) { error in
            guard case WordVecError.unreadable? = error as? WordVecError else { return XCTFail("\(error)") }
        }
    }

    // MARK: writing

    func testWriterRefusesNaNAndWordsWithSpaces() throws {
        let nan = try Embeddings(words: ["a", "b"], dim: 1, vectors: [1, .nan])
        let path = dir + "/x.vec"
        XCTAssertThrowsError(try VectorFileWriter.write(nan, to: path)) { XCTAssertNotNil($0 as? WordVecError) }
        let spaced = try Embeddings(words: ["a b"], dim: 1, vectors: [1])
        XCTAssertThrowsError(try VectorFileWriter.write(spaced, to: path)) { XCTAssertNotNil($0 as? WordVecError) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "nothing is written on refusal")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
    }

    func testWriterToMissingDirectoryIsAClearError() throws {
        let path = dir + "/no/such/dir/v.vec"
        XCTAssertThrowsError(try VectorFileWriter.write(try Self.sample(count: 2), to: path)) { error in
            guard case WordVecError.unwritable(let p, _)? = error as? WordVecError else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
        }
    }

    // MARK: queries

    func testNormalizedAndNearest() throws {
        let e = try Embeddings(words: ["x", "y", "xy", "neg", "zero"], dim: 2, vectors: [2, 0, 0, 3, 1, 1, -1, 0, 0, 0])
        let unit = e.normalized()
        XCTAssertEqual(unit.row(0), [1, 0])
        XCTAssertEqual(unit.row(4), [0, 0], "zero rows stay zero")
        let index = CosineIndex(vectors: .dense(e))
        let hits = try index.nearest(toRow: 0, k: 3)
        XCTAssertEqual(hits.map { e.words[$0.row] }, ["xy", "y", "zero"])
        XCTAssertEqual(hits[0].similarity, Float(0.5).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(index.nearest(toVector: [0, 5], k: 2).map { e.words[$0.row] }, ["y", "xy"])
        // The same search on the sparse form, which is never densified.
        let sparse = try SparseEmbeddings(words: e.words, dim: 2, rowStarts: [0, 1, 2, 4, 5, 5], columns: [0, 1, 0, 1, 0],
                                          values: [2, 3, 1, 1, -1])
        let sparseIndex = CosineIndex(vectors: .sparse(sparse))
        XCTAssertFalse(sparseIndex.isDense)
        XCTAssertEqual(try sparseIndex.nearest(toRow: 0, k: 3).map(\.row), hits.map(\.row))
        XCTAssertEqual(sparseIndex.nearest(toVector: [0, 5], k: 2).map(\.row), [1, 2])
        XCTAssertEqual(e.prefix(2).words, ["x", "y"])
        XCTAssertNil(e.vector("missing"))
    }

    func testTopKOrderAndTies() {
        XCTAssertEqual(TopK.select([0.1, 0.9, 0.5, 0.9, .nan, 0.7], k: 3), [1, 3, 5])
        XCTAssertEqual(TopK.select([3, 2, 1], k: 5), [0, 1, 2])
        XCTAssertEqual(TopK.select([3, 2, 1], k: 2, excluding: [0]), [1, 2])
        XCTAssertEqual(TopK.select([1], k: 0), [])
    }

    func testDuplicateWordsAreRejectedByTheTypes() {
        XCTAssertThrowsError(try Embeddings(words: ["a", "a"], dim: 1, vectors: [1, 2]))
        XCTAssertThrowsError(try SparseEmbeddings(words: ["a", "a"], dim: 1, rowStarts: [0, 0, 0], columns: [], values: []))
    }
}

/// Headers that promise more than the file holds, and binary records that look like text lines.
final class VectorFileHeaderTests: TempDirTestCase {
    func read(_ name: String, _ bytes: [UInt8]) -> Error? {
        let path = dir + "/" + name
        TestSupport.write(bytes: bytes, to: path)
        do { _ = try VectorFileReader.read(path); return nil } catch { return error }
    }

    func testHugeHeadersAreErrorsNotAllocations() {
        for (name, bytes) in [("t.vec", Array("100000000000 300\nfoo 1 2\n".utf8)),
                              ("b.bin", Array("100000000000 300\nfoo ".utf8) + [1, 2, 3]),
                              ("o.vec", Array("4000000000000000000 4000000000\nfoo 1 2\n".utf8))] {
            switch read(name, bytes) as? WordVecError {
            case .malformedVectors(_, _, let reason)?, .malformedRecord(_, _, _, let reason)?: XCTAssertFalse(reason.isEmpty)
            default: XCTFail("\(name): a malformed-file error expected")
            }
        }
    }

    func testBinaryRecordWhoseFloatHoldsANewlineByteIsStillBinary() throws {
        // 0x3F80000A: a float whose low byte is '\n', so the first "line" is the word alone.
        var bytes = Array("2 2\nalpha ".utf8)
        withUnsafeBytes(of: UInt32(0x3F80_000A).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: Float(2).bitPattern.littleEndian) { bytes += $0 }
        bytes += Array("\nbeta ".utf8)
        withUnsafeBytes(of: Float(3).bitPattern.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: Float(4).bitPattern.littleEndian) { bytes += $0 }
        bytes += [10]
        let path = dir + "/nl.bin.data"   // no .bin extension: the layout alone must decide
        TestSupport.write(bytes: bytes, to: path)
        let e = try VectorFileReader.readDense(path)
        XCTAssertEqual(e.words, ["alpha", "beta"])
        XCTAssertEqual(e.vectors, [Float(bitPattern: 0x3F80_000A), 2, 3, 4])
    }
}

final class SparseEmbeddingsTests: XCTestCase {
    func testRowAndDotMatchTheDenseCopy() throws {
        // rows: a = (1, 0, 2, 0), b = (0, 3, 4, 0), c = 0
        let s = try SparseEmbeddings(words: ["a", "b", "c"], dim: 4, rowStarts: [0, 2, 4, 4],
                                     columns: [0, 2, 1, 2], values: [1, 2, 3, 4])
        XCTAssertEqual(s.row(0), [1, 0, 2, 0])
        XCTAssertEqual(s.row(1), [0, 3, 4, 0])
        XCTAssertEqual(s.row(2), [0, 0, 0, 0])
        XCTAssertEqual(s.dot(0, 1), 8)
        XCTAssertEqual(s.dot(0, 0), 5)
        XCTAssertEqual(s.dot(1, 2), 0)
        XCTAssertEqual(s.dense().vectors, s.row(0) + s.row(1) + s.row(2))
    }
}
