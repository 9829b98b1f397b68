import ArgumentParser
import Foundation
import WordVec

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Geometry of a vector set: alignment and uniformity, anisotropy, principal-component variance, mean vector, norm against frequency rank.",
        discussion: """
        Alignment and uniformity (Wang & Isola 2020) are measured on unit vectors over random word pairs and, \
        with --positive-similarity or --positive-analogy, over positive pairs (a similarity set's high-scoring \
        pairs, or the related pairs a:b and c:d of every analogy question). Anisotropy is the mean cosine of \
        random word pairs (Ethayarajh 2019). Rows are taken to be in frequency order (word2vec-style files). \
        See docs/explore.md.
        """
    )

    @Argument(help: "A vector file (.vec, .bin, GloVe text, sparse, quantized) or a fastText model.")
    var vectors: String

    @Option(help: "Positive pairs: the pairs of this word-similarity file whose score is in the top quarter (see --positive-quantile).")
    var positiveSimilarity: String?

    @Option(help: "Positive pairs: the pairs a:b and c:d of every question of this analogy file.")
    var positiveAnalogy: String?

    @Option(help: "Similarity pairs with a score at or above this quantile of the set's scores are positive.")
    var positiveQuantile = 0.75

    @Option(help: "Random word pairs to draw.")
    var pairs = GeometryOptions().randomPairs

    @Option(help: "Principal components whose variance share is reported.")
    var components = GeometryOptions().components

    @Option(help: "Use only the first N vectors (the most frequent words); 0 = all.")
    var restrict = GeometryOptions().restrict

    @Option(help: "Seed of the random pairs.")
    var seed = GeometryOptions().seed

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if positiveSimilarity != nil && positiveAnalogy != nil {
            throw ValidationError("give --positive-similarity or --positive-analogy, not both")
        }
        guard (0...1).contains(positiveQuantile) else { throw ValidationError("--positive-quantile must be in [0, 1]") }
        guard pairs > 0 else { throw ValidationError("--pairs must be positive") }
        guard components > 0 else { throw ValidationError("--components must be positive") }
        guard restrict >= 0 else { throw ValidationError("--restrict must be 0 (all) or positive") }
    }

    func run() throws {
        let v = try VectorSet.load(vectors, unicodeErrors: input.unicodeErrors).vectors.dense
        var options = GeometryOptions()
        (options.randomPairs, options.components, options.restrict, options.seed) = (pairs, components, restrict, seed)
        var lookup = WordLookup(index: v.index, limit: restrict)
        var positives: [RowPair]?, source: String?
        if let file = positiveSimilarity {
            let set = try WordPairSet.load(file, unicodeErrors: input.unicodeErrors)
            positives = PairSampler.positives(similarity: set, quantile: positiveQuantile, lookup: &lookup)
            source = (file as NSString).lastPathComponent
        } else if let file = positiveAnalogy {
            let set = try AnalogyQuestionSet.load(file, unicodeErrors: input.unicodeErrors)
            positives = PairSampler.positives(analogy: set, lookup: &lookup)
            source = (file as NSString).lastPathComponent
        }
        if let positives, positives.isEmpty, let source {
            throw WordVecError.invalidInput("\(source): no positive pair has both words in \(vectors)")
        }
        let report = try GeometryReport.measure(v, file: vectors, options: options, positives: positives,
                                                source: source, unknown: lookup.unknown)
        print(json ? try EvalJSON.encode(report) : report.text(), terminator: json ? "\n" : "")
    }
}
