import Foundation
import XCTest
import WordVec

/// gensim's `KeyedVectors.load_word2vec_format` reads what wordvec writes (.vec, .bin, GloVe
/// text without header), and wordvec reads what gensim writes (text and binary).
/// One python run does both directions (importing gensim is the slow part).
final class GensimInteropTests: XCTestCase {
    static let script = #"""
    import json, sys
    import numpy as np
    from gensim.models import KeyedVectors
    d = sys.argv[1]
    out = {}
    # 1. Read wordvec's files.
    for name, kwargs in [("ours.vec", {}), ("ours.bin", {"binary": True}), ("ours.txt", {"no_header": True})]:
        kv = KeyedVectors.load_word2vec_format(d + "/" + name, **kwargs)
        out[name] = {"words": list(kv.index_to_key), "vectors": kv.vectors.astype(np.float64).tolist()}
    # 2. Write files of gensim's own, and the exact values they hold.
    rng = np.random.default_rng(7)
    words = ["the", "König", "東京", "naïve", "x-ray", "3.14", "a'b", "</s>"] + ["w%d" % i for i in range(40)]
    vectors = rng.standard_normal((len(words), 12)).astype(np.float32)
    vectors[3, 5] = 0.0
    vectors[4, 0] = 1e-8
    kv = KeyedVectors(12)
    kv.add_vectors(words, vectors)
    kv.save_word2vec_format(d + "/gensim.vec", binary=False)
    kv.save_word2vec_format(d + "/gensim.bin", binary=True)
    out["gensim"] = {"words": words, "vectors": vectors.astype(np.float64).tolist()}
    print(json.dumps(out))
    """#

    func testGensimAndWordvecReadEachOthersFiles() throws {
        let python = try TestSupport.requireGensim()
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        // Awkward words and a spread of magnitudes.
        var rng = FastRandom(seed: 12)
        let words = ["the", "König", "東京", "naïve", "x-ray", "3.14", "a'b", "</s>", "-", "e"] + (0..<90).map { "w\($0)" }
        let dim = 25
        var values: [Float] = []
        for i in 0..<(words.count * dim) {
            let u = rng.nextFloat() * 2 - 1
            values.append(i % 13 == 0 ? 0 : i % 17 == 0 ? u * 1e-7 : i % 19 == 0 ? u * 1000 : u)
        }
        let ours = try Embeddings(words: words, dim: dim, vectors: values)
        try VectorFileWriter.write(ours, to: dir + "/ours.vec", format: .vec)
        try VectorFileWriter.write(ours, to: dir + "/ours.bin", format: .bin)
        try VectorFileWriter.write(ours, to: dir + "/ours.txt", format: .glove)

        let r = try TestSupport.run(python, ["-c", Self.script, dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        guard let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [String: Any]] else {
            return XCTFail("no JSON from python: \(r.stdout) \(r.stderr)")
        }

        // gensim read ours: same words in the same order, values equal to 1e-6.
        for name in ["ours.vec", "ours.bin", "ours.txt"] {
            guard let got = obj[name], let gw = got["words"] as? [String], let gv = got["vectors"] as? [[Double]] else {
                XCTFail("\(name): missing from python's answer"); continue
            }
            XCTAssertEqual(gw, words, name)
            XCTAssertEqual(gv.count, words.count, name)
            var worst = 0.0
            for (i, row) in gv.enumerated() {
                XCTAssertEqual(row.count, dim)
                for (j, v) in row.enumerated() { worst = max(worst, abs(v - Double(values[i * dim + j]))) }
            }
            XCTAssertLessThanOrEqual(worst, 1e-6, "\(name): largest difference \(worst)")
        }

        // We read gensim's: text and binary, against the values gensim wrote.
        let theirs = obj["gensim"]!
        let tw = theirs["words"] as! [String], tv = theirs["vectors"] as! [[Double]]
        for name in ["gensim.vec", "gensim.bin"] {
            let e = try VectorFileReader.readDense(dir + "/" + name)
            XCTAssertEqual(e.words, tw, name)
            XCTAssertEqual(e.dim, 12, name)
            var worst = 0.0
            for (i, row) in tv.enumerated() {
                for (j, v) in row.enumerated() { worst = max(worst, abs(v - Double(e.vectors[i * 12 + j]))) }
            }
            XCTAssertLessThanOrEqual(worst, 1e-6, "\(name): largest difference \(worst)")
        }
        // And the CLI converts gensim's binary into a .vec gensim's text matches.
        let conv = try TestSupport.wordvec("convert", dir + "/gensim.bin", dir + "/from-bin.vec")
        XCTAssertEqual(conv.status, 0, conv.stderr)
        XCTAssertEqual(try VectorFileReader.readDense(dir + "/from-bin.vec").vectors,
                       try VectorFileReader.readDense(dir + "/gensim.bin").vectors)
    }
}
