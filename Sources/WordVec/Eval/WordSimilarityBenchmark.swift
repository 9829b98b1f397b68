import Foundation

/// Correlation of the vectors' cosine similarities with human judgements.
public enum WordSimilarityBenchmark {
    /// Plain vectors (no composition of unknown words).
    public static func evaluate(_ vectors: WordVectors, pairs set: WordPairSet, options: SimilarityOptions = SimilarityOptions(),
                                pairsFile: String = "") throws -> SimilarityReport {
        try evaluate(VectorSet(vectors: vectors), pairs: set, options: options, pairsFile: pairsFile)
    }

    /// Spearman ρ and Pearson r of the cosines (through `CosineIndex`) against the human scores.
    /// Throws `.invalidArgument` for `OOVPolicy.compose` on vectors that cannot compose.
    public static func evaluate(_ vectorSet: VectorSet, pairs set: WordPairSet, options: SimilarityOptions = SimilarityOptions(),
                                pairsFile: String = "") throws -> SimilarityReport {
        if options.oov == .compose && !vectorSet.canCompose {
            throw WordVecError.invalidArgument("--oov compose needs a model that can build vectors for unknown words (a fastText .bin); plain vector files cannot")
        }
        let vectors = vectorSet.vectors
        let vocab = EvalVocabulary(words: vectors.words, restrict: options.restrict, caseFolding: options.caseFolding)
        let index = CosineIndex(vectors: vectors, rows: vocab.size)
        var gold: [Double] = [], model: [Double] = []
        var oov: [String] = []
        var composed = 0
        for p in set.pairs {
            if let i = vocab.row(of: p.a), let j = vocab.row(of: p.b) {
                gold.append(p.score)
                model.append(Double(index.cosine(i, j)))
                continue
            }
            oov.append("\(p.a) \(p.b)")
            switch options.oov {
            case .skip: break
            case .zero: gold.append(p.score); model.append(0)
            case .compose:
                // Known words keep their own vector; unknown ones are built from their n-grams.
                func vec(_ w: String) -> [Float]? { vocab.row(of: w).map { vectorSet.row($0) } ?? vectorSet.composed(w) }
                gold.append(p.score)
                if let a = vec(p.a), let b = vec(p.b) {
                    composed += 1
                    model.append(Double(a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in unitCosine(x.baseAddress!, y.baseAddress!, a.count) } }))
                } else {
                    model.append(0)
                }
            }
        }
        var report = SimilarityReport(pairsFile: pairsFile, vectorsFile: nil, options: options, pairs: set.pairs.count,
                                      covered: set.pairs.count - oov.count, scored: gold.count, oovPairs: oov,
                                      spearman: RankStatistics.spearman(gold, model), pearson: RankStatistics.pearson(gold, model))
        report.composed = composed
        return report
    }

    static func unitCosine(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        let na = VectorMath.dot(a, a, n), nb = VectorMath.dot(b, b, n)
        return na > 0 && nb > 0 ? VectorMath.dot(a, b, n) / (na.squareRoot() * nb.squareRoot()) : 0
    }
}
