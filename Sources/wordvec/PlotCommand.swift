import ArgumentParser
import Foundation
import WordVec

struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw chosen words on a 2-D map (PCA, t-SNE or UMAP) as a labelled SVG scatter plot.",
        discussion: """
        Vectors are scaled to unit length first (--no-normalize keeps them), so neighbours on the map are cosine neighbours. \
        Labels never overlap: those that do not fit are dropped, words earlier in the list first get theirs. \
        With one thread the map is the same for the same --seed. Writes .svg, or .png through rsvg-convert (Debian: librsvg2-bin).
        """
    )

    @Argument(help: "A vector file (.vec, .bin, GloVe text or sparse) or a fastText model.")
    var vectors: String

    @OptionGroup var selection: PlotWordOptions
    @OptionGroup var map: PlotMapOptions

    @Option(name: .shortAndLong, help: "The plot: .svg, or .png (needs rsvg-convert).")
    var output: String

    @Option(help: "Also write the coordinates, one 'word x y' line per word.")
    var coords: String?

    @Option(help: "A title above the plot (default: the file and the method).")
    var title: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        try selection.check()
        try map.check()
    }

    func run() throws {
        for path in [output] + (coords.map { [$0] } ?? []) { try AtomicFile.checkWritable(path) }
        let set = try VectorSet.load(vectors, unicodeErrors: input.unicodeErrors)
        let requested = try selection.words(in: set.vectors)
        let (rows, missing) = WordMap.lookUp(requested, in: set.vectors)
        if !missing.isEmpty {
            VectorFileReader.standardError("wordvec: warning: \(missing.count) of \(Set(requested).count) words are not in \(vectors): "
                                           + missing.prefix(20).joined(separator: ", ") + (missing.count > 20 ? ", …" : ""))
        }
        if rows.isEmpty { throw WordVecError.invalidInput("none of the words is in \(vectors)") }
        let result = try WordMap(vectors: set.vectors, rows: rows, settings: map.settings, clusters: map.clusters,
                                 normalize: map.normalize)
        let name = URL(fileURLWithPath: vectors).lastPathComponent
        let svg = result.svg(title: title ?? "\(name) — \(map.method.rawValue), \(rows.count) words")
        if output.lowercased().hasSuffix(".png") {
            try SVGRasterizer.writePNG(svg: svg, to: output)
        } else {
            try AtomicFile.write(to: output) { try $0.write(svg) }
        }
        if let coords { try AtomicFile.write(to: coords) { try $0.write(result.coordinateLines()) } }
    }
}
