import Foundation

/// Where the pairs of the geometry measures come from: random pairs of distinct rows (the
/// "data distribution" of Wang & Isola 2020, and the random words of Ethayarajh 2019), or
/// positive pairs (words that should be close) from an evaluation set.
public enum PairSampler {
    /// `count` pairs of distinct rows among the first `rows`, drawn uniformly with a seeded
    /// generator (the same seed gives the same pairs). Needs `rows ≥ 2`.
    public static func random(count: Int, rows: Int, seed: UInt64) -> [RowPair] {
        precondition(rows >= 2, "random pairs need at least 2 rows")
        var rng = FastRandom(seed: seed)
        return (0..<count).map { _ in
            let a = rng.next(below: rows)
            var b = rng.next(below: rows - 1)
            if b >= a { b += 1 }
            return RowPair(a, b)
        }
    }

    /// The high-scoring pairs of a word-similarity set: those whose human score is at least the
    /// set's `quantile` quantile (0.75: the top quarter; linear interpolation between scores, as
    /// numpy's default). Pairs with an unknown word are left out and their words recorded in
    /// `lookup.unknown`; a pair of one word twice is left out.
    public static func positives(similarity set: WordPairSet, quantile: Double, lookup: inout WordLookup) -> [RowPair] {
        let cut = quantileValue(set.pairs.map(\.score), quantile)
        var out: [RowPair] = []
        for p in set.pairs where p.score >= cut {
            let a = lookup.row(p.a), b = lookup.row(p.b)
            if let a, let b, a != b { out.append(RowPair(a, b)) }
        }
        return out
    }

    /// The related pairs of an analogy set: (a, b) and (c, d) of every question (e.g.
    /// athens–greece), each unordered pair once, in order of first appearance.
    public static func positives(analogy set: AnalogyQuestionSet, lookup: inout WordLookup) -> [RowPair] {
        var seen = Set<RowPair>(), out: [RowPair] = []
        for q in set.sections.flatMap(\.questions) {
            for (x, y) in [(q.a, q.b), (q.c, q.d)] {
                let a = lookup.row(x), b = lookup.row(y)
                guard let a, let b, a != b else { continue }
                let key = RowPair(min(a, b), max(a, b))
                if seen.insert(key).inserted { out.append(RowPair(a, b)) }
            }
        }
        return out
    }

    /// The q-quantile of `values` with linear interpolation (numpy.quantile's default).
    static func quantileValue(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .infinity }
        let s = values.sorted()
        let pos = q * Double(s.count - 1)
        let lo = Int(pos.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (s[hi] - s[lo]) * (pos - Double(lo))
    }
}
