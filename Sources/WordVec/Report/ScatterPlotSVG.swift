import Foundation

/// A labelled 2-D scatter plot (a word map) as a standalone SVG document: no axes (the
/// coordinates of t-SNE and UMAP have no units), equal scale on both directions, one dot per
/// point coloured by its cluster (Okabe & Ito's colour-blind-safe palette, repeated past 8),
/// labels placed by `LabelPlacement` (no two overlap; those that do not fit are dropped, the
/// dot stays and shows its word on hover), a legend for the clusters. Every word is escaped
/// (`XMLText`), so a hostile token renders as text.
public struct ScatterPlotSVG {
    /// Points in priority order: earlier points get their labels first (put frequent words first).
    public var x: [Double]
    public var y: [Double]
    public var labels: [String]
    /// The cluster of each point (nil: one colour).
    public var clusters: [Int]?
    public var title: String
    public var width = 960.0
    public var height = 720.0
    public var fontSize = 11.0
    static let margin = 16.0, legendWidth = 110.0, titleHeight = 28.0

    /// A plot of n points: `coordinates` is n × 2 (row i is point i), `labels` n words.
    public init(coordinates: DenseMatrix, labels: [String], clusters: [Int]? = nil, title: String = "") {
        precondition(coordinates.columnCount == 2 && labels.count == coordinates.rowCount, "a scatter plot needs n × 2 coordinates and n labels")
        precondition(clusters.map { $0.count == labels.count } ?? true, "one cluster per point")
        x = coordinates.column(0).map(Double.init)
        y = coordinates.column(1).map(Double.init)
        self.labels = labels
        self.clusters = clusters
        self.title = title
    }

    /// The dots' centres on the canvas (pixels; y grows downwards) and the labels placed.
    public func layout() -> (centers: [(x: Double, y: Double)], labels: [LabelPlacement.Label]) {
        let m = Self.margin, legend = clusters == nil ? 0 : Self.legendWidth, top = title.isEmpty ? m : Self.titleHeight + m
        let plotW = width - 2 * m - legend, plotH = height - top - m
        let (x0, x1) = (x.min() ?? 0, x.max() ?? 1), (y0, y1) = (y.min() ?? 0, y.max() ?? 1)
        // Leave room for labels: the dots fill the middle 80 % of the plot area.
        let scale = 0.8 * min(plotW / max(x1 - x0, 1e-12), plotH / max(y1 - y0, 1e-12))
        let cx = m + plotW / 2, cy = top + plotH / 2
        let centers = zip(x, y).map { (px, py) in
            (x: cx + (px - (x0 + x1) / 2) * scale, y: cy - (py - (y0 + y1) / 2) * scale)
        }
        let placement = LabelPlacement(fontSize: fontSize, width: width - legend, height: height)
        return (centers, placement.place(labels, at: centers))
    }

    public func render() -> String {
        let (centers, placed) = layout()
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let palette = BarChartSVG.palette
        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="\(f(fontSize))">
        <rect width="100%" height="100%" fill="white"/>

        """
        if !title.isEmpty {
            s += "<text x=\"\(f((width - (clusters == nil ? 0 : Self.legendWidth)) / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">\(XMLText.escaped(title))</text>\n"
        }
        s += "<g class=\"points\" stroke=\"white\" stroke-width=\"0.6\">\n"
        for (i, c) in centers.enumerated() {
            let colour = clusters.map { palette[(($0[i] % palette.count) + palette.count) % palette.count] } ?? "#0072B2"
            s += "<circle cx=\"\(f(c.x))\" cy=\"\(f(c.y))\" r=\"3\" fill=\"\(colour)\"><title>\(XMLText.escaped(labels[i]))</title></circle>\n"
        }
        s += "</g>\n<g class=\"labels\" fill=\"#222\" stroke=\"white\" stroke-width=\"2.5\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n"
        for l in placed {
            let anchor = l.anchorEnd ? " text-anchor=\"end\"" : ""
            s += "<text x=\"\(f(l.textX))\" y=\"\(f(l.textY))\"\(anchor)>\(XMLText.escaped(labels[l.point]))</text>\n"
        }
        s += "</g>\n"
        if let clusters {
            let groups = Set(clusters).sorted()
            let lx = width - Self.legendWidth + 8
            for (r, g) in groups.enumerated() {
                let ly = (title.isEmpty ? Self.margin : Self.titleHeight + Self.margin) + Double(r) * 18
                s += "<circle cx=\"\(f(lx + 5))\" cy=\"\(f(ly + 5))\" r=\"5\" fill=\"\(palette[g % palette.count])\"/>"
                s += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly + 9))\">cluster \(g + 1)</text>\n"
            }
        }
        s += "</svg>\n"
        return s
    }
}
