import ArgumentParser
import Foundation
import WordVec

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "One table across vector files: analogy sem/syn/total, each similarity set, vocabulary size, dim, file size.",
        discussion: """
        Methods are rows (named after their files, or --name). Markdown by default, --json for machines, \
        --svg FILE for a grouped bar chart. Analogy and similarity settings are those of `wordvec analogy` and \
        `wordvec similarity` (the standard restriction to the 30,000 most frequent words for analogies, as \
        word2vec's compute-accuracy; gensim matches with restrict_vocab=30000). Vector files are loaded one at a time.
        """
    )

    @Argument(help: "Vector files to compare.")
    var files: [String]

    @OptionGroup var sets: EvalSetOptions

    @Option(help: "Analogy method: add (3CosAdd) or mul (3CosMul).")
    var method: AnalogyMethod = .add

    @Option(help: "Analogy vocabulary restriction (first N rows); 0 = all.")
    var restrict = 30_000

    @Option(help: "Similarity vocabulary restriction (first N rows); 0 = all.")
    var similarityRestrict = 300_000

    @Flag(help: "Match words with their case (default: case-insensitive).")
    var keepCase = false

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON instead of Markdown.")
    var json = false

    @Option(help: "Also draw a grouped bar chart to this SVG file.")
    var svg: String?

    @Flag(help: "No progress lines on stderr.")
    var quiet = false

    func validate() throws {
        try sets.validate(files: files)
        if restrict < 0 || similarityRestrict < 0 { throw ValidationError("restrictions must be 0 (all) or positive") }
    }

    func run() throws {
        if let svg { try AtomicFile.checkWritable(svg) }   // fail before evaluating every file
        let progress = ProgressReporter("compare", mode: quiet ? .quiet : .auto)
        let (questionSets, pairSets) = try sets.load(unicodeErrors: input.unicodeErrors)
        var table = ComparisonTable()
        table.columns = ComparisonTable.columns(analogy: questionSets.map { (file: $0.0, set: $0.1) }, similarity: sets.similarity)
        for (i, file) in files.enumerated() {
            try Interrupt.check()
            let v = try VectorSet.load(file, unicodeErrors: input.unicodeErrors).vectors
            let a = try questionSets.map { path, set -> AnalogyReport in
                var r = try AnalogyBenchmark.evaluate(v, questions: set, options: AnalogyOptions(method: method, restrict: restrict, caseFolding: !keepCase),
                                                      questionsFile: path)
                r.vectorsFile = file
                return r
            }
            let s = try pairSets.map { path, set -> SimilarityReport in
                var r = try WordSimilarityBenchmark.evaluate(v, pairs: set, options: SimilarityOptions(restrict: similarityRestrict, caseFolding: !keepCase),
                                                         pairsFile: path)
                r.vectorsFile = file
                return r
            }
            let rowName = sets.rowName(i, file)
            table.addRow(name: rowName, file: file, vocabulary: v.words.count, dim: v.dim, bytes: ComparisonTable.fileSize(file),
                         analogy: a, similarity: s)
            progress.update(fraction: Double(i + 1) / Double(files.count), detail: "\(rowName) done (\(i + 1)/\(files.count))")
        }
        if let svg {
            let chart = BarChartSVG(table: table).render()
            try AtomicFile.write(to: svg) { try $0.write(chart) }
        }
        print(json ? try EvalJSON.encode(table) : table.markdown(), terminator: json ? "\n" : "")
        progress.finish("\(files.count) vector file\(files.count == 1 ? "" : "s") evaluated")
    }
}
