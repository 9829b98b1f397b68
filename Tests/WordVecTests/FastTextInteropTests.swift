import Foundation
import XCTest
import WordVec

/// fastText's own CLI (the Debian `fasttext` package) and gensim read wordvec's `.bin` and give
/// its vectors; wordvec reads fastText's models (unsupervised and supervised) and gives fastText's
/// vectors, for known words and for words composed from n-grams; quantized models are refused
/// in one line.
final class FastTextInteropTests: TempDirTestCase {
    /// Known words, and unseen ones (non-ASCII too) that are composed from n-grams.
    func probeWords(_ words: [String]) -> [String] {
        Array(words.prefix(5)) + ["bounseing", "zzqqxy", "naïveté", "преступление", "北海道x"]
    }

    /// Parses `word v1 … vD` lines (fastText's print-word-vectors, wordvec's vectors).
    func parseLines(_ text: String) -> [(String, [Float])] {
        text.split(separator: "\n").map { line in
            let f = line.split(separator: " ")
            return (String(f[0]), f.dropFirst().map { Float($0)! })
        }
    }

    func assertClose(_ a: [Float], _ b: [Float], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, 1e-4, what, file: file, line: line)
    }

    func trainWordvec() throws -> (bin: String, vec: String) {
        let r = try TestSupport.wordvec("train", "--method", "fasttext", TestSupport.syntheticCorpus.path, "--dim", "20", "--bucket", "30000",
                                        "--min-count", "3", "--epochs", "2", "--threads", "2", "--quiet", "-o", dir + "/ours.vec", "--save-model", dir + "/ours.bin")
        XCTAssertEqual(r.status, 0, r.stderr)
        return (dir + "/ours.bin", dir + "/ours.vec")
    }

    func testFastTextReadsWordvecModels() throws {
        let fasttext = try TestSupport.requireFastText()
        let (bin, _) = try trainWordvec()
        let model = try FastTextModelReader.read(bin)
        let words = probeWords(model.words)
        let printed = try TestSupport.run(fasttext, ["print-word-vectors", bin], stdin: Data(words.joined(separator: "\n").utf8))
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let rows = parseLines(printed.stdout)
        XCTAssertEqual(rows.map(\.0), words)
        for (w, v) in rows { assertClose(v, model.vector(w)!, "fasttext print-word-vectors \(w)") }
        // fasttext nn finds the same nearest word as wordvec.
        let nn = try TestSupport.run(fasttext, ["nn", bin, "1"], stdin: Data("\(model.words[3])\n".utf8))
        XCTAssertEqual(nn.status, 0, nn.stderr)
        let theirs = nn.stdout.replacingOccurrences(of: "Query word? ", with: "").split(separator: " ").first.map(String.init)
        let ours = try TestSupport.wordvec("neighbors", bin, model.words[3], "-k", "1", "--json")
        XCTAssertTrue(ours.stdout.contains("\"word\":\"\(theirs ?? "?")\""), "fasttext nn: \(nn.stdout); wordvec: \(ours.stdout)")
    }

    func testGensimReadsWordvecModels() throws {
        let python = try TestSupport.requireGensim()
        let (bin, _) = try trainWordvec()
        let model = try FastTextModelReader.read(bin)
        let words = probeWords(model.words)
        let script = """
        import json, sys
        from gensim.models.fasttext import load_facebook_model, load_facebook_vectors
        m = load_facebook_model(sys.argv[1])
        kv = load_facebook_vectors(sys.argv[1])
        words = json.loads(sys.argv[2])
        print(json.dumps({"vocab": list(m.wv.index_to_key), "model": {w: [float(x) for x in m.wv[w]] for w in words},
                          "vectors": {w: [float(x) for x in kv[w]] for w in words}}))
        """
        let data = try JSONSerialization.data(withJSONObject: words)
        let g = try TestSupport.run(python, ["-c", script, bin, String(decoding: data, as: UTF8.self)])
        XCTAssertEqual(g.status, 0, g.stderr)
        let out = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(g.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(out["vocab"] as? [String], model.words)
        for key in ["model", "vectors"] {
            for (w, v) in try XCTUnwrap(out[key] as? [String: [Double]]) {
                assertClose(v.map(Float.init), model.vector(w)!, "gensim \(key) \(w)")
            }
        }
    }

    /// A model trained by the fasttext CLI: wordvec gives fastText's printed vectors, its `.vec`,
    /// and the rows of its n-grams (`print-ngrams`) are where wordvec's hash puts them.
    func testWordvecReadsFastTextModels() throws {
        let fasttext = try TestSupport.requireFastText()
        let prefix = dir + "/cli"
        let t = try TestSupport.run(fasttext, ["skipgram", "-input", TestSupport.syntheticCorpus.path, "-output", prefix, "-dim", "16",
                                               "-bucket", "20000", "-epoch", "1", "-minCount", "3", "-thread", "1", "-verbose", "0"])
        XCTAssertEqual(t.status, 0, t.stderr)
        let model = try FastTextModelReader.read(prefix + ".bin")
        XCTAssertEqual(model.version, 12)
        let words = probeWords(model.words)
        let printed = try TestSupport.run(fasttext, ["print-word-vectors", prefix + ".bin"], stdin: Data(words.joined(separator: "\n").utf8))
        for (w, v) in parseLines(printed.stdout) { assertClose(v, model.vector(w)!, "\(w) in fastText's model") }
        let ours = try TestSupport.wordvec("vectors", prefix + ".bin", stdin: Data(words.joined(separator: " ").utf8))
        XCTAssertEqual(ours.status, 0, ours.stderr)
        for ((w, v), (w2, v2)) in zip(parseLines(ours.stdout), parseLines(printed.stdout)) {
            XCTAssertEqual(w, w2)
            assertClose(v, v2, "wordvec vectors \(w)")
        }
        let vec = try VectorFileReader.readDense(prefix + ".vec")
        let mine = model.wordVectors()
        XCTAssertEqual(vec.words, mine.words)
        assertClose(vec.vectors, mine.vectors, "fastText's .vec")
        // Each n-gram's row (print-ngrams) is the row of words + hash mod bucket.
        let word = "naïveté"
        let ngrams = try TestSupport.run(fasttext, ["print-ngrams", prefix + ".bin", word])
        let lines = parseLines(ngrams.stdout)
        XCTAssertEqual(lines.map(\.0), model.ngrams.ngrams(word))
        for ((gram, v), b) in zip(lines, model.ngrams.buckets(word)) {
            assertClose(v, model.inputRow(model.words.count + b), "row of n-gram \(gram)")
        }
    }

    /// A supervised model's word and n-gram rows are read; its quantized form is refused in one line.
    func testSupervisedModelsAreReadAndQuantizedOnesRefused() throws {
        let fasttext = try TestSupport.requireFastText()
        var lines: [String] = []
        for (i, s) in TestSupport.syntheticCorpus.corpus.sentences(3000).enumerated() { lines.append("__label__\(i % 3) " + s.joined(separator: " ")) }
        let input = file("labeled.txt", lines.joined(separator: "\n") + "\n")
        let prefix = dir + "/sup"
        let t = try TestSupport.run(fasttext, ["supervised", "-input", input, "-output", prefix, "-dim", "10", "-minn", "2", "-maxn", "4",
                                               "-bucket", "5000", "-epoch", "2", "-thread", "1", "-verbose", "0"])
        XCTAssertEqual(t.status, 0, t.stderr)
        let model = try FastTextModelReader.read(prefix + ".bin")
        XCTAssertEqual(model.labels.map(\.label).sorted(), ["__label__0", "__label__1", "__label__2"])
        let words = probeWords(model.words)
        let printed = try TestSupport.run(fasttext, ["print-word-vectors", prefix + ".bin"], stdin: Data(words.joined(separator: "\n").utf8))
        for (w, v) in parseLines(printed.stdout) { assertClose(v, model.vector(w)!, "\(w) in a supervised model") }
        let q = try TestSupport.run(fasttext, ["quantize", "-input", input, "-output", prefix, "-qnorm", "-cutoff", "500"])
        XCTAssertEqual(q.status, 0, q.stderr)
        let r = try TestSupport.wordvec("vectors", prefix + ".ftz", "a")
        assertOneLineError(r, "quantized fastText models (.ftz) are not supported")
    }
}

