import Foundation

/// One table across vector files: methods as rows; analogy semantic/syntactic/total accuracy and
/// each similarity set's Spearman rho as columns, with vocabulary size and dimension.
public struct ComparisonTable: Encodable, Sendable {
    public struct Column: Encodable, Sendable, Equatable {
        public enum Kind: String, Encodable, Sendable { case accuracy, spearman }
        /// e.g. `questions-words total`, `wordsim353 rho`.
        public var title: String
        /// The evaluation file the column comes from.
        public var file: String
        public var kind: Kind
    }

    public struct Row: Encodable, Sendable {
        public var name: String
        public var file: String
        public var vocabulary: Int
        public var dim: Int
        /// The vector file's size on disk in bytes (nil: not known, e.g. a pipe).
        public var bytes: Int?
        /// One value per column (nil: nothing covered).
        public var values: [Double?]
        public var analogy: [AnalogyReport]
        public var similarity: [SimilarityReport]
        /// Set by the table: column titles, for the JSON `scores` object.
        var titles: [String] = []

        enum CodingKeys: String, CodingKey { case name, file, vocabulary, dim, bytes, scores, analogy, similarity }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(file, forKey: .file)
            try c.encode(vocabulary, forKey: .vocabulary)
            try c.encode(dim, forKey: .dim)
            try c.encodeIfPresent(bytes, forKey: .bytes)
            var scores: [String: Double?] = [:]
            for (t, v) in zip(titles, values) { scores[t] = .some(v) }
            try c.encode(scores, forKey: .scores)
            try c.encode(analogy, forKey: .analogy)
            try c.encode(similarity, forKey: .similarity)
        }
    }

    public var columns: [Column] = []
    public var rows: [Row] = []

    public init() {}

    /// The columns for a set of evaluation files, in the order given.
    public static func columns(analogy: [(file: String, set: AnalogyQuestionSet)], similarity: [String]) -> [Column] {
        var cols: [Column] = []
        for (file, set) in analogy {
            let n = shortName(file)
            if set.hasSections {
                cols.append(Column(title: "\(n) sem", file: file, kind: .accuracy))
                cols.append(Column(title: "\(n) syn", file: file, kind: .accuracy))
            }
            cols.append(Column(title: "\(n) total", file: file, kind: .accuracy))
        }
        for file in similarity { cols.append(Column(title: "\(shortName(file)) rho", file: file, kind: .spearman)) }
        return cols
    }

    /// Adds a method's row from its reports (one per evaluation file, in column order).
    public mutating func addRow(name: String, file: String, vocabulary: Int, dim: Int, bytes: Int? = nil,
                                analogy: [AnalogyReport], similarity: [SimilarityReport]) {
        var values: [Double?] = []
        for r in analogy {
            if let sem = r.semantic, let syn = r.syntactic { values += [sem.accuracy, syn.accuracy] }
            values.append(r.total.accuracy)
        }
        for r in similarity { values.append(r.spearman) }
        rows.append(Row(name: name, file: file, vocabulary: vocabulary, dim: dim, bytes: bytes, values: values,
                        analogy: analogy, similarity: similarity, titles: columns.map(\.title)))
    }

    static func shortName(_ path: String) -> String {
        let base = (path as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return stem.isEmpty ? base : stem
    }

    static func format(_ v: Double?, _ kind: Column.Kind) -> String {
        guard let v else { return "–" }
        return kind == .accuracy ? String(format: "%.1f%%", 100 * v) : String(format: "%.3f", v)
    }

    /// The size of the file at `path` in bytes, or nil (no such file, a pipe, `-`).
    public static func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// A file size in binary units: `812 B`, `12.3 KiB`, `4.5 MiB`, `1.2 GiB`; `–` when unknown.
    public static func formatBytes(_ bytes: Int?) -> String {
        guard let bytes else { return "–" }
        var v = Double(bytes)
        for unit in ["B", "KiB", "MiB"] {
            if v < 1024 { return unit == "B" ? "\(bytes) B" : String(format: "%.1f ", v) + unit }
            v /= 1024
        }
        return String(format: "%.1f GiB", v)
    }

    /// A GitHub-flavoured Markdown table.
    public func markdown() -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        let sizes = rows.contains { $0.bytes != nil }
        var out = line(["method"] + columns.map { cell($0.title) } + ["vocabulary", "dim"] + (sizes ? ["size"] : []))
        out += "|---|" + String(repeating: "---:|", count: columns.count + (sizes ? 3 : 2)) + "\n"
        for r in rows {
            let vals = zip(r.values, columns).map { Self.format($0, $1.kind) }
            out += line([cell(r.name)] + vals + ["\(r.vocabulary)", "\(r.dim)"] + (sizes ? [Self.formatBytes(r.bytes)] : []))
        }
        return out
    }

    enum CodingKeys: String, CodingKey { case columns, rows }
}
