import ArgumentParser
import Foundation
import WordVec

struct BiasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bias",
        abstract: "Bias probes: the gender direction, occupation projections, he : X :: she : ?, WEAT effect sizes and p-values.",
        discussion: """
        The gender direction is the first principal component of the definitional pairs' differences \
        (Bolukbasi et al. 2016); WEAT is Caliskan et al. 2017 with a one-sided permutation test. The default \
        word lists are the papers' (docs/explore.md lists them); words are matched as given, then lower-cased. \
        Unknown words are listed, never dropped silently.
        """
    )

    @Argument(help: "A vector file (.vec, .bin, GloVe text, sparse, quantized) or a fastText model.")
    var vectors: String

    @Option(help: "Definitional pairs, one `female male` pair a line (default: the paper's ten).")
    var pairs: String?

    @Option(help: "Occupation words to project (default: the paper's Figure 1 occupations and 20 common ones).")
    var occupations: String?

    @Option(help: "A WEAT test file with lines `X: …`, `Y: …`, `A: …`, `B: …` (repeatable; default: WEAT 1, 6, 7, 8).")
    var weat: [String] = []

    @Option(help: "WEAT permutation partitions: all of them when there are at most this many, else this many at random.")
    var permutations = BiasOptions().permutations

    @Option(help: "Analogy answers come from the first N words (0 = all).")
    var restrict = BiasOptions().restrict

    @Option(help: "Seed of the sampled WEAT permutations.")
    var seed = BiasOptions().seed

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard permutations > 0 else { throw ValidationError("--permutations must be positive") }
        guard restrict >= 0 else { throw ValidationError("--restrict must be 0 (all) or positive") }
    }

    func run() throws {
        var options = BiasOptions()
        if let pairs { options.definitional = try WordListFile.pairs(pairs) }
        if let occupations { options.occupations = try WordListFile.words(occupations) }
        if !weat.isEmpty { options.weat = try weat.map(WordListFile.weat) }
        (options.permutations, options.restrict, options.seed) = (permutations, restrict, seed)
        let v = try VectorSet.load(vectors, unicodeErrors: input.unicodeErrors).vectors.dense
        let report = try BiasReport.measure(v, file: vectors, options: options)
        print(json ? try EvalJSON.encode(report) : report.text(), terminator: json ? "\n" : "")
    }
}
