import Foundation
import XCTest
import WordVec

/// Pins the exact bytes each trainer writes with one thread and a fixed seed, so refactoring
/// cannot change results unnoticed. The digests were taken from the code before the method
/// registry (commit 89a99d4); a deliberate change of arithmetic must update them and say why.
final class OutputPinTests: TempDirTestCase {
    static let pins: [(args: [String], sha256: String)] = [
        (["--method", "sgns"], "c2ae15d5787b4ba9e5207dec859b11fbf16a61862039c5886e22df03845e6d29"),
        (["--method", "sgns", "--hs", "--negative", "0"], "f9b29e132a496b1e82fe04ce5eb2ede14bb9b65ffaea55152683805456079ccb"),
        (["--method", "cbow"], "91098f889161daeb33035bc707b02934416914c0ce0d30a31c0e27f1a2cefcda"),
        (["--method", "cbow", "--hs", "--negative", "0"], "5e47fd2f079d870798d12868be68b8a97b3b4886e0da4c12d24f9faafaac5034"),
        (["--method", "glove"], "0b81db00e847598a5f0ada2e8d2b4e59a0447fe1f345c2b4f2b2f408b0e2087f"),
    ]

    func testOneThreadOutputsArePinned() throws {
        let corpus = dir + "/c.txt"
        try SyntheticCorpus(seed: 3).write(sentences: 3000, to: corpus)
        for (i, pin) in Self.pins.enumerated() {
            let out = dir + "/out\(i).vec"
            let r = try TestSupport.run(TestSupport.binary, ["train"] + pin.args + [corpus, "--threads", "1", "--seed", "5",
                                        "--dim", "16", "--epochs", "2", "--min-count", "2", "--quiet", "-o", out])
            XCTAssertEqual(r.status, 0, r.stderr)
            let digest = try TestSupport.run("/usr/bin/sha256sum", [out]).stdout.prefix(64)
            XCTAssertEqual(String(digest), pin.sha256, "\(pin.args.joined(separator: " ")) no longer writes the pinned vectors")
        }
    }
}
