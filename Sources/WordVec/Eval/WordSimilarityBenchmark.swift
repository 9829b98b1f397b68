import Foundation

/// Correlation of the vectors' cosine similarities with human judgements.
public enum WordSimilarityBenchmark {
    /// - Parameter subwords: composes vectors for unknown words; required by `OOVPolicy.compose`.
    public static func evaluate(_ vectors: WordVectors, pairs set: WordPairSet, options: SimilarityOptions = SimilarityOptions(),
                                subwords: FastTextSubwords? = nil, pairsFile: String = "") throws -> SimilarityReport {
        if options.oov == .compose && subwords == nil {
            throw WordVecError.invalidArgument("--oov compose needs a model that can build vectors for unknown words (a fastText .bin); plain vector files cannot")
        }
        let vocab = EvalVocabulary(words: vectors.words, restrict: options.restrict, caseFolding: options.caseFolding)
        var gold: [Double] = [], model: [Double] = []
        var oov: [String] = []
        var composed = 0
        for p in set.pairs {
            if let i = vocab.row(of: p.a), let j = vocab.row(of: p.b) {
                gold.append(p.score)
                model.append(Double(cosine(vectors, i, j)))
                continue
            }
            oov.append("\(p.a) \(p.b)")
            switch options.oov {
            case .skip: break
            case .zero: gold.append(p.score); model.append(0)
            case .compose:
                // Known words keep their own vector; unknown ones are built from their n-grams.
                func vec(_ w: String) -> [Float]? { vocab.row(of: w).map { row(vectors, $0) } ?? subwords!.vector(w) }
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

    static func row(_ v: WordVectors, _ i: Int) -> [Float] {
        switch v {
        case .dense(let e): return e.row(i)
        case .sparse(let s): return s.row(i)
        }
    }

    static func unitCosine(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        let na = VectorMath.dot(a, a, n), nb = VectorMath.dot(b, b, n)
        return na > 0 && nb > 0 ? VectorMath.dot(a, b, n) / (na.squareRoot() * nb.squareRoot()) : 0
    }

    /// Cosine of rows i and j (0 when either is a zero vector).
    static func cosine(_ v: WordVectors, _ i: Int, _ j: Int) -> Float {
        switch v {
        case .dense(let e):
            return e.vectors.withUnsafeBufferPointer { p in unitCosine(p.baseAddress! + i * e.dim, p.baseAddress! + j * e.dim, e.dim) }
        case .sparse(let s):
            let na = s.dot(i, i), nb = s.dot(j, j)
            return na > 0 && nb > 0 ? s.dot(i, j) / (na.squareRoot() * nb.squareRoot()) : 0
        }
    }
}
