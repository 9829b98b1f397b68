import Foundation

/// Vector length against frequency rank as an SVG line chart: x is the rank on a log scale
/// (1 … N), y the mean norm of the rows in each of 20 bins a decade; one line per vector set,
/// colours from the bar chart's colour-blind-safe palette. Every label is escaped.
public struct NormRankPlotSVG {
    public var title: String
    /// Each set's row norms in row order (row i = frequency rank i + 1).
    public var series: [(name: String, norms: [Float])]

    public init(title: String = "vector norm against frequency rank", series: [(name: String, norms: [Float])]) {
        self.title = title
        self.series = series
    }

    /// (log10 rank at the bin's middle, mean norm) for 20 log-spaced bins a decade.
    static func bins(_ norms: [Float]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        var start = 0, k = 0
        while start < norms.count {
            k += 1
            let end = min(norms.count, max(start + 1, Int(pow(10, Double(k) / 20).rounded())))
            let slice = norms[start..<end]
            out.append((log10(Double(start + end + 1) / 2), slice.reduce(0.0) { $0 + Double($1) } / Double(slice.count)))
            start = end
        }
        return out
    }

    public func render() -> String {
        let (left, top, w, h) = (60.0, 36.0, 520.0, 260.0)
        let lines = series.map { ($0.name, Self.bins($0.norms)) }
        let xMax = max(1, lines.flatMap { $0.1.map(\.0) }.max() ?? 1).rounded(.up)
        let yMax = max(1e-6, lines.flatMap { $0.1.map(\.1) }.max() ?? 1) * 1.05
        func x(_ v: Double) -> Double { left + w * v / xMax }
        func y(_ v: Double) -> Double { top + h * (1 - v / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let legendWidth = 30 + 7.0 * Double(series.map(\.name.count).max() ?? 0)
        let width = left + w + 20 + legendWidth, height = top + h + 46
        var s = "<svg class=\"norm-rank\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text x=\"\(f(left + w / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">\(XMLText.escaped(title))</text>\n"
        for d in 0...Int(xMax) {
            s += "<line x1=\"\(f(x(Double(d))))\" y1=\"\(f(top))\" x2=\"\(f(x(Double(d))))\" y2=\"\(f(top + h))\" stroke=\"#ddd\"/>\n"
            s += "<text x=\"\(f(x(Double(d))))\" y=\"\(f(top + h + 16))\" text-anchor=\"middle\">\(Int(pow(10, Double(d))))</text>\n"
        }
        for i in 0...4 {
            let v = yMax * Double(i) / 4
            s += "<line x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(left + w))\" y2=\"\(f(y(v)))\" stroke=\"#eee\"/>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(String(format: "%.2f", v))</text>\n"
        }
        s += "<text x=\"\(f(left + w / 2))\" y=\"\(f(top + h + 36))\" text-anchor=\"middle\">frequency rank (log scale)</text>\n"
        s += "<text transform=\"translate(16 \(f(top + h / 2))) rotate(-90)\" text-anchor=\"middle\">mean vector norm</text>\n"
        for (k, (name, points)) in lines.enumerated() {
            let colour = BarChartSVG.palette[k % BarChartSVG.palette.count]
            let path = points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
            s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(path)\"><title>\(XMLText.escaped(name))</title></polyline>\n"
            let ly = top + Double(k) * 18
            s += "<rect x=\"\(f(left + w + 20))\" y=\"\(f(ly))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>\n"
            s += "<text x=\"\(f(left + w + 38))\" y=\"\(f(ly + 10))\">\(XMLText.escaped(name))</text>\n"
        }
        return s + "</svg>\n"
    }
}
