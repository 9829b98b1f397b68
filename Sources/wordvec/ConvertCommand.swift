import ArgumentParser
import Foundation
import WordVec

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a vector file between formats (.vec text, word2vec .bin, GloVe text, sparse text, quantized) or a fastText model to its vectors, optionally post-processed or compressed.",
        discussion: """
        Steps run in this order, each only when asked: --center, --abtt D, --dims K, --debias, --normalize, \
        --quantize. With --quantize the output is wordvec's quantized format (docs/formats.md), unless --to \
        names a float format: then the floats the codes stand for are written, for other tools. See docs/explore.md. \
        A fastText model (.bin) converts to its word vectors (as fastText's .vec); --oov-words adds vectors \
        composed from character n-grams for words outside its vocabulary (before any other step).
        """
    )

    @Argument(help: "The input vector file or fastText model (format detected).")
    var input: String

    @Argument(help: "The output file (- for stdout).")
    var output: String

    @Option(help: "Output format: vec, bin, glove or sparse (default: from the output's extension: .bin, .sparse, .txt = GloVe, else .vec).")
    var to: VectorFormat?

    @OptionGroup var reading: InputOptions

    @Flag(help: "Subtract the mean vector from every vector.")
    var center = false

    @Option(help: "All-but-the-top (Mu & Viswanath 2018): subtract the mean and remove the top D principal directions (about dim/100).")
    var abtt: Int?

    @Option(help: "Keep the top K principal directions: every vector becomes its K coordinates on them (PCA, not prefix truncation).")
    var dims: Int?

    @Flag(help: "Hard debiasing (Bolukbasi et al. 2016): neutralize the gender direction in gender-neutral words, equalize the equalize pairs; output is unit length.")
    var debias = false

    @Option(help: "Definitional pairs for --debias, one `female male` pair a line (default: the paper's ten).")
    var debiasPairs: String?

    @Option(help: "Equalize pairs for --debias, one pair a line (default: the paper's list).")
    var debiasEqualize: String?

    @Option(help: "Gender-specific words --debias leaves alone, besides the pairs' words (default: from the paper's seed list).")
    var debiasSpecific: String?

    @Flag(help: "Scale every vector to unit length.")
    var normalize = false

    @Option(name: .customLong("oov-words"), help: "With a fastText model: also write vectors composed from n-grams for the words of this file (whitespace-separated; - for stdin) that are not in its vocabulary.")
    var oovWords: String?

    @Option(help: "Quantize: int8 (one byte a value, per-dimension scale) or binary (one sign bit a value, per-dimension scale).")
    var quantize: QuantizationScheme?

    func validate() throws {
        if let abtt, abtt < 0 { throw ValidationError("--abtt must be 0 or positive") }
        if let dims, dims < 1 { throw ValidationError("--dims must be positive") }
        if !debias && (debiasPairs != nil || debiasEqualize != nil || debiasSpecific != nil) {
            throw ValidationError("--debias-pairs, --debias-equalize and --debias-specific need --debias")
        }
        if oovWords == "-" && input == "-" { throw ValidationError("the input and --oov-words cannot both be stdin") }
        if quantize != nil && to == .sparse { throw ValidationError("--quantize writes its own format or dense floats, not sparse") }
    }

    func run() throws {
        try AtomicFile.checkWritable(output)   // fail before reading and transforming the input
        let set = try VectorSet.load(input, unicodeErrors: reading.unicodeErrors)
        var v = set.vectors
        if let oovWords { v = .dense(try adding(words: oovWords, to: set)) }
        if center { v = .dense(try PostProcessing.centered(v.dense)) }
        if let abtt { v = .dense(try PostProcessing.allButTheTop(v.dense, remove: abtt)) }
        if let dims { v = .dense(try PostProcessing.principalDirections(v.dense, keep: dims)) }
        if debias { v = .dense(try debiased(v.dense)) }
        if normalize { v = .dense(v.dense.normalized()) }
        if let quantize {
            let q = QuantizedVectors(quantizing: v.dense, scheme: quantize)
            if let to { return try VectorFileWriter.write(q.dequantized(), to: output, format: to) }
            return try QuantizedVectorFile.write(q, to: output)
        }
        try VectorFileWriter.write(v, to: output, format: to ?? VectorFormat.fromExtension(output))
    }

    private func debiased(_ e: Embeddings) throws -> Embeddings {
        var method = HardDebias()
        if let debiasPairs { method.definitional = try WordListFile.pairs(debiasPairs) }
        if let debiasEqualize { method.equalize = try WordListFile.pairs(debiasEqualize) }
        if let debiasSpecific { method.genderSpecific = try WordListFile.words(debiasSpecific) }
        let (out, summary) = try method.apply(to: e)
        var line = "debias: \(summary.neutralized) words neutralized, \(summary.equalized) pairs equalized"
        if !summary.unknown.isEmpty { line += "; definitional words not in the vectors: " + summary.unknown.joined(separator: " ") }
        FileHandle.standardError.write(Data((line + "\n").utf8))
        return out
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
extension QuantizationScheme: ExpressibleByArgument {}
