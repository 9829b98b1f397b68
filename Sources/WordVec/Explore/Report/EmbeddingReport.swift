import Foundation

/// `wordvec report`: one self-contained HTML page comparing vector files — scores and their bar
/// chart, all-but-the-top before/after, geometry and the norm-against-rank plot, nearest
/// neighbours, the analogy input-exclusion view and bias probes. Every word, file name and
/// label is escaped (`XMLText`); the page loads nothing and runs no script (`HTMLPage`).
public struct EmbeddingReport {
    public var options: ReportOptions
    public var entries: [ReportEntry] = []

    public init(options: ReportOptions) { self.options = options }

    /// Loads and measures each file in turn (`VectorSet.load`; one file in memory at a time).
    public mutating func add(file: String, name: String, unicodeErrors: UnicodeErrors = .replace) throws {
        let v = try VectorSet.load(file, unicodeErrors: unicodeErrors).vectors.dense
        entries.append(try ReportEntry(vectors: v, name: name, file: file, options: options))
    }

    /// The comparison table of the entries (the one `wordvec compare` prints), before or after
    /// all-but-the-top.
    public func comparisonTable(afterABTT: Bool = false) -> ComparisonTable {
        var table = ComparisonTable()
        table.columns = ComparisonTable.columns(analogy: options.analogy.map { (file: $0.file, set: $0.set) },
                                                similarity: options.similarity.map(\.file))
        for e in entries {
            table.addRow(name: afterABTT ? "\(e.name) + ABTT \(e.abttDirections)" : e.name, file: e.file, vocabulary: e.vocabulary,
                         dim: e.dim, bytes: e.bytes, analogy: afterABTT ? e.abttAnalogy : e.analogy,
                         similarity: afterABTT ? e.abttSimilarity : e.similarity)
        }
        return table
    }

    /// The whole page.
    public func render(title: String = "wordvec report") -> String {
        let files = entries.map { "\($0.name) (\(($0.file as NSString).lastPathComponent))" }.joined(separator: ", ")
        var page = HTMLPage(title: title, intro: HTMLPage.note("Vector files: \(files)."))
        page.add(id: "scores", title: "Scores", body: scoresSection())
        if !options.analogy.isEmpty || !options.similarity.isEmpty {
            page.add(id: "abtt", title: "All-but-the-top: before and after", body: abttSection())
        }
        page.add(id: "geometry", title: "Geometry", body: geometrySection())
        if !options.mapMethods.isEmpty { page.add(id: "maps", title: "2-D maps", body: mapsSection()) }
        page.add(id: "neighbors", title: "Nearest neighbours", body: neighborsSection())
        if !options.analogy.isEmpty { page.add(id: "analogy", title: "Analogies without input exclusion", body: exclusionSection()) }
        if options.bias { page.add(id: "bias", title: "Bias probes", body: biasSection()) }
        return page.render()
    }
}
