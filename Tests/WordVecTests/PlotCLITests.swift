import XCTest
import WordVec

final class PlotCLITests: TempDirTestCase {
    /// A .vec file of planted blobs: words c{blob}_{i}, a hostile word in blob 0.
    private func blobFile(clusters: Int = 3, size: Int = 30) -> String {
        let (x, labels) = Blobs.make(clusters: clusters, size: size, dim: 20)
        var text = "\(x.rowCount) 20\n"
        for i in 0..<x.rowCount {
            let word = i == 0 ? "<script>alert(1)</script>" : "c\(labels[i])_\(i)"
            text += word + " " + x.row(i).map { String($0) }.joined(separator: " ") + "\n"
        }
        return file("blobs.vec", text)
    }

    func testPlotWritesTheMapCoordinatesAndClustersReproducibly() throws {
        let vec = blobFile()
        for method in ["pca", "tsne", "umap"] {
            let svg = dir + "/\(method).svg", coords = dir + "/\(method).txt"
            let r = try TestSupport.wordvec("plot", vec, "--top", "90", "--method", method, "--clusters", "3",
                                            "--threads", "1", "--seed", "4", "-o", svg, "--coords", coords)
            XCTAssertEqual(r.status, 0, r.stderr)
            let lines = try String(contentsOfFile: coords, encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(lines.count, 90)
            XCTAssertEqual(lines.map { $0.split(separator: " ").count }, Array(repeating: 3, count: 90))
            let drawn = try String(contentsOfFile: svg, encoding: .utf8)
            XCTAssertFalse(drawn.contains("<script>"))
            XCTAssertTrue(drawn.contains("&lt;script&gt;"))
            XCTAssertEqual(Set(["#0072B2", "#E69F00", "#009E73"]).filter { drawn.contains("fill=\"\($0)\"><title>") }.count, 3)
            let again = dir + "/again.txt"
            _ = try TestSupport.wordvec("plot", vec, "--top", "90", "--method", method, "--clusters", "3",
                                        "--threads", "1", "--seed", "4", "-o", dir + "/again.svg", "--coords", again)
            XCTAssertEqual(try String(contentsOfFile: again, encoding: .utf8), lines.joined(separator: "\n") + "\n", "\(method) with one thread and a seed")
        }
    }

    func testUnknownWordsAreListedAndTheRestMapped() throws {
        let vec = blobFile()
        let words = file("words.txt", "c1_1\nc2_2 nosuchword\nc0_3\nc1_4\nalsomissing\n")
        let r = try TestSupport.wordvec("plot", vec, "--words-file", words, "--method", "pca", "-o", dir + "/p.svg", "--coords", dir + "/c.txt")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("2 of 6 words are not in") && r.stderr.contains("nosuchword, alsomissing"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/c.txt", encoding: .utf8).split(separator: "\n").count, 4)
    }

    func testErrorsAreOneLine() throws {
        let vec = blobFile()
        assertUsageError(try TestSupport.wordvec("plot", vec, "--top", "10", "--method", "mds", "-o", dir + "/p.svg"), "'mds' is invalid for '--method")
        let none = try TestSupport.wordvec("plot", vec, "--words", "foo,bar", "-o", dir + "/p.svg")
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.hasSuffix("wordvec: error: none of the words is in \(vec)\n"), none.stderr)
        assertUsageError(try TestSupport.wordvec("plot", vec, "--method", "pca", "-o", dir + "/p.svg"), "exactly one of --words, --top and --words-file")
        assertUsageError(try TestSupport.wordvec("plot", vec, "--top", "10", "--method", "tsne", "--perplexity", "0", "-o", dir + "/p.svg"), "--perplexity must be positive")
        assertOneLineError(try TestSupport.wordvec("plot", vec, "--top", "10", "-o", dir + "/nosuchdir/p.svg"), "nosuchdir")
        assertOneLineError(try TestSupport.wordvec("plot", vec, "--words-file", dir + "/missing.txt", "-o", dir + "/p.svg"), "missing.txt")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/p.svg"), "no output after an error")
    }

    /// A usage error: exit status 64 and one line pointing at the help.
    private func assertUsageError(_ r: TestSupport.RunResult, _ contains: String, line: UInt = #line) {
        XCTAssertEqual(r.status, 64, r.stderr, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("wordvec: error: ") && r.stderr.contains(contains) && r.stderr.contains("wordvec help plot"), r.stderr, line: line)
    }

    func testPNGThroughRsvgConvert() throws {
        guard SVGRasterizer.converter != nil else { throw XCTSkip("rsvg-convert (librsvg2-bin) is not installed") }
        let r = try TestSupport.wordvec("plot", blobFile(), "--top", "40", "-o", dir + "/p.png")
        XCTAssertEqual(r.status, 0, r.stderr)
        let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/p.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }
}
