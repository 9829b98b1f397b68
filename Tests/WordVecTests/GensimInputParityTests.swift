import Foundation
import XCTest
import WordVec

/// Issue 9 against gensim 4.4: compressed files gensim writes are read with the same words (as
/// bytes: NFC and NFD spellings stay apart) and values; `--unicode-errors replace|ignore` decode
/// as gensim's `unicode_errors` does; analogy coverage counts spellings by bytes as gensim does.
final class GensimInputParityTests: TempDirTestCase {
    static let script = #"""
    import json, sys, unicodedata as u
    import numpy as np
    from gensim.models import KeyedVectors
    d = sys.argv[1]
    out = {}
    words = ["the", u.normalize("NFC", "café"), u.normalize("NFD", "café"), "\u00c5", "\u212b", "東京", "a", "b", "d"]
    vectors = np.random.default_rng(3).standard_normal((len(words), 6)).astype(np.float32)
    kv = KeyedVectors(6)
    kv.add_vectors(words, vectors)
    for name, binary in [("g.vec.gz", False), ("g.bin.gz", True), ("g.vec.bz2", False)]:
        kv.save_word2vec_format(d + "/" + name, binary=binary)
    out["written"] = {"words": words, "vectors": vectors.astype(np.float64).tolist()}
    for policy in ["replace", "ignore"]:
        bad = KeyedVectors.load_word2vec_format(d + "/bad.vec", unicode_errors=policy)
        out[policy] = list(bad.index_to_key)
    with open(d + "/q.txt", "w") as f:
        f.write(": s\na b %s d\na b %s d\n" % (u.normalize("NFD", "café"), u.normalize("NFC", "café")))
    small = KeyedVectors(6)
    small.add_vectors(["a", "b", u.normalize("NFC", "café"), "d"], vectors[:4])
    score, sections = small.evaluate_word_analogies(d + "/q.txt")
    out["covered"] = len(sections[-1]["correct"]) + len(sections[-1]["incorrect"])
    print(json.dumps(out))
    """#

    func testCompressedFilesUnicodeErrorsAndCoverageMatchGensim() throws {
        let python = try TestSupport.requireGensim()
        TestSupport.write(bytes: Array("3 2\nalpha 1 0\ncaf".utf8) + [0xC3] + Array(" 0 1\nbeta 1 1\n".utf8), to: dir + "/bad.vec")
        let r = try TestSupport.run(python, ["-c", Self.script, dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        guard let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
              let written = obj["written"] as? [String: Any], let words = written["words"] as? [String],
              let vectors = written["vectors"] as? [[Double]] else { return XCTFail("no JSON from python: \(r.stdout)") }
        let bytes = words.map { Array($0.utf8) }
        for name in ["g.vec.gz", "g.bin.gz", "g.vec.bz2"] {
            let e = try VectorFileReader.readDense(dir + "/" + name)
            XCTAssertEqual(e.words.map { Array($0.utf8) }, bytes, name)
            let worst = zip(e.vectors, vectors.joined()).map { abs(Double($0) - $1) }.max() ?? 1
            XCTAssertLessThanOrEqual(worst, 1e-6, name)
        }
        for policy in [UnicodeErrors.replace, .ignore] {
            let ours = try VectorFileReader.readDense(dir + "/bad.vec", unicodeErrors: policy, warn: { _ in })
            XCTAssertEqual(ours.words, obj[policy.rawValue] as? [String], policy.rawValue)
        }
        let e = try VectorFileReader.readDense(dir + "/g.vec.gz").prefix(4)
        let small = try Embeddings(words: ["a", "b", words[1], "d"], dim: 6, vectors: e.vectors)
        let report = try AnalogyBenchmark.evaluate(.dense(small), questions: AnalogyQuestionSet.load(dir + "/q.txt"))
        XCTAssertEqual(report.total.covered, obj["covered"] as? Int)
        XCTAssertEqual(report.total.covered, 1)
    }
}
