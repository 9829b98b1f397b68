import ArgumentParser
import Foundation
import WordVec

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One self-contained HTML page comparing vector files: scores, geometry, 2-D maps, neighbours, the analogy input-exclusion view, bias probes.",
        discussion: """
        The page has no script and loads nothing (inline CSS and SVG, a Content-Security-Policy that forbids \
        every request); every word, file name and label is escaped. Vector files are loaded one at a time. \
        See docs/explore.md.
        """
    )

    @Argument(help: "Vector files to compare.")
    var files: [String]

    @Option(name: .shortAndLong, help: "The HTML file to write.")
    var output: String

    @OptionGroup var sets: EvalSetOptions

    @Option(help: "Words whose nearest neighbours are tabled (repeatable; default: king france computer good three running).")
    var word: [String] = []

    @Option(help: "Words drawn on the 2-D maps, one `word` or `word group` a line (default: 48 words in 6 groups).")
    var mapWords: String?

    @Option(help: "Directions removed by all-but-the-top in the before/after table (default: dim/100, at least 1).")
    var abtt: Int?

    @Option(help: "Analogy vocabulary restriction (first N rows); 0 = all.")
    var restrict = ReportOptions().restrict

    @Option(help: "Page title.")
    var title = "wordvec report"

    @Flag(help: "Leave out the bias probes.")
    var noBias = false

    @OptionGroup var input: InputOptions

    @Flag(help: "No progress lines on stderr.")
    var quiet = false

    func validate() throws {
        try sets.validate(files: files)
        if let abtt, abtt < 0 { throw ValidationError("--abtt must be 0 or positive") }
        if restrict < 0 { throw ValidationError("--restrict must be 0 (all) or positive") }
    }

    func run() throws {
        try AtomicFile.checkWritable(output)
        let progress = ProgressReporter("report", mode: quiet ? .quiet : .auto)
        var options = ReportOptions()
        let (analogy, similarity) = try sets.load(unicodeErrors: input.unicodeErrors)
        options.analogy = analogy.map { (file: $0.0, set: $0.1) }
        options.similarity = similarity.map { (file: $0.0, set: $0.1) }
        if !word.isEmpty { options.neighborWords = word }
        if let mapWords { options.mapWords = try ReportMapWords.load(mapWords) }
        (options.abtt, options.restrict, options.bias) = (abtt, restrict, !noBias)
        var report = EmbeddingReport(options: options)
        for (i, file) in files.enumerated() {
            try Interrupt.check()
            let rowName = sets.rowName(i, file)
            try report.add(file: file, name: rowName, unicodeErrors: input.unicodeErrors)
            progress.update(fraction: Double(i + 1) / Double(files.count), detail: "\(rowName) done (\(i + 1)/\(files.count))")
        }
        let html = report.render(title: title)
        try AtomicFile.write(to: output) { try $0.write(html) }
        progress.finish("\(output) written (\(files.count) vector file\(files.count == 1 ? "" : "s"))")
    }
}
