/// Greedy label placement for a scatter plot: labels are placed in priority order (the first
/// point first), each at the first of eight positions around its point (right, left, above,
/// below, then the diagonals) whose text box stays inside the canvas and overlaps no label
/// already placed, preferring a position that covers no other point; a label with no such
/// position is dropped (its point is still drawn). Text width is estimated from the characters
/// (0.62 em, 1 em for East Asian wide ones), boxes padded by 1 px.
public struct LabelPlacement: Sendable {
    /// A placed label: the text box (x, y of the top-left corner, width, height, in pixels)
    /// and where its text starts (baseline) with its anchor.
    public struct Label: Sendable, Equatable {
        public let point: Int
        public let x, y, width, height: Double
        public let textX, textY: Double
        public let anchorEnd: Bool

        /// Whether two boxes share any area.
        public func overlaps(_ o: Label) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    public let fontSize: Double
    public let canvas: (width: Double, height: Double)
    /// Distance from a point's centre to its label.
    public var gap = 5.0

    public init(fontSize: Double, width: Double, height: Double) {
        self.fontSize = fontSize
        canvas = (width, height)
    }

    /// The estimated width of `text` in pixels at `fontSize`.
    public static func textWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x1100 && $1.value < 0x1F000 && $1.value != 0x2019 ? 1.0 : 0.62) } * fontSize
    }

    /// The labels placed for `texts` at `centers` (pixel coordinates), in priority order.
    public func place(_ texts: [String], at centers: [(x: Double, y: Double)]) -> [Label] {
        let cell = 48.0
        var labelGrid = SpatialGrid(cell: cell), pointGrid = SpatialGrid(cell: cell)
        for (i, c) in centers.enumerated() { pointGrid.insert(i, x: c.x - 3, y: c.y - 3, width: 6, height: 6) }
        var placed: [Label] = []
        for (i, text) in texts.enumerated() where !text.isEmpty {
            let w = LabelPlacement.textWidth(text, fontSize: fontSize) + 2, h = fontSize * 1.2 + 2
            var fallback: Label?
            for candidate in candidates(i, centers[i], w, h) {
                guard candidate.x >= 0, candidate.y >= 0, candidate.x + w <= canvas.width, candidate.y + h <= canvas.height,
                      !labelGrid.any(near: candidate, where: { placed[$0].overlaps(candidate) }) else { continue }
                let coversPoint = pointGrid.any(near: candidate) { j in
                    j != i && centers[j].x + 3 > candidate.x && centers[j].x - 3 < candidate.x + w
                        && centers[j].y + 3 > candidate.y && centers[j].y - 3 < candidate.y + h
                }
                if !coversPoint { fallback = candidate; break }
                if fallback == nil { fallback = candidate }
            }
            guard let label = fallback else { continue }
            labelGrid.insert(placed.count, x: label.x, y: label.y, width: label.width, height: label.height)
            placed.append(label)
        }
        return placed
    }

    /// The eight boxes around point i: right, left, above, below, and the diagonals.
    private func candidates(_ i: Int, _ c: (x: Double, y: Double), _ w: Double, _ h: Double) -> [Label] {
        let g = gap, ascent = fontSize * 0.35
        func box(_ x: Double, _ y: Double, end: Bool) -> Label {
            // (x, y): the box's top-left; the text is anchored at its left (or right) edge, 1 px in.
            Label(point: i, x: x, y: y, width: w, height: h, textX: end ? x + w - 1 : x + 1,
                  textY: y + h / 2 + ascent, anchorEnd: end)
        }
        return [
            box(c.x + g, c.y - h / 2, end: false), box(c.x - g - w, c.y - h / 2, end: true),
            box(c.x - w / 2, c.y - g - h, end: false), box(c.x - w / 2, c.y + g, end: false),
            box(c.x + g * 0.7, c.y - g * 0.7 - h, end: false), box(c.x + g * 0.7, c.y + g * 0.7, end: false),
            box(c.x - g * 0.7 - w, c.y - g * 0.7 - h, end: true), box(c.x - g * 0.7 - w, c.y + g * 0.7, end: true),
        ]
    }
}

/// Boxes hashed into square cells, to find the ones near a box without scanning all.
struct SpatialGrid {
    let cell: Double
    private var cells: [Int64: [Int]] = [:]

    init(cell: Double) { self.cell = cell }

    private func key(_ cx: Int, _ cy: Int) -> Int64 { Int64(cx) << 32 ^ Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: cy))) }

    private func span(_ lo: Double, _ length: Double) -> ClosedRange<Int> {
        Int((lo / cell).rounded(.down))...Int(((lo + length) / cell).rounded(.down))
    }

    mutating func insert(_ item: Int, x: Double, y: Double, width: Double, height: Double) {
        for cx in span(x, width) { for cy in span(y, height) { cells[key(cx, cy), default: []].append(item) } }
    }

    /// Whether any item in the cells under `box` satisfies `test`.
    func any(near box: LabelPlacement.Label, where test: (Int) -> Bool) -> Bool {
        for cx in span(box.x, box.width) {
            for cy in span(box.y, box.height) {
                if let items = cells[key(cx, cy)], items.contains(where: test) { return true }
            }
        }
        return false
    }
}
