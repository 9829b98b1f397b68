/// One self-contained HTML page: inline CSS and SVG, no script, and a Content-Security-Policy
/// that forbids every fetch (`default-src 'none'`), so nothing in it can run or leave the page
/// even if a word slipped through unescaped. Sections hold markup that their builders escaped
/// (`XMLText.escaped`, `HTMLPage.table`).
public struct HTMLPage {
    public struct Section {
        public var id: String
        public var title: String
        /// Escaped markup.
        public var body: String
    }

    public var title: String
    /// Escaped markup under the title.
    public var intro: String
    public var sections: [Section] = []

    public init(title: String, intro: String) {
        self.title = title
        self.intro = intro
    }

    public mutating func add(id: String, title: String, body: String) {
        sections.append(Section(id: id, title: title, body: body))
    }

    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:0 24px 48px;color:#222;line-height:1.45}
    h1{font-size:1.6em;margin:24px 0 4px}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:36px}
    h3{font-size:1.05em;margin:20px 0 6px}nav a{margin-right:14px}p.note{color:#555;font-size:.92em}
    table{border-collapse:collapse;margin:8px 0 16px;font-size:.92em}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}
    td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}
    .grid{display:flex;flex-wrap:wrap;gap:16px}.grid>div{flex:0 0 auto}svg{max-width:100%;height:auto}
    .word{font-family:ui-monospace,monospace}
    """

    public func render() -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(XMLText.escaped(title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        s += "<header><h1>\(XMLText.escaped(title))</h1>\n\(intro)\n</header>\n<nav>"
        s += sections.map { "<a href=\"#\($0.id)\">\(XMLText.escaped($0.title))</a>" }.joined() + "</nav>\n"
        for sec in sections {
            s += "<section id=\"\(sec.id)\">\n<h2>\(XMLText.escaped(sec.title))</h2>\n\(sec.body)\n</section>\n"
        }
        return s + "</body>\n</html>\n"
    }

    /// A table of text cells (all escaped); columns in `numeric` are right-aligned.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], className: String? = nil) -> String {
        var s = className.map { "<table class=\"\($0)\">" } ?? "<table>"
        s += "<thead><tr>" + header.map { "<th>\(XMLText.escaped($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in rows {
            s += "<tr>" + r.enumerated().map { i, c in
                numeric.contains(i) ? "<td class=\"n\">\(XMLText.escaped(c))</td>" : "<td>\(XMLText.escaped(c))</td>"
            }.joined() + "</tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    /// A paragraph of escaped text.
    public static func note(_ text: String) -> String { "<p class=\"note\">\(XMLText.escaped(text))</p>\n" }

    /// An SVG document made inline: its XML declaration removed.
    public static func inline(svg: String) -> String {
        svg.hasPrefix("<?xml") ? String(svg.drop { $0 != "\n" }.dropFirst()) : svg
    }
}
