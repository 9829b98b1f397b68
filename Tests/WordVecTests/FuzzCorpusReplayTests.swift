import Foundation
import XCTest
import WordVec
import WordVecFuzzing

/// Replays every input that `make fuzz` kept (`Tests/FuzzCorpus/<target>/`: seeds made from valid
/// files, the inputs libFuzzer found new coverage with, and every input that once crashed a
/// reader) through the very harness the fuzzer runs (`FuzzTarget.run`). An input that crashes
/// ends the test process; one that gives an error other than a `WordVecError` naming the file
/// fails the test.
final class FuzzCorpusReplayTests: XCTestCase {
    static let corpusRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("FuzzCorpus").path

    /// The bar of issue 13: at least this many inputs per target.
    static let minimumInputs = 100

    func replay(_ target: FuzzTarget, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = Self.corpusRoot + "/" + target.rawValue
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, Self.minimumInputs, "\(dir) holds too few inputs", file: file, line: line)
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            XCTAssertNoThrow(try target.run(data), "\(target.rawValue)/\(name)", file: file, line: line)
        }
    }

    func testEveryTargetHasACorpus() throws {
        let dirs = try FileManager.default.contentsOfDirectory(atPath: Self.corpusRoot).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(Set(dirs), Set(FuzzTarget.allCases.map(\.rawValue)))
    }

    func testTokenizer() throws { try replay(.tokenizer) }
    func testTokenizerRaw() throws { try replay(.tokenizerRaw) }
    func testGzip() throws { try replay(.gzip) }
    func testBzip2() throws { try replay(.bzip2) }
    func testXz() throws { try replay(.xz) }
    func testZstd() throws { try replay(.zstd) }
    func testZip() throws { try replay(.zip) }
    func testVec() throws { try replay(.vec) }
    func testBin() throws { try replay(.bin) }
    func testGlove() throws { try replay(.glove) }
    func testSparse() throws { try replay(.sparse) }
    func testQuantized() throws { try replay(.quantized) }
    func testFastText() throws { try replay(.fasttext) }
    func testVocabulary() throws { try replay(.vocabulary) }
    func testAnalogy() throws { try replay(.analogy) }
    func testSimilarity() throws { try replay(.similarity) }
}
