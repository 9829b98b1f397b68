import WordVec

/// What the learning tests measure on vectors trained on the synthetic corpus: whether the
/// planted topics and analogies were found.
enum LearningProbes {
    /// Fraction of topic words whose 5 nearest neighbours are mostly (≥ 4 of 5) from their own topic.
    static func topicPurity(_ e: Embeddings, _ synthetic: SyntheticCorpus) -> Double {
        let index = CosineIndex(vectors: .dense(e))
        var good = 0, total = 0
        for topic in synthetic.topics {
            let members = Set(topic)
            for w in topic {
                guard let i = e.index[w] else { continue }
                total += 1
                let hits = try! index.nearest(toRow: i, k: 5)
                if hits.filter({ members.contains(e.words[$0.row]) }).count >= 4 { good += 1 }
            }
        }
        return Double(good) / Double(max(total, 1))
    }

    /// 3CosAdd accuracy (inputs excluded) over the planted analogy questions.
    static func analogyAccuracy(_ e: Embeddings, _ synthetic: SyntheticCorpus) -> Double {
        let unit = e.normalized()
        let index = CosineIndex(vectors: .dense(e))
        var correct = 0, total = 0
        for rel in synthetic.relations {
            for (a, b) in rel.pairs {
                for (c, d) in rel.pairs where c != a {
                    guard let ia = unit.index[a], let ib = unit.index[b], let ic = unit.index[c] else { continue }
                    total += 1
                    var q = [Float](repeating: 0, count: e.dim)
                    for j in 0..<e.dim {
                        q[j] = unit.vectors[ib * e.dim + j] - unit.vectors[ia * e.dim + j] + unit.vectors[ic * e.dim + j]
                    }
                    if let best = index.nearest(toVector: q, k: 1, excluding: [ia, ib, ic]).first, e.words[best.row] == d { correct += 1 }
                }
            }
        }
        return Double(correct) / Double(max(total, 1))
    }
}
