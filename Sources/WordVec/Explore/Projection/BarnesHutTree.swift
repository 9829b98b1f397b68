import Foundation

/// A quadtree over the 2-D map for t-SNE's Barnes-Hut repulsion (van der Maaten 2014, §4.2;
/// Barnes & Hut 1986): every cell stores how many points it holds and their centre of mass; a
/// cell of width w whose centre of mass is at distance r from a point is summarised as one
/// body when w / r < θ.
///
/// Cells are laid out in arrays, children of a cell contiguous; the points of a cell are a
/// contiguous range of `order`, so a leaf is scanned point by point.
struct BarnesHutTree {
    private let y: [Double]
    private var order: [Int32]
    private var first: [Int32] = []        // range of `order` per cell
    private var count: [Int32] = []
    private var child: [Int32] = []        // index of the first of 4 children, -1 for a leaf
    private var width: [Double] = []
    private var massX: [Double] = [], massY: [Double] = []
    private static let leafSize = 1, maxDepth = 40

    /// The tree of the points `y` (2n interleaved coordinates).
    init(_ y: [Double]) {
        self.y = y
        let n = y.count / 2
        order = (0..<Int32(n)).map { $0 }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, y[2 * i]); maxX = max(maxX, y[2 * i])
            minY = min(minY, y[2 * i + 1]); maxY = max(maxY, y[2 * i + 1])
        }
        let side = max(maxX - minX, maxY - minY) * (1 + 1e-9) + 1e-12
        first.reserveCapacity(2 * n); count.reserveCapacity(2 * n); child.reserveCapacity(2 * n)
        addCell(from: 0, count: n, x0: minX, y0: minY, side: side)
        split(0, x0: minX, y0: minY, depth: 0)
    }

    private mutating func addCell(from start: Int, count c: Int, x0: Double, y0: Double, side: Double) {
        var sx = 0.0, sy = 0.0
        for q in start..<(start + c) { let i = Int(order[q]); sx += y[2 * i]; sy += y[2 * i + 1] }
        first.append(Int32(start)); count.append(Int32(c)); child.append(-1); width.append(side)
        massX.append(c > 0 ? sx / Double(c) : 0); massY.append(c > 0 ? sy / Double(c) : 0)
    }

    /// Splits cell `cell` (lower-left corner x0, y0) into quadrants, recursively, until a cell
    /// holds one point (or the depth limit, for coincident points).
    private mutating func split(_ cell: Int, x0: Double, y0: Double, depth: Int) {
        let c = Int(count[cell])
        guard c > BarnesHutTree.leafSize && depth < BarnesHutTree.maxDepth else { return }
        let start = Int(first[cell]), half = width[cell] / 2
        let cx = x0 + half, cy = y0 + half
        // Counting sort of the cell's points by quadrant (0: left-low, 1: right-low, 2: left-high, 3: right-high).
        var sizes = [0, 0, 0, 0]
        let points = Array(order[start..<(start + c)])
        let quadrant = points.map { i -> Int in
            (y[2 * Int(i)] >= cx ? 1 : 0) + (y[2 * Int(i) + 1] >= cy ? 2 : 0)
        }
        for q in quadrant { sizes[q] += 1 }
        var offsets = [start, start + sizes[0], start + sizes[0] + sizes[1], start + sizes[0] + sizes[1] + sizes[2]]
        let starts = offsets
        for (i, q) in zip(points, quadrant) { order[offsets[q]] = i; offsets[q] += 1 }
        let firstChild = first.count
        child[cell] = Int32(firstChild)
        for q in 0..<4 {
            addCell(from: starts[q], count: sizes[q], x0: q & 1 == 0 ? x0 : cx, y0: q & 2 == 0 ? y0 : cy, side: half)
        }
        for q in 0..<4 where sizes[q] > 0 {
            split(firstChild + q, x0: q & 1 == 0 ? x0 : cx, y0: q & 2 == 0 ? y0 : cy, depth: depth + 1)
        }
    }

    /// Σⱼ q̃_ij² (yᵢ − yⱼ) for every point into `force` (2n values), approximated with θ; returns
    /// the approximated Z = Σ_{i≠j} q̃_ij. Each point's sum has a fixed order, so the result does
    /// not depend on the thread count.
    func forces(theta: Double, into force: inout [Double], threads: Int) throws -> Double {
        let n = y.count / 2
        var partial = [Double](repeating: 0, count: n)
        try force.withUnsafeMutableBufferPointer { fb in
            try partial.withUnsafeMutableBufferPointer { zb in
                let f = UncheckedPointer(fb.baseAddress!), zp = UncheckedPointer(zb.baseAddress!)
                try parallelFor((n + 127) / 128, threads: threads) { block, _ in
                    var stack = [Int32]()
                    stack.reserveCapacity(256)
                    for i in (block * 128)..<min(n, block * 128 + 128) {
                        let r = self.pointForce(i, theta2: theta * theta, stack: &stack)
                        f.p[2 * i] = r.0; f.p[2 * i + 1] = r.1; zp.p[i] = r.2
                    }
                }
            }
        }
        return partial.reduce(0, +)
    }

    /// One point's (force x, force y, Z contribution).
    private func pointForce(_ i: Int, theta2: Double, stack: inout [Int32]) -> (Double, Double, Double) {
        let yi0 = y[2 * i], yi1 = y[2 * i + 1]
        var f0 = 0.0, f1 = 0.0, z = 0.0
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        while let top = stack.popLast() {
            let cell = Int(top)
            let c = Int(count[cell])
            if c == 0 { continue }
            let d0 = yi0 - massX[cell], d1 = yi1 - massY[cell]
            let d2 = d0 * d0 + d1 * d1
            let w = width[cell]
            if child[cell] < 0 {
                // A leaf: its points one by one (coincident points at the depth limit).
                let s = Int(first[cell])
                for q in s..<(s + c) {
                    let j = Int(order[q])
                    if j == i { continue }
                    let e0 = yi0 - y[2 * j], e1 = yi1 - y[2 * j + 1]
                    let qq = 1 / (1 + e0 * e0 + e1 * e1)
                    z += qq; f0 += qq * qq * e0; f1 += qq * qq * e1
                }
            } else if w * w < theta2 * d2 {
                let qq = 1 / (1 + d2), m = Double(c)
                z += m * qq; f0 += m * qq * qq * d0; f1 += m * qq * qq * d1
            } else {
                let base = child[cell]
                for q in 0..<4 { stack.append(base + Int32(q)) }
            }
        }
        return (f0, f1, z)
    }
}
