import Foundation

/// Analogy evaluation: resolve the questions against the restricted vocabulary, answer the
/// covered ones in batches (AnalogySolver), and tally per section.
public enum AnalogyBenchmark {
    public static func evaluate(_ vectors: WordVectors, questions: AnalogyQuestionSet, options: AnalogyOptions = AnalogyOptions(),
                                questionsFile: String = "", progress: ProgressReporter? = nil) throws -> AnalogyReport {
        try evaluate(vectors, questions: questions, options: options, candidates: nil, questionsFile: questionsFile, progress: progress)
    }

    /// With `oov: .compose` (fastText models only), a question word a, b or c outside the
    /// restricted vocabulary gets a vector composed from its character n-grams (lower-cased first
    /// when case is folded), as fastText's `analogies` does; the answer d must still be a word of
    /// the restricted vocabulary, and only those words are candidates. The report's
    /// `composedWords` says how many words were composed. Throws `.invalidArgument` for
    /// `.compose` on vectors that cannot compose.
    public static func evaluate(_ set: VectorSet, questions: AnalogyQuestionSet, options: AnalogyOptions = AnalogyOptions(),
                                oov: OOVPolicy, questionsFile: String = "", progress: ProgressReporter? = nil) throws -> AnalogyReport {
        guard oov == .compose else { return try evaluate(set.vectors, questions: questions, options: options, questionsFile: questionsFile, progress: progress) }
        guard let model = set.model else {
            throw WordVecError.invalidArgument("--oov compose needs a model that can build vectors for unknown words (a fastText .bin); plain vector files cannot")
        }
        let full = set.vectors.dense
        let n = options.restrict > 0 ? min(options.restrict, full.count) : full.count
        let vocab = EvalVocabulary(words: full.words, restrict: n, caseFolding: options.caseFolding)
        var words = Array(full.words.prefix(n)), values = Array(full.vectors.prefix(n * full.dim))
        var seen = Set<String>()
        for section in questions.sections {
            for q in section.questions where vocab.row(of: q.d) != nil {
                for w in [q.a, q.b, q.c] where vocab.row(of: w) == nil {
                    let key = options.caseFolding ? w.uppercased() : w
                    guard seen.insert(key).inserted, let v = model.vector(options.caseFolding ? w.lowercased() : w) else { continue }
                    words.append(w)
                    values += v
                }
            }
        }
        var extended = options
        extended.restrict = words.count
        var report = try evaluate(.dense(try Embeddings(words: words, dim: full.dim, vectors: values)), questions: questions,
                                  options: extended, candidates: n, questionsFile: questionsFile, progress: progress)
        report.restrict = options.restrict
        report.vocabularyUsed = n
        report.composedWords = words.count - n
        return report
    }

    /// `candidates`: how many leading rows may be answers (nil: all rows in play).
    private static func evaluate(_ vectors: WordVectors, questions: AnalogyQuestionSet, options: AnalogyOptions, candidates: Int?,
                                 questionsFile: String, progress: ProgressReporter?) throws -> AnalogyReport {
        let started = Date()
        let vocab = EvalVocabulary(words: vectors.words, restrict: options.restrict, caseFolding: options.caseFolding)
        var resolved: [ResolvedQuestion] = []
        var sectionOf: [Int] = []
        var scores = questions.sections.map { AnalogyScore(name: $0.name) }
        for (s, section) in questions.sections.enumerated() {
            scores[s].questions = section.questions.count
            for q in section.questions {
                guard let a = vocab.row(of: q.a), let b = vocab.row(of: q.b),
                      let c = vocab.row(of: q.c), let d = vocab.row(of: q.d) else { continue }
                resolved.append(ResolvedQuestion(a: Int32(a), b: Int32(b), c: Int32(c), d: Int32(d)))
                sectionOf.append(s)
            }
        }
        let solver = AnalogySolver(vectors: vectors, vocabulary: vocab, candidates: candidates, threads: options.threads)
        let total = Double(max(resolved.count, 1))
        let outcomes = try solver.solve(resolved, method: options.method, strategy: options.strategy) { done in
            progress?.update(fraction: Double(done) / total, detail: "\(done)/\(resolved.count) questions")
        }
        for (i, o) in outcomes.enumerated() {
            let s = sectionOf[i]
            scores[s].covered += 1
            if o.correct { scores[s].correct += 1 }
            if o.correctKept { scores[s].correctKept += 1 }
            if o.nearestIsInput { scores[s].nearestIsInput += 1 }
        }
        var all = AnalogyScore(name: "total")
        var semantic = AnalogyScore(name: "semantic"), syntactic = AnalogyScore(name: "syntactic")
        for (s, section) in questions.sections.enumerated() {
            all.add(scores[s])
            if section.isSyntactic { syntactic.add(scores[s]) } else { semantic.add(scores[s]) }
        }
        return AnalogyReport(questionsFile: questionsFile, vectorsFile: nil, method: options.method, restrict: options.restrict,
                             vocabularyUsed: vocab.size, caseFolding: options.caseFolding, sections: scores,
                             semantic: questions.hasSections ? semantic : nil,
                             syntactic: questions.hasSections ? syntactic : nil,
                             total: all, malformedLines: questions.malformedLines.count,
                             seconds: Date().timeIntervalSince(started))
    }
}
