import Foundation
import XCTest
import WordVec

/// The fastText model reader used by the evaluation commands: n-gram composition on a hand-built
/// model, and clear errors for files it cannot use.
final class FastTextModelReaderTests: XCTestCase {
    /// A version-12 model: two words, dim 2, 4 buckets, n-grams of 2...3 characters.
    func model(version: Int32 = 12, quantized: UInt8 = 0, rows: [Float]? = nil) -> Data {
        var d = Data()
        func i32(_ x: Int32) { withUnsafeBytes(of: x.littleEndian) { d.append(contentsOf: $0) } }
        func i64(_ x: Int64) { withUnsafeBytes(of: x.littleEndian) { d.append(contentsOf: $0) } }
        i32(793_712_314); i32(version)
        for a: Int32 in [2, 5, 5, 1, 5, 1, 1, 2, 4, 2, 3, 100] { i32(a) }   // dim ws epoch minCount neg wordNgrams loss model bucket minn maxn lrUpdateRate
        i64(Int64(bitPattern: (1e-4).bitPattern))
        i32(2); i32(2); i32(0); i64(10); i64(-1)
        for w in ["a", "bé"] { d.append(contentsOf: Array(w.utf8) + [0]); i64(5); d.append(0) }
        d.append(quantized)
        i64(6); i64(2)
        for f in rows ?? (0..<12).map(Float.init) { withUnsafeBytes(of: f.bitPattern.littleEndian) { d.append(contentsOf: $0) } }
        d.append(0)    // qout; the output matrix is not needed for evaluation
        return d
    }

    func testComposesWordAndUnknownVectorsFromNgramRows() throws {
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/m.bin"
        _ = FileManager.default.createFile(atPath: path, contents: model())
        XCTAssertTrue(FastTextModelReader.isModel(path))
        let m = try FastTextModelReader.read(path)
        XCTAssertEqual(m.words, ["a", "bé"])
        XCTAssertEqual(m.dim, 2)
        func row(_ r: Int) -> [Float] { [Float(2 * r), Float(2 * r + 1)] }     // the matrix holds 0, 1, 2, ...
        func bucketRow(_ s: String) -> Int { 2 + Int(FastTextNgrams.hash(Array(s.utf8)) % 4) }
        func mean(_ rows: [Int]) -> [Float] {
            let vs = rows.map(row)
            return (0..<2).map { k in vs.map { $0[k] }.reduce(0, +) / Float(vs.count) }
        }
        // "<a>": 2- and 3-grams "<a", "<a>", "a>" (single characters are never used).
        XCTAssertEqual(m.vector("a"), mean([0, bucketRow("<a"), bucketRow("<a>"), bucketRow("a>")]))
        // An unknown word: only its n-grams; "é" is one character of two bytes.
        let zz = ["<z", "<zé", "zé", "zé>", "é>"].map(bucketRow)
        XCTAssertEqual(m.vector("zé"), mean(zz))
        XCTAssertEqual(m.wordVectors().vector("bé"), m.vector("bé"))
        // Similarity with --oov compose scores the pair; plain vectors refuse the option.
        let pairs = try WordPairSet.parse("a\tzé\t3\na\tbé\t5\nbé\tzz\t1\n", name: "p")
        let r = try WordSimilarityBenchmark.evaluate(VectorSet(vectors: .dense(m.wordVectors()), model: m), pairs: pairs, options: SimilarityOptions(oov: .compose))
        XCTAssertEqual(r.scored, 3)
        XCTAssertEqual(r.composed, 2)
        XCTAssertThrowsError(try WordSimilarityBenchmark.evaluate(.dense(m.wordVectors()), pairs: pairs, options: SimilarityOptions(oov: .compose)))
    }

    /// `neighbors` searches a model's word vectors and composes a vector for an unknown word.
    func testNeighborsComposesUnknownWordsWithAModel() throws {
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/m.bin"
        _ = FileManager.default.createFile(atPath: path, contents: model())
        let known = try TestSupport.wordvec("neighbors", path, "a", "-k", "1")
        XCTAssertEqual(known.status, 0, known.stderr)
        XCTAssertTrue(known.stdout.hasPrefix("a:\n  bé"), known.stdout)
        let unknown = try TestSupport.wordvec("neighbors", path, "zé", "-k", "2", "--json")
        XCTAssertEqual(unknown.status, 0, unknown.stderr)
        XCTAssertTrue(unknown.stdout.contains("\"composed\":true"), unknown.stdout)
        let m = try FastTextModelReader.read(path)
        let expected = CosineIndex(vectors: .dense(m.wordVectors())).nearest(toVector: m.vector("zé")!, k: 2)
        XCTAssertTrue(unknown.stdout.contains("\"word\":\"\(m.words[expected[0].row])\""), unknown.stdout)
        let plain = try TestSupport.wordvec("neighbors", path, "qqqq-not-there-q")
        XCTAssertEqual(plain.status, 0, "a word with n-grams in the model is composed: \(plain.stderr)")
    }

    func testUnusableModelsGiveClearErrors() throws {
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func message(_ data: Data) -> String {
            let path = dir + "/x.bin"
            _ = FileManager.default.createFile(atPath: path, contents: data)
            do { _ = try FastTextModelReader.read(path); return "no error" } catch { return "\(error)" }
        }
        let good = model()
        XCTAssertTrue(message(good.prefix(good.count - 20)).contains("truncated fastText model"))
        XCTAssertTrue(message(good.prefix(30)).contains("truncated fastText model"))
        XCTAssertTrue(message(model(version: 13)).contains("version 13 is not supported"))
        XCTAssertTrue(message(model(quantized: 1)).contains("quantized"))
        XCTAssertTrue(message(model(rows: [1, 2])).contains("truncated"))
        _ = FileManager.default.createFile(atPath: dir + "/plain.vec", contents: Data("1 2\na 1 2\n".utf8))
        XCTAssertFalse(FastTextModelReader.isModel(dir + "/plain.vec"))
        let r = try TestSupport.wordvec("similarity", dir + "/plain.vec", dir + "/plain.vec", "--oov", "compose")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("--oov compose needs a model"), r.stderr)
    }
}
