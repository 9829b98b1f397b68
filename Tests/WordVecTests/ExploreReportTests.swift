import Foundation
import XCTest
import WordVec

/// `wordvec report`: hostile words, file names and labels render as text in headless Chromium,
/// nothing runs, no request leaves the page, and every expected part is present and visible.
final class ExploreReportTests: TempDirTestCase {
    static let script = "<script>alert(1)</script>"
    static let img = "\"><img/src/onerror=document.body.setAttribute('data-pwned',1)>"
    static let label = "\"><img src=x onerror=document.body.setAttribute('data-pwned',2)>"

    /// Three planted clusters of 20 words (the hostile words in the first), he/she and a few
    /// more words so that every section has content.
    func writeInputs() throws -> (vec: String, questions: String, pairs: String, mapWords: String) {
        var rng = FastRandom(seed: 3)
        var words: [String] = [], values: [Float] = []
        let dim = 10
        for c in 0..<3 {
            for i in 0..<20 {
                words.append(c == 0 && i == 0 ? Self.script : c == 0 && i == 1 ? Self.img : "c\(c)w\(i)")
                values += (0..<dim).map { j in (j == c ? 3 : 0) + rng.nextFloat() - 0.5 }
            }
        }
        for w in ["he", "she", "man", "woman", "nurse", "engineer"] {
            words.append(w)
            values += (0..<dim).map { _ in rng.nextFloat() - 0.5 }
        }
        let vec = dir + "/\"><img src=x onerror=alert(3)>.vec"
        try VectorFileWriter.write(try Embeddings(words: words, dim: dim, vectors: values), to: vec)
        let questions = file("q.txt", ": s\n\(Self.script) c0w2 c1w1 c1w2\nc0w3 c0w4 c1w3 c1w4\n")
        let pairs = file("p.tsv", "\(Self.img)\tc0w5\t9\nc1w1\tc2w1\t1\nc1w2\tc1w3\t8\n")
        let mapWords = file("map.txt", (0..<8).map { "c0w\($0) a\nc1w\($0) b\nc2w\($0) c\n" }.joined() + "\(Self.script) a\n\(Self.img) a\n")
        return (vec, questions, pairs, mapWords)
    }

    func testHostileWordsRenderAsTextInChromiumAndNothingLeavesThePage() throws {
        let chromium = try Self.requireChromium()
        let (vec, questions, pairs, mapWords) = try writeInputs()
        let html = dir + "/report.html"
        let r = try TestSupport.wordvec("report", vec, "--analogy", questions, "--similarity", pairs, "--map-words", mapWords,
                                        "--word", Self.script, "--word", Self.img, "--name", Self.label, "-o", html, "--quiet")
        XCTAssertEqual(r.status, 0, r.stderr)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        // Static: no markup of ours that could run or fetch anything.
        for bad in ["<script", "<img", "<iframe", "<link", "<object", "<embed", "url(", "@import"] {
            XCTAssertFalse(page.lowercased().contains(bad), "the page holds \(bad)")
        }
        XCTAssertTrue(page.contains("default-src 'none'"))
        // In the browser, as written (with its Content-Security-Policy).
        let dom = try Self.dumpDOM(chromium, html, dir: dir)
        XCTAssertFalse(dom.contains("data-pwned=\""), "a hostile word ran")
        XCTAssertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the script word is text")
        XCTAssertTrue(dom.contains("&lt;img/src/onerror="), "the img word is text")
        XCTAssertTrue(dom.contains("&lt;img src=x onerror="), "the label is text")
        // Without the policy and with a checker script, so that a word that escaped escaping
        // would run: nothing does, no resource is fetched, every part is visible.
        let checked = dir + "/checked.html"
        let checker = """
        <script>window.addEventListener('load', function () {
          var want = ['h1', 'table.comparison', 'div.bar-chart svg', 'table.abtt', 'table.geometry', 'svg.norm-rank',
                      'div.maps svg', 'table.neighbors', 'table.exclusion', 'table.exclusion-examples', 'section#bias'];
          var out = {missing: [], hidden: [], resources: performance.getEntriesByType('resource').length,
                     images: document.images.length, scripts: document.scripts.length,
                     text: document.body.innerText.indexOf('<script>alert(1)<\\/script>') >= 0,
                     label: document.body.innerText.indexOf('onerror=document.body.setAttribute') >= 0};
          want.forEach(function (sel) {
            var el = document.querySelector(sel);
            if (!el) { out.missing.push(sel); return; }
            var r = el.getBoundingClientRect(), st = getComputedStyle(el);
            if (r.width <= 0 || r.height <= 0 || st.visibility === 'hidden' || st.display === 'none') out.hidden.push(sel);
          });
          document.body.setAttribute('data-check', JSON.stringify(out));
        });</script>
        """
        let open = page.replacingOccurrences(of: "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">", with: "")
        XCTAssertNotEqual(open, page)
        // alert() would block a headless page for ever: record it instead.
        let guardScript = "<script>window.alert = function () { document.documentElement.setAttribute('data-pwned', 'alert'); };</script>"
        let opened = open.replacingOccurrences(of: "<head>", with: "<head>" + guardScript)
        TestSupport.write(opened.replacingOccurrences(of: "</body>", with: checker + "</body>"), to: checked)
        let checkedDOM = try Self.dumpDOM(chromium, checked, dir: dir)
        XCTAssertFalse(checkedDOM.contains("data-pwned=\""), "a hostile word ran")
        let check = try XCTUnwrap(Self.attribute("data-check", in: checkedDOM), "the checker did not run: " + String(checkedDOM.prefix(400)))
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.utf8)) as? [String: Any])
        XCTAssertEqual(obj["missing"] as? [String], [])
        XCTAssertEqual(obj["hidden"] as? [String], [])
        XCTAssertEqual(obj["resources"] as? Int, 0, "a request left the page")
        XCTAssertEqual(obj["images"] as? Int, 0)
        XCTAssertEqual(obj["scripts"] as? Int, 2, "only the guard and the checker")
        XCTAssertEqual(obj["text"] as? Bool, true)
        XCTAssertEqual(obj["label"] as? Bool, true)
    }

    func testReportCommandErrors() throws {
        let (vec, _, _, _) = try writeInputs()
        assertOneLineError(try TestSupport.wordvec("report", vec, "-o", dir + "/r.html", "--analogy", dir + "/none.txt"), "none.txt: no such file")
        assertOneLineError(try TestSupport.wordvec("report", vec, dir + "/missing.vec", "-o", dir + "/r.html", "--quiet"), "missing.vec: no such file")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/r.html"), "no partial page")
    }

    /// Chromium's DOM after load (`--dump-dom`), with no network: every host resolves nowhere.
    static func dumpDOM(_ chromium: String, _ html: String, dir: String) throws -> String {
        let r = try TestSupport.run("/usr/bin/timeout", ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                               "--user-data-dir=\(dir)/chromium-profile", "--host-resolver-rules=MAP * ~NOTFOUND",
                                               "--proxy-server=127.0.0.1:9", "--virtual-time-budget=3000", "--dump-dom",
                                               URL(fileURLWithPath: html).absoluteString])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    /// The value of `name="…"` in serialized HTML, with the entities Chromium writes decoded.
    static func attribute(_ name: String, in dom: String) -> String? {
        guard let start = dom.range(of: "\(name)=\"") else { return nil }
        let rest = dom[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Debian's chromium (`make deps` installs it): skipped locally when absent, a failure in CI.
    static func requireChromium() throws -> String {
        for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: p) { return p }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("chromium is required in CI (make deps installs it)") }
        throw XCTSkip("chromium not installed")
    }
}
