import Foundation
import XCTest
import WordVec

/// `wordvec analogy` and `wordvec similarity` against gensim 4.4.0's `evaluate_word_analogies`
/// and `evaluate_word_pairs` on the same file: same coverage, same per-section counts, totals and
/// Spearman equal to 1e-3. The fixture has case variants, upper-cased question words, OOV words,
/// a restriction that cuts rows off, a malformed line, a header and tied human scores.
final class EvalGensimParityTests: XCTestCase {
    static let script = """
    import sys, json, logging
    logging.disable(logging.CRITICAL)
    from gensim.models import KeyedVectors
    vec, questions, pairs, restrict = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    kv = KeyedVectors.load_word2vec_format(vec, binary=False)
    out = {}
    for name, r in (("default", 30000), ("restricted", restrict)):
        score, sections = kv.evaluate_word_analogies(questions, restrict_vocab=r, case_insensitive=True)
        out[name] = {"score": score, "sections": [[s["section"], len(s["correct"]), len(s["correct"]) + len(s["incorrect"])] for s in sections]}
    p, s, oov = kv.evaluate_word_pairs(pairs)
    out["pairs"] = {"pearson": float(p[0]), "spearman": float(s[0]), "oov": oov}
    print(json.dumps(out))
    """

    func testAnalogyAndSimilarityMatchGensim() throws {
        let python = try TestSupport.requireGensim()
        let dir = TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fixture = EvalFixture()
        let (vec, questions, pairs) = fixture.write(to: dir)

        let g = try TestSupport.run(python, ["-c", Self.script, vec, questions, pairs, "\(fixture.restrict)"])
        XCTAssertEqual(g.status, 0, g.stderr)
        let gensim = try JSONSerialization.jsonObject(with: Data(g.stdout.utf8)) as! [String: Any]

        for (name, restrict) in [("default", 30_000), ("restricted", fixture.restrict)] {
            let r = try TestSupport.wordvec("analogy", vec, questions, "--restrict", "\(restrict)", "--json", "--quiet")
            XCTAssertEqual(r.status, 0, r.stderr)
            let ours = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            let theirs = gensim[name] as! [String: Any]
            let total = ours["total"] as! [String: Any]
            let accuracy = total["accuracy"] as! Double
            XCTAssertEqual(accuracy, theirs["score"] as! Double, accuracy: 1e-3, name)
            // Per section: gensim lists each section, then "Total accuracy", as [name, correct, covered].
            let gs = theirs["sections"] as! [[Any]]
            let os = (ours["sections"] as! [[String: Any]]) + [total]
            XCTAssertEqual(gs.count, os.count, name)
            for (a, b) in zip(gs, os) {
                XCTAssertEqual(a[1] as! Int, b["correct"] as! Int, "\(name) \(a[0]) correct")
                XCTAssertEqual(a[2] as! Int, b["covered"] as! Int, "\(name) \(a[0]) covered")
            }
            // The fixture is hard enough to make mistakes, and the restriction must skip questions.
            XCTAssertGreaterThan(accuracy, 0.2, name)
            XCTAssertLessThan(accuracy, 0.98, name)
            if name == "restricted" { XCTAssertGreaterThan(total["skipped"] as! Int, 4) }
        }

        let s = try TestSupport.wordvec("similarity", vec, pairs, "--json")
        XCTAssertEqual(s.status, 0, s.stderr)
        let sim = try JSONSerialization.jsonObject(with: Data(s.stdout.utf8)) as! [String: Any]
        let gp = gensim["pairs"] as! [String: Any]
        XCTAssertEqual(sim["spearman"] as! Double, gp["spearman"] as! Double, accuracy: 1e-3)
        XCTAssertEqual(sim["pearson"] as! Double, gp["pearson"] as! Double, accuracy: 1e-3)
        let oovRatio = 100 * Double((sim["oovPairs"] as! [Any]).count) / Double(sim["pairs"] as! Int)
        XCTAssertEqual(oovRatio, gp["oov"] as! Double, accuracy: 1e-6)
    }
}

/// fastText models: word vectors and subword-composed vectors for unknown words equal gensim's
/// `load_facebook_model(...).wv[word]`, on the small models gensim ships (English; Russian and English;
/// two in the older layout without magic number and version).
final class FastTextGensimParityTests: XCTestCase {
    func testWordAndComposedVectorsMatchGensim() throws {
        let python = try TestSupport.requireGensim()
        let script = """
        import sys, os, json, logging, gensim
        logging.disable(logging.CRITICAL)
        from gensim.models.fasttext import load_facebook_model
        d = os.path.join(os.path.dirname(gensim.__file__), "test", "test_data")
        out = {}
        for name in ["lee_fasttext_new.bin", "crime-and-punishment.bin", "lee_fasttext.bin", "non_ascii_fasttext.bin"]:
            m = load_facebook_model(os.path.join(d, name))
            words = m.wv.index_to_key[:5] + ["unseenwordxyz", "který", "žluťoučký", "преступлениями", "x"]
            out[name] = {"path": os.path.join(d, name), "vocab": len(m.wv),
                         "vectors": {w: [float(v) for v in m.wv[w]] for w in words}}
        print(json.dumps(out))
        """
        let g = try TestSupport.run(python, ["-c", script])
        XCTAssertEqual(g.status, 0, g.stderr)
        let models = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(g.stdout.utf8)) as? [String: [String: Any]])
        XCTAssertEqual(models.count, 4)
        for (name, m) in models {
            let path = m["path"] as! String
            XCTAssertTrue(FastTextModelReader.isModel(path))
            let model = try FastTextModelReader.read(path)
            XCTAssertEqual(model.words.count, m["vocab"] as? Int, name)
            for (word, expected) in m["vectors"] as! [String: [Double]] {
                let v = try XCTUnwrap(model.vector(word), "\(name) \(word)")
                XCTAssertEqual(v.count, expected.count)
                for (a, b) in zip(v, expected) { XCTAssertEqual(Double(a), b, accuracy: 1e-5, "\(name) \(word)") }
            }
            // The evaluation loader reads the model's word vectors in vocabulary order.
            let loaded = try VectorSet.load(path)
            XCTAssertEqual(loaded.vectors.words, model.words)
            XCTAssertNotNil(loaded.model)
        }
    }
}
