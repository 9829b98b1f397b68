import ArgumentParser
import Foundation
import WordVec

/// Which words `plot` maps: exactly one of --words, --top, --words-file.
struct PlotWordOptions: ParsableArguments {
    @Option(help: "Comma-separated words to map.")
    var words: String?

    @Option(help: "Map the first N words of the file (vector files list the most frequent first).")
    var top: Int?

    @Option(name: .customLong("words-file"), help: "A file of words to map (whitespace-separated, e.g. one a line).")
    var wordsFile: String?

    func check() throws {
        let given = [words != nil, top != nil, wordsFile != nil].filter { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of --words, --top and --words-file") }
        if let top, top < 2 { throw ValidationError("--top must be at least 2, not \(top)") }
    }

    /// The words asked for, in order.
    func words(in vectors: WordVectors) throws -> [String] {
        if let words { return words.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let top { return Array(vectors.words.prefix(top)) }
        let data = try InputFile(wordsFile!).contents()
        guard let text = String(data: data, encoding: .utf8) else {
            throw WordVecError.invalidInput("\(wordsFile!): not UTF-8 text")
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }
}

/// How `plot` maps: the method and its parameters (defaults from `ProjectionSettings`).
struct PlotMapOptions: ParsableArguments {
    static let defaults = ProjectionSettings()

    @Option(help: "pca, tsne or umap.")
    var method: ProjectionMethod = .pca

    @Option(help: "t-SNE: the effective number of neighbours.")
    var perplexity = defaults.tsne.perplexity

    @Option(name: .customLong("n-iter"), help: "t-SNE: iterations after the 250 of early exaggeration.")
    var iterations = defaults.tsne.iterations

    @Option(name: .customLong("tsne-gradient"), help: "t-SNE repulsion: auto, exact, bh (Barnes-Hut) or fft.")
    var gradient = defaults.tsne.gradientMethod

    @Option(name: .customLong("n-neighbors"), help: "UMAP: the neighbourhood size (the word itself included).")
    var neighbors = defaults.umap.nNeighbors

    @Option(name: .customLong("min-dist"), help: "UMAP: the smallest distance between words on the map.")
    var minDist = defaults.umap.minDist

    @Option(name: .customLong("n-epochs"), help: "UMAP: epochs (default: 500 up to 10,000 words, 200 beyond).")
    var epochs: Int?

    @Option(help: "Colour the words by k-means clusters (k-means++ seeds) of their vectors; 0: none.")
    var clusters = 0

    @Option(help: "Random seed; with --threads 1 the map is reproducible.")
    var seed: UInt64 = defaults.seed

    @Option(help: "Threads; defaults to the number of cores.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(inversion: .prefixedNo, help: "Scale the vectors to unit length first.")
    var normalize = true

    func check() throws {
        guard clusters >= 0 else { throw ValidationError("--clusters must not be negative") }
        do { try settings.validate() } catch let error as WordVecError { throw ValidationError(error.description) }
    }

    var settings: ProjectionSettings {
        var s = ProjectionSettings(method: method, seed: seed, threads: threads)
        s.tsne.perplexity = perplexity
        s.tsne.iterations = iterations
        s.tsne.gradientMethod = gradient
        s.umap.nNeighbors = neighbors
        s.umap.minDist = minDist
        s.umap.epochs = epochs
        return s
    }
}

extension ProjectionMethod: ExpressibleByArgument {}
extension TSNEGradientMethod: ExpressibleByArgument {}
