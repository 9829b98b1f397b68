import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import WordVec

/// End-to-end: `wordvec analogy`, `similarity` and `compare` on written files and on vectors
/// trained from the synthetic corpus; every bad input gives one error line and exit 1.
final class EvalCLITests: TempDirTestCase {
    func json(_ r: TestSupport.RunResult) throws -> [String: Any] {
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func testAnalogyPrintsTableAndJSONAndAcceptsQuestionsOption() throws {
        let (vec, questions, _) = EvalFixture().write(to: dir)
        let text = try TestSupport.wordvec("analogy", vec, questions, "--quiet")
        XCTAssertEqual(text.status, 0, text.stderr)
        for s in ["capital", "gram2-tense", "semantic", "syntactic", "total", "3CosAdd", "NN is input", "1 malformed lines skipped"] {
            XCTAssertTrue(text.stdout.contains(s), s)
        }
        XCTAssertEqual(text.stderr, "")
        let a = try json(TestSupport.wordvec("analogy", vec, "--questions", questions, "--json", "--method", "mul"))
        XCTAssertEqual(a["method"] as? String, "mul")
        XCTAssertEqual((a["sections"] as? [Any])?.count, 4)
        let withSummary = try TestSupport.wordvec("analogy", vec, questions)
        XCTAssertTrue(withSummary.stderr.hasPrefix("analogy: "), "one summary line when stderr is not a terminal")
        let caseKept = try json(TestSupport.wordvec("analogy", vec, questions, "--json", "--keep-case"))
        let folded = try json(TestSupport.wordvec("analogy", vec, questions, "--json"))
        XCTAssertLessThan((caseKept["total"] as! [String: Any])["covered"] as! Int, (folded["total"] as! [String: Any])["covered"] as! Int)
    }

    func testAnalogyBadInputs() throws {
        let (vec, questions, pairs) = EvalFixture().write(to: dir)
        assertOneLineError(try TestSupport.wordvec("analogy", vec, file("empty.txt", "")), "no analogy questions")
        assertOneLineError(try TestSupport.wordvec("analogy", vec, file("nameless.txt", ":\na b c d\n")), "nameless.txt:1: section header without a name")
        assertOneLineError(try TestSupport.wordvec("analogy", vec, file("mixed.txt", "a b c d\n: s\na b c d\n")), "mixed.txt:2:")
        assertOneLineError(try TestSupport.wordvec("analogy", vec, pairs), "pairs.tsv:2: no analogy questions")
        assertOneLineError(try TestSupport.wordvec("analogy", vec, file("mostly.txt", "a b c d\nb c\nd e f\n")), "mostly.txt:2: 2 of 3 lines are not `a b c d` questions")
        assertOneLineError(try TestSupport.wordvec("analogy", vec, dir + "/missing.txt"), "missing.txt: no such file")
        assertOneLineError(try TestSupport.wordvec("analogy", dir + "/missing.vec", questions), "missing.vec: no such file")
        assertOneLineError(try TestSupport.wordvec("analogy", file("bad.vec", "2 3\na 1 2 3\nb 1 x 3\n"), questions), "bad.vec:3")
        let usage = try TestSupport.wordvec("analogy", vec)
        XCTAssertNotEqual(usage.status, 0)
        XCTAssertTrue(usage.stderr.contains("missing the questions file"), usage.stderr)
        // Every question out of vocabulary: a report with zero coverage, not a crash.
        let r = try json(TestSupport.wordvec("analogy", vec, file("oov.txt", ": s\nfoo bar baz qux\n"), "--json"))
        XCTAssertEqual((r["total"] as! [String: Any])["covered"] as? Int, 0)
    }

    func testSimilarityReportAndBadInputs() throws {
        let (vec, questions, pairs) = EvalFixture().write(to: dir)
        let r = try TestSupport.wordvec("similarity", vec, pairs)
        XCTAssertEqual(r.status, 0, r.stderr)
        for s in ["Spearman rho", "Pearson r", "coverage      80/81 pairs", "OOV pairs     1: unknownword r0a1"] {
            XCTAssertTrue(r.stdout.contains(s), "\(s) in \(r.stdout)")
        }
        let j = try json(TestSupport.wordvec("similarity", vec, pairs, "--json", "--oov", "zero"))
        XCTAssertEqual(j["scored"] as? Int, 81)
        assertOneLineError(try TestSupport.wordvec("similarity", vec, file("bad.tsv", "a\tb\t1\nc\td\tx\n")), "bad.tsv:2: the score `x` is not a number")
        assertOneLineError(try TestSupport.wordvec("similarity", vec, file("short.tsv", "a\tb\n")), "short.tsv:1: expected `word1 word2 score`")
        assertOneLineError(try TestSupport.wordvec("similarity", vec, file("empty.tsv", "")), "no word pairs")
        assertOneLineError(try TestSupport.wordvec("similarity", vec, questions), "questions.txt:1: expected `word1 word2 score`")
        assertOneLineError(try TestSupport.wordvec("similarity", vec, file("oov.tsv", "foo\tbar\t3\n")), "none of the 1 pairs")
    }

    func testCompareMarkdownJSONAndSVG() throws {
        let (vec, questions, pairs) = EvalFixture().write(to: dir)
        let other = file("other.vec", EvalFixture(seed: 4, noise: 2).vecText)
        let svg = dir + "/chart.svg"
        let md = try TestSupport.wordvec("compare", vec, other, "--analogy", questions, "--similarity", pairs, "--svg", svg, "--quiet")
        XCTAssertEqual(md.status, 0, md.stderr)
        let lines = md.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0], "| method | questions sem | questions syn | questions total | pairs rho | vocabulary | dim | size |")
        XCTAssertTrue(lines[2].hasPrefix("| fixture.vec | "))
        XCTAssertTrue(lines[3].hasPrefix("| other.vec | "))
        let size = try FileManager.default.attributesOfItem(atPath: vec)[.size] as? Int
        XCTAssertTrue(lines[2].hasSuffix(" | 238 | 24 | \(ComparisonTable.formatBytes(size)) |"), String(lines[2]))

        let data = try XCTUnwrap(FileManager.default.contents(atPath: svg))
        let counter = RectCounter()
        let parser = XMLParser(data: data)
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "well-formed SVG")
        XCTAssertEqual(counter.root, "svg")
        XCTAssertEqual(counter.rects, 1 + 2 * 4 + 2, "background, 2 methods x 4 metrics, 2 legend swatches")

        let j = try json(TestSupport.wordvec("compare", vec, other, "--analogy", questions, "--similarity", pairs, "--json", "--name", "a", "--name", "b", "--quiet"))
        let rows = try XCTUnwrap(j["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["a", "b"])
        let scores = try XCTUnwrap(rows[0]["scores"] as? [String: Any])
        XCTAssertEqual(Set(scores.keys), ["questions sem", "questions syn", "questions total", "pairs rho"])
        let a = try json(TestSupport.wordvec("analogy", vec, questions, "--json"))
        XCTAssertEqual(scores["questions total"] as! Double, (a["total"] as! [String: Any])["accuracy"] as! Double, accuracy: 1e-12)
    }

    func testCompareBadInputsLeaveNoChart() throws {
        let (vec, questions, _) = EvalFixture().write(to: dir)
        let svg = dir + "/chart.svg"
        assertOneLineError(try TestSupport.wordvec("compare", vec, "--analogy", file("e.txt", ""), "--svg", svg), "no analogy questions")
        assertOneLineError(try TestSupport.wordvec("compare", vec, dir + "/nope.vec", "--analogy", questions, "--svg", svg), "nope.vec: no such file")
        XCTAssertFalse(FileManager.default.fileExists(atPath: svg))
        assertOneLineError(try TestSupport.wordvec("compare", vec, "--analogy", questions, "--svg", dir + "/no/such/dir/c.svg"), "c.svg")
        let names = try TestSupport.wordvec("compare", vec, "--name", "a", "--name", "b")
        XCTAssertNotEqual(names.status, 0)
    }

    /// Learning end to end: vectors trained on the synthetic corpus recover its planted analogies
    /// and topic similarities as measured by the evaluation commands.
    func testTrainedSyntheticVectorsScoreHigh() throws {
        let s = TestSupport.syntheticCorpus
        let vec = dir + "/sgns.vec"
        let t = try TestSupport.wordvec("train", s.path, "--dim", "32", "--epochs", "3", "--threads", "2", "--quiet", "-o", vec)
        XCTAssertEqual(t.status, 0, t.stderr)
        let a = try json(TestSupport.wordvec("analogy", vec, s.questions, "--json"))
        let total = a["total"] as! [String: Any]
        XCTAssertEqual(total["skipped"] as? Int, 0)
        XCTAssertGreaterThan(total["accuracy"] as! Double, 0.9)
        let m = try json(TestSupport.wordvec("analogy", vec, s.questions, "--json", "--method", "mul"))
        XCTAssertGreaterThan((m["total"] as! [String: Any])["accuracy"] as! Double, 0.9)
        let r = try json(TestSupport.wordvec("similarity", vec, s.pairs, "--json"))
        XCTAssertGreaterThan(r["spearman"] as! Double, 0.6)
        XCTAssertEqual(r["covered"] as? Int, r["pairs"] as? Int)
    }
}

private final class RectCounter: NSObject, XMLParserDelegate {
    var rects = 0
    var root: String?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "rect" { rects += 1 }
    }
}
