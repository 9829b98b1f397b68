import Foundation

/// Everything the report shows about one vector file, computed while the file is loaded (files
/// are loaded one at a time, so only one vector set is in memory).
public struct ReportEntry {
    public struct Neighbors { public var word: String; public var found: [(word: String, similarity: Float)] }

    public var name: String
    public var file: String
    public var bytes: Int?
    public var vocabulary: Int
    public var dim: Int
    public var analogy: [AnalogyReport] = []
    public var similarity: [SimilarityReport] = []
    /// The same evaluations after all-but-the-top with `abttDirections` directions.
    public var abttDirections = 0
    public var abttAnalogy: [AnalogyReport] = []
    public var abttSimilarity: [SimilarityReport] = []
    public var geometry: GeometryReport
    /// Row norms in row (frequency) order, for the norm-against-rank plot.
    public var norms: [Float]
    public var neighbors: [Neighbors] = []
    public var exclusion: [AnalogyExclusionExample] = []
    /// One 2-D map of `options.mapWords` per method (SVG), or why they could not be drawn.
    public var maps: [(method: ProjectionMethod, svg: String)] = []
    public var mapError: String?
    public var bias: BiasReport?
    /// Why the bias probes could not run (e.g. no definitional pair in the vocabulary).
    public var biasError: String?
    /// Words asked for (neighbours, map) that the file does not have.
    public var unknownWords: [String] = []

    /// Computes every part for one file. Throws what evaluation and PCA throw.
    public init(vectors e: Embeddings, name: String, file: String, options: ReportOptions) throws {
        self.name = name
        self.file = file
        bytes = ComparisonTable.fileSize(file)
        vocabulary = e.count
        dim = e.dim
        var geometryOptions = GeometryOptions()
        geometryOptions.randomPairs = options.geometryPairs
        geometryOptions.seed = options.seed
        var lookup = WordLookup(index: e.index)
        let positives = options.similarity.first.map { PairSampler.positives(similarity: $0.set, quantile: 0.75, lookup: &lookup) }
        geometry = try GeometryReport.measure(e, file: file, options: geometryOptions, positives: positives,
                                              source: options.similarity.first.map { ($0.file as NSString).lastPathComponent })
        norms = DenseMatrix(rowCount: e.count, columnCount: e.dim, values: e.vectors).rowNorms()
        (analogy, similarity) = try Self.evaluate(e, file: file, options: options)
        abttDirections = options.abtt ?? max(1, e.dim / 100)
        if e.count >= 2, abttDirections <= e.dim {
            (abttAnalogy, abttSimilarity) = try Self.evaluate(try PostProcessing.allButTheTop(e, remove: abttDirections), file: file, options: options)
        }
        var wordLookup = WordLookup(index: e.index)
        let index = CosineIndex(vectors: .dense(e))
        for w in options.neighborWords {
            guard let r = wordLookup.row(w) else { continue }
            neighbors.append(Neighbors(word: e.words[r], found: try index.nearest(toRow: r, k: options.neighbors).map { (e.words[$0.row], $0.similarity) }))
        }
        do { maps = try Self.maps(e, options: options, lookup: &wordLookup) } catch let error as WordVecError { mapError = error.description }
        unknownWords = wordLookup.unknown
        if let first = options.analogy.first {
            exclusion = AnalogyExclusionView.examples(e, questions: first.set, restrict: options.restrict, limit: options.exclusionExamples)
        }
        if options.bias {
            do { bias = try BiasReport.measure(e, file: file, options: BiasOptions()) } catch let error as WordVecError { biasError = error.description }
        }
    }

    /// The map words found, drawn by each of `options.mapMethods`, coloured by group
    /// (`ReportOptions.mapGroups` order), seeded and on one thread.
    static func maps(_ e: Embeddings, options: ReportOptions, lookup: inout WordLookup) throws -> [(method: ProjectionMethod, svg: String)] {
        var rows: [Int] = [], groups: [Int] = []
        let groupNames = options.mapGroups
        for (word, group) in options.mapWords {
            guard let r = lookup.row(word), !rows.contains(r) else { continue }
            rows.append(r)
            groups.append(groupNames.firstIndex(of: group) ?? 0)
        }
        return try options.mapMethods.map { method in
            var settings = ProjectionSettings(method: method, seed: options.seed, threads: 1)
            settings.tsne.perplexity = min(settings.tsne.perplexity, max(2, Double(rows.count - 1) / 3))
            let map = try WordMap(vectors: .dense(e), rows: rows, settings: settings)
            var plot = ScatterPlotSVG(coordinates: map.coordinates, labels: map.words, clusters: groups, title: method.rawValue.uppercased())
            (plot.width, plot.height) = (350, 320)
            return (method, HTMLPage.inline(svg: plot.render()))
        }
    }

    /// The analogy and similarity reports of `e` on every set of `options`.
    static func evaluate(_ e: Embeddings, file: String, options: ReportOptions) throws -> ([AnalogyReport], [SimilarityReport]) {
        let v = WordVectors.dense(e)
        let a = try options.analogy.map { path, set -> AnalogyReport in
            var r = try AnalogyBenchmark.evaluate(v, questions: set, options: AnalogyOptions(restrict: options.restrict), questionsFile: path)
            r.vectorsFile = file
            return r
        }
        let s = try options.similarity.map { path, set -> SimilarityReport in
            var r = try WordSimilarityBenchmark.evaluate(v, pairs: set, options: SimilarityOptions(restrict: options.similarityRestrict), pairsFile: path)
            r.vectorsFile = file
            return r
        }
        return (a, s)
    }
}
