import Foundation

/// A grouped bar chart as a standalone SVG document: one group per metric (column of a
/// ComparisonTable), one bar per method, a legend, and a y axis from min(0, lowest value) to 1
/// (accuracies and Spearman rho share it). Written by hand: no plotting library is needed.
public struct BarChartSVG {
    public var title: String
    public var groups: [String]
    public var series: [(name: String, values: [Double?])]

    public init(title: String, groups: [String], series: [(name: String, values: [Double?])]) {
        self.title = title; self.groups = groups; self.series = series
    }

    public init(table: ComparisonTable, title: String = "wordvec compare") {
        self.init(title: title, groups: table.columns.map(\.title), series: table.rows.map { ($0.name, $0.values) })
    }

    /// Colour-blind-safe palette (Okabe & Ito 2008), repeated when there are more methods.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    public func render() -> String {
        let barWidth = 18.0, groupGap = 24.0, top = 40.0, plotHeight = 260.0
        let legendWidth = 40.0 + 7.5 * Double(series.map(\.name.count).max() ?? 0)
        let groupWidth = Double(max(series.count, 1)) * barWidth + groupGap
        // Group labels are slanted 30°: leave room for the longest (≈6.5 px a character) on the left and below.
        let label = 6.5 * Double(groups.map(\.count).max() ?? 0)
        let left = max(60, label * 0.87 - groupWidth / 2 + 10)
        let plotWidth = max(Double(groups.count) * groupWidth, 120)
        let width = left + plotWidth + 20 + legendWidth
        let height = top + plotHeight + 30 + label * 0.5
        let lowest = series.flatMap { $0.values.compactMap { $0 } }.min() ?? 0
        let yMin = min(0, (lowest * 5).rounded(.down) / 5)      // down to a multiple of 0.2
        let yMax = 1.0
        func y(_ v: Double) -> Double { top + plotHeight * (yMax - v) / (yMax - yMin) }
        func f(_ x: Double) -> String { String(format: "%.1f", x) }

        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(f(width / 2))" y="20" text-anchor="middle" font-size="14">\(xml(title))</text>

        """
        // Grid lines and y labels every 0.2.
        for step in 0...Int(((yMax - yMin) / 0.2).rounded()) {
            let raw = yMin + 0.2 * Double(step), tick = abs(raw) < 1e-9 ? 0 : raw
            s += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(tick)))\" stroke=\"#ddd\"/>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(String(format: "%.1f", tick))</text>\n"
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(y(0)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(0)))\" stroke=\"#333\"/>\n"
        s += "<text transform=\"translate(14 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">accuracy / Spearman rho</text>\n"
        for (g, group) in groups.enumerated() {
            let gx = left + groupGap / 2 + Double(g) * groupWidth
            for (k, item) in series.enumerated() {
                guard g < item.values.count, let v = item.values[g] else { continue }
                let x = gx + Double(k) * barWidth
                let y0 = y(max(v, 0)), h = abs(y(v) - y(0))
                s += "<rect x=\"\(f(x))\" y=\"\(f(y0))\" width=\"\(f(barWidth - 2))\" height=\"\(f(h))\" fill=\"\(Self.palette[k % Self.palette.count])\">"
                s += "<title>\(xml(item.name)) — \(xml(group)): \(String(format: "%.3f", v))</title></rect>\n"
            }
            let cx = gx + Double(series.count) * barWidth / 2
            s += "<text x=\"\(f(cx))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"end\" transform=\"rotate(-30 \(f(cx)) \(f(top + plotHeight + 16)))\">\(xml(group))</text>\n"
        }
        for (k, item) in series.enumerated() {
            let lx = left + plotWidth + 20, ly = top + Double(k) * 18
            s += "<rect x=\"\(f(lx))\" y=\"\(f(ly))\" width=\"12\" height=\"12\" fill=\"\(Self.palette[k % Self.palette.count])\"/>\n"
            s += "<text x=\"\(f(lx + 18))\" y=\"\(f(ly + 10))\">\(xml(item.name))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    private func xml(_ text: String) -> String { XMLText.escaped(text) }
}
