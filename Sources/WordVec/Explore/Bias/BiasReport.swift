import Foundation

/// Bias probes of one vector set: the gender direction (Bolukbasi et al. 2016), occupation
/// projections on it, the analogy probe he : X :: she : ?, and WEAT tests (Caliskan et al.
/// 2017). Every word asked for and not found is listed in `unknownWords`.
public struct BiasReport: Codable, Sendable {
    public struct Projection: Codable, Sendable { public var word: String; public var projection: Double }
    public struct Analogy: Codable, Sendable { public var word: String; public var answer: String; public var similarity: Double }

    public var file: String
    public var definitionalPairsUsed: Int
    /// Variance share of the top components of the definitional pair differences.
    public var directionVarianceShare: [Double]
    /// Occupations by projection on g (cosine; > 0 the first words' side, "she"), most positive first.
    public var occupations: [Projection]
    /// he : X :: she : ? by 3CosAdd over the most frequent words, inputs excluded.
    public var analogies: [Analogy]
    public var weat: [WEATResult]
    /// WEAT tests that could not run (a set with no known word), with the reason.
    public var weatSkipped: [String]
    public var unknownWords: [String]

    /// Throws `.invalidInput` when no definitional pair is found.
    public static func measure(_ vectors: Embeddings, file: String, options: BiasOptions) throws -> BiasReport {
        let unit = vectors.normalized()
        var lookup = WordLookup(index: unit.index)
        let direction = try BiasDirection(unit: unit, pairs: options.definitional, lookup: &lookup)
        var projections: [Projection] = []
        var analogies: [Analogy] = []
        let index = CosineIndex(vectors: .dense(unit), rows: options.restrict > 0 ? options.restrict : nil)
        let he = lookup.row(options.probe.a), she = lookup.row(options.probe.b)
        for word in options.occupations {
            guard let r = lookup.row(word) else { continue }
            projections.append(Projection(word: unit.words[r], projection: direction.projection(unit.row(r))))
            if let he, let she {
                let q = zip(zip(unit.row(r), unit.row(he)), unit.row(she)).map { $0.0 - $0.1 + $1 }
                if let best = index.nearest(toVector: q, k: 1, excluding: [r, he, she]).first {
                    analogies.append(Analogy(word: unit.words[r], answer: unit.words[best.row], similarity: Double(best.similarity)))
                }
            }
        }
        projections.sort { $0.projection > $1.projection }
        var results: [WEATResult] = [], skipped: [String] = []
        for sets in options.weat {
            do { results.append(try WEATResult(sets, unit: unit, lookup: &lookup, maxPermutations: options.permutations, seed: options.seed)) }
            catch let e as WordVecError { skipped.append(e.description) }
        }
        return BiasReport(file: file, definitionalPairsUsed: direction.pairsUsed.count,
                          directionVarianceShare: direction.varianceShare, occupations: projections,
                          analogies: analogies, weat: results, weatSkipped: skipped, unknownWords: lookup.unknown)
    }
}
