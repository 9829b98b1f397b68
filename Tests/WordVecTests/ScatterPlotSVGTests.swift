import XCTest
import WordVec
#if canImport(FoundationXML)
import FoundationXML
#endif

final class ScatterPlotSVGTests: XCTestCase {
    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "a&b", "it's", "bell\u{7}", "]]>"]

    func testHostileWordsAreEscapedAndTheDocumentIsWellFormed() {
        let n = Self.hostile.count
        let coords = DenseMatrix(rows: (0..<n).map { [Float($0 % 3) * 10, Float($0 / 3) * 10] })
        let svg = ScatterPlotSVG(coordinates: coords, labels: Self.hostile, clusters: (0..<n).map { $0 % 2 }, title: "<b>t</b>").render()
        XCTAssertFalse(svg.contains("<script"), svg)
        XCTAssertFalse(svg.contains("<img"), svg)
        XCTAssertFalse(svg.contains("<b>"), svg)
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(svg.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        XCTAssertTrue(svg.contains("a&amp;b") && svg.contains("it&#39;s"))
        XCTAssertFalse(svg.unicodeScalars.contains { $0.value == 7 }, "control characters are replaced")
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "well-formed XML: \(String(describing: parser.parserError))")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, n + 2, "every point and 2 legend entries")
    }

    func testLabelsNeverOverlapAndDenseMapsDropSomeButDrawEveryPoint() {
        var rng = FastRandom(seed: 2)
        let n = 1500
        let coords = DenseMatrix(rows: (0..<n).map { _ in [rng.nextFloat(), rng.nextFloat()] })
        let words = (0..<n).map { i in String(repeating: "w", count: 1 + i % 9) + "\(i)" }
        let plot = ScatterPlotSVG(coordinates: coords, labels: words)
        let (centers, labels) = plot.layout()
        XCTAssertEqual(centers.count, n)
        XCTAssertGreaterThan(labels.count, 100, "a fair share of labels fit")
        XCTAssertLessThan(labels.count, n, "a crowded map drops labels")
        XCTAssertEqual(Set(labels.map(\.point)).count, labels.count, "one label per point")
        for (a, la) in labels.enumerated() {
            XCTAssertTrue(la.x >= 0 && la.y >= 0 && la.x + la.width <= plot.width && la.y + la.height <= plot.height)
            for lb in labels[(a + 1)...] { XCTAssertFalse(la.overlaps(lb), "\(words[la.point]) overlaps \(words[lb.point])") }
        }
        // The first words (most frequent) get their labels.
        XCTAssertTrue(labels.prefix(5).map(\.point) == [0, 1, 2, 3, 4])
        let svg = plot.render()
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, n)
        XCTAssertEqual(svg.components(separatedBy: "<text").count - 1, labels.count)
    }

    func testAFewWellSpreadPointsAreAllLabelled() {
        let coords = DenseMatrix(rows: [[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.5]])
        let (_, labels) = ScatterPlotSVG(coordinates: coords, labels: ["king", "queen", "man", "woman", "royal"]).layout()
        XCTAssertEqual(labels.count, 5)
    }
}
