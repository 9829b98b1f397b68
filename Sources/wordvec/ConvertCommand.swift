import ArgumentParser
import Foundation
import WordVec

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a vector file between formats (.vec text, word2vec .bin, GloVe text, sparse text)."
    )

    @Argument(help: "The input vector file (format detected).")
    var input: String

    @Argument(help: "The output file (- for stdout).")
    var output: String

    @Option(help: "Output format: vec, bin, glove or sparse (default: from the output's extension: .bin, .sparse, .txt = GloVe, else .vec).")
    var to: VectorFormat?

    @OptionGroup var reading: InputOptions

    @Flag(help: "Scale every vector to unit length.")
    var normalize = false

    func run() throws {
        var v = try VectorFileReader.read(input, unicodeErrors: reading.unicodeErrors)
        if normalize { v = .dense(v.dense.normalized()) }
        try VectorFileWriter.write(v, to: output, format: to ?? VectorFormat.fromExtension(output))
    }
}

extension VectorFormat: ExpressibleByArgument {}
