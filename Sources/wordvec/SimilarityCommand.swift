import ArgumentParser
import Foundation
import WordVec

struct SimilarityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Word-similarity correlation (Spearman rho, Pearson r, coverage) against human scores.",
        discussion: """
        PAIRS holds `word1 word2 score` lines, tab, comma or space separated; blank, `#` and `//` lines and a \
        header line are skipped; any other malformed line is an error naming it. Defaults match gensim's \
        evaluate_word_pairs (restrict_vocab=300000, case_insensitive=True, OOV pairs skipped). See docs/evaluation.md.
        """
    )

    @Argument(help: "A vector file (.vec, .bin, GloVe text or sparse) or a fastText model .bin.")
    var vectors: String

    @Argument(help: "The word-pairs file (e.g. wordsim353.tsv).")
    var pairs: String

    @Option(help: "Use only the N most frequent words (the first N rows of the file); 0 = all.")
    var restrict = 300_000

    @Flag(help: "Match words with their case (default: case-insensitive, as gensim).")
    var keepCase = false

    @Option(help: "Pairs with an unknown word: skip (left out, default), zero (scored with similarity 0, fastText's null-vector convention) or compose (vectors built from character n-grams; fastText .bin models only).")
    var oov: OOVPolicy = .skip

    @OptionGroup var input: InputOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if restrict < 0 { throw ValidationError("--restrict must be 0 (all) or positive") }
    }

    func run() throws {
        if oov == .compose && FileManager.default.fileExists(atPath: vectors) && !FastTextModelReader.isModel(vectors) {
            throw WordVecError.invalidArgument("--oov compose needs a model that can build vectors for unknown words (a fastText .bin); \(vectors) is a plain vector file")
        }
        let set = try WordPairSet.load(pairs, unicodeErrors: input.unicodeErrors)
        var report = try WordSimilarityBenchmark.evaluate(try VectorSet.load(vectors, unicodeErrors: input.unicodeErrors), pairs: set,
                                                          options: SimilarityOptions(restrict: restrict, caseFolding: !keepCase, oov: oov),
                                                          pairsFile: pairs)
        report.vectorsFile = vectors
        guard report.covered > 0 || oov != .skip else {
            throw WordVecError.invalidInput("none of the \(report.pairs) pairs in \(pairs) has both words in \(vectors)")
        }
        print(json ? try EvalJSON.encode(report) : report.renderText(), terminator: json ? "\n" : "")
    }
}

extension OOVPolicy: ExpressibleByArgument {}
