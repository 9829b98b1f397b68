import ArgumentParser
import Foundation
import WordVec

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a vector file between formats (.vec text, word2vec .bin, GloVe text, sparse text).",
        discussion: "A fastText model (.bin) converts to its word vectors (as fastText's .vec); --oov-words adds vectors composed from character n-grams for words outside its vocabulary."
    )

    @Argument(help: "The input vector file or fastText model (format detected).")
    var input: String

    @Argument(help: "The output file (- for stdout).")
    var output: String

    @Option(help: "Output format: vec, bin, glove or sparse (default: from the output's extension: .bin, .sparse, .txt = GloVe, else .vec).")
    var to: VectorFormat?

    @OptionGroup var reading: InputOptions

    @Flag(help: "Scale every vector to unit length.")
    var normalize = false

    @Option(name: .customLong("oov-words"), help: "With a fastText model: also write vectors composed from n-grams for the words of this file (whitespace-separated; - for stdin) that are not in its vocabulary.")
    var oovWords: String?

    func validate() throws {
        if oovWords == "-" && input == "-" { throw ValidationError("the input and --oov-words cannot both be stdin") }
    }

    func run() throws {
        let set = try VectorSet.load(input, unicodeErrors: reading.unicodeErrors)
        var v = set.vectors
        if let oovWords { v = .dense(try adding(words: oovWords, to: set)) }
        if normalize { v = .dense(v.dense.normalized()) }
        try VectorFileWriter.write(v, to: output, format: to ?? VectorFormat.fromExtension(output))
    }

    /// The model's word vectors followed by a composed vector for every new word of `path` (words
    /// without any n-gram in the model are named in a warning).
    private func adding(words path: String, to set: VectorSet) throws -> Embeddings {
        let text = String(decoding: try InputFile(path).contents(), as: UTF8.self)
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let (e, none) = try set.addingComposed(words)
        if !none.isEmpty {
            FileHandle.standardError.write(Data("warning: \(none.count) words have no n-gram in the model and were left out: \(none.prefix(10).joined(separator: ", "))\n".utf8))
        }
        return e
    }
}

extension VectorFormat: ExpressibleByArgument {}
