import Foundation

/// Plain-text tables for the evaluation commands: left-aligned first column, right-aligned numbers.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Row indices before which a rule is drawn.
    var rulesBefore: Set<Int> = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }
    mutating func rule() { rulesBefore.insert(rows.count) }

    func render() -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return i == 0 ? c + pad : pad + c
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        let ruleLine = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)) + "\n"
        out += ruleLine
        for (i, r) in rows.enumerated() {
            if rulesBefore.contains(i) { out += ruleLine }
            out += line(r) + "\n"
        }
        return out
    }
}
