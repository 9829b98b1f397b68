import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import WordVec

/// The comparison table's columns and Markdown, and the hand-written SVG chart.
final class ComparisonTableTests: XCTestCase {
    func testColumnsFollowTheEvaluationFiles() throws {
        let google = try AnalogyQuestionSet.parse(": capital\na b c d\n: gram1\ne f g h\n", name: "g")
        let msr = try AnalogyQuestionSet.parse("a b c d\n", name: "m")
        let cols = ComparisonTable.columns(analogy: [(file: "/x/google.txt", set: google), (file: "msr.txt", set: msr)],
                                           similarity: ["ws353.tsv", "simlex|999.txt"])
        XCTAssertEqual(cols.map(\.title), ["google sem", "google syn", "google total", "msr total", "ws353 rho", "simlex|999 rho"])
        var t = ComparisonTable()
        t.columns = cols
        let e = try Embeddings(words: ["a", "b", "c", "d"], dim: 2, vectors: [1, 0, 0, 1, 1, 1, -1, 0])
        let a1 = try AnalogyBenchmark.evaluate(.dense(e), questions: google)
        let a2 = try AnalogyBenchmark.evaluate(.dense(e), questions: msr)
        let pairs = try WordPairSet.parse("a\tb\t1\nc\td\t2\na\tc\t3\n", name: "p")
        let s = try WordSimilarityBenchmark.evaluate(.dense(e), pairs: pairs)
        t.addRow(name: "m|1", file: "m.vec", vocabulary: 4, dim: 2, analogy: [a1, a2], similarity: [s, s])
        XCTAssertEqual(t.rows[0].values.count, 6)
        let md = t.markdown().split(separator: "\n")
        XCTAssertEqual(md[0], "| method | google sem | google syn | google total | msr total | ws353 rho | simlex\\|999 rho | vocabulary | dim |")
        XCTAssertEqual(md[1], "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        XCTAssertTrue(md[2].hasPrefix("| m\\|1 | "), String(md[2]))
        XCTAssertTrue(md[2].contains("| – |"), "the uncovered syntactic section shows a dash")
    }

    func testChartIsWellFormedWithNegativeValuesAndEscapedNames() throws {
        let chart = BarChartSVG(title: "a < b & c", groups: ["sem", "ws353 rho"],
                                series: [(name: "glove \"x\"", values: [0.5, -0.3]), (name: "ppmi", values: [nil, 0.7])]).render()
        let p = XMLParser(data: Data(chart.utf8))
        XCTAssertTrue(p.parse(), "well-formed")
        XCTAssertTrue(chart.contains("a &lt; b &amp; c"))
        XCTAssertTrue(chart.contains("glove &quot;x&quot;"))
        XCTAssertTrue(chart.contains(">-0.4</text>"), "the axis extends below zero to the next 0.2 step")
        XCTAssertFalse(chart.contains("-0.0<"))
        XCTAssertEqual(chart.components(separatedBy: "<rect").count - 1, 1 + 3 + 2, "background, three bars (one value missing), two swatches")
    }
}
