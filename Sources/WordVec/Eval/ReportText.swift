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

/// Number formatting shared by the reports.
enum Fmt {
    static func percent(_ x: Double?) -> String { x.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
    static func fixed(_ x: Double?, _ digits: Int = 4) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "n/a" }
}

extension AnalogyReport {
    /// The human-readable report `wordvec analogy` prints.
    public func renderText() -> String {
        var out = "analogy: \(questionsFile)"
        if let v = vectorsFile { out += " on \(v)" }
        out += "\n\(method.displayName), \(restrict > 0 ? "restrict \(restrict)" : "no restriction") (\(vocabularyUsed) rows in play), "
        out += caseFolding ? "case folded\n\n" : "case kept\n\n"
        var t = TextTable(["section", "questions", "covered", "accuracy", "acc. all", "inputs kept", "NN is input"])
        func row(_ s: AnalogyScore) -> [String] {
            [s.name, "\(s.questions)", "\(s.covered)", Fmt.percent(s.accuracy), Fmt.percent(s.accuracyAll),
             Fmt.percent(s.accuracyKept), Fmt.percent(s.nearestIsInputRate)]
        }
        for s in sections { t.add(row(s)) }
        t.rule()
        if let semantic, let syntactic { t.add(row(semantic)); t.add(row(syntactic)) }
        t.add(row(total))
        out += t.render() + "\n"
        out += "accuracy: inputs a, b, c excluded from the candidates (the standard); acc. all: skipped questions count as wrong;\n"
        out += "inputs kept: accuracy when a, b, c stay candidates; NN is input: how often the best candidate is then a, b or c.\n"
        out += "\(total.skipped) of \(total.questions) questions skipped (a word outside the \(vocabularyUsed) rows in play)"
        out += malformedLines > 0 ? "; \(malformedLines) malformed lines skipped.\n" : ".\n"
        return out
    }
}

/// JSON output of the evaluation commands (sorted keys, readable, non-finite numbers as strings).
public enum EvalJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}
