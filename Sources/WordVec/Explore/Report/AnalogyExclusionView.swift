/// What 3CosAdd answers with and without excluding the question's own words: a : b :: c : ?
/// is answered by the word nearest to b − a + c (unit vectors, Mikolov et al. 2013), and every
/// benchmark (word2vec's compute-accuracy, gensim) leaves a, b and c out of the candidates. Kept
/// in, the nearest word is very often b or c itself (Linzen 2016; Rogers, Drozd & Li 2017;
/// Nissim, van Noord & van der Goot 2020): the exclusion, not the vector offset, does much of the
/// work. `AnalogyReport` counts this over a whole set (`correctKept`, `nearestIsInput`); this
/// view shows single questions.
public enum AnalogyExclusionView {
    /// The first question of each section whose four words are among the first `restrict` rows
    /// (exact, else lower-cased), up to `limit` questions.
    public static func examples(_ vectors: Embeddings, questions: AnalogyQuestionSet, restrict: Int = 30_000,
                                limit: Int = 8) -> [AnalogyExclusionExample] {
        let unit = vectors.normalized()
        let index = CosineIndex(vectors: .dense(unit), rows: restrict > 0 ? restrict : nil)
        var lookup = WordLookup(index: unit.index, limit: restrict)
        var out: [AnalogyExclusionExample] = []
        for section in questions.sections where out.count < limit {
            for q in section.questions {
                let rows = lookup.rows([q.a, q.b, q.c, q.d])
                guard rows.count == 4 else { continue }
                let query = (0..<unit.dim).map { unit.vectors[rows[1] * unit.dim + $0] - unit.vectors[rows[0] * unit.dim + $0] + unit.vectors[rows[2] * unit.dim + $0] }
                let kept = index.nearest(toVector: query, k: 1)
                let excluded = index.nearest(toVector: query, k: 1, excluding: Set(rows.prefix(3)))
                guard let k = kept.first, let e = excluded.first else { continue }
                out.append(AnalogyExclusionExample(a: q.a, b: q.b, c: q.c, expected: q.d,
                                                   excluded: unit.words[e.row], kept: unit.words[k.row]))
                break
            }
        }
        return out
    }
}
