import Foundation
import XCTest
import WordVec

/// The explore commands on vectors learned from the synthetic corpus: the planted related pairs
/// are aligned, compression keeps the planted analogies, the report shows the learned scores.
final class ExploreLearnedTests: TempDirTestCase {
    func json(_ r: TestSupport.RunResult) throws -> [String: Any] {
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func accuracy(_ vec: String, _ questions: String) throws -> Double {
        let a = try json(TestSupport.wordvec("analogy", vec, questions, "--json"))
        return (a["total"] as! [String: Any])["accuracy"] as! Double
    }

    func testStatsCompressionAndReportOnLearnedVectors() throws {
        let s = TestSupport.syntheticCorpus
        let vec = dir + "/sgns.vec"
        let t = try TestSupport.wordvec("train", s.path, "--dim", "32", "--epochs", "3", "--threads", "2", "--quiet", "-o", vec)
        XCTAssertEqual(t.status, 0, t.stderr)
        for flag in ["--positive-similarity", "--positive-analogy"] {
            let g = try json(TestSupport.wordvec("stats", vec, flag, flag == "--positive-similarity" ? s.pairs : s.questions, "--json"))
            let random = g["random"] as! [String: Any], positive = g["positive"] as! [String: Any]
            XCTAssertGreaterThan(positive["pairs"] as! Int, 10, flag)
            XCTAssertLessThan(positive["alignment"] as! Double, random["alignment"] as! Double, "\(flag): related words are closer")
            XCTAssertGreaterThan(positive["meanCosine"] as! Double, random["meanCosine"] as! Double + 0.1, flag)
            XCTAssertEqual(g["unknownWords"] as? [String], [])
        }
        let base = try accuracy(vec, s.questions)
        XCTAssertGreaterThan(base, 0.9)
        XCTAssertEqual(try TestSupport.wordvec("convert", vec, dir + "/q.int8", "--quantize", "int8").status, 0)
        XCTAssertGreaterThan(try accuracy(dir + "/q.int8", s.questions), base - 0.02, "int8 keeps the planted analogies")
        XCTAssertEqual(try TestSupport.wordvec("convert", vec, dir + "/d.vec", "--dims", "24").status, 0)
        XCTAssertGreaterThan(try accuracy(dir + "/d.vec", s.questions), 0.8, "24 principal directions keep most of them")
        XCTAssertEqual(try TestSupport.wordvec("convert", vec, dir + "/a.vec", "--abtt", "1").status, 0)
        XCTAssertGreaterThan(try accuracy(dir + "/a.vec", s.questions), 0.8)
        let html = dir + "/r.html"
        let r = try TestSupport.wordvec("report", vec, dir + "/q.int8", "--analogy", s.questions, "--similarity", s.pairs, "-o", html, "--quiet", "--no-bias")
        XCTAssertEqual(r.status, 0, r.stderr)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        XCTAssertTrue(page.contains(String(format: "%.1f%%", 100 * base)), "the learned accuracy is on the page")
        for id in ["scores", "abtt", "geometry", "maps", "neighbors", "analogy"] { XCTAssertTrue(page.contains("<section id=\"\(id)\">"), id) }
        XCTAssertFalse(page.contains("<section id=\"bias\">"))
    }
}
