import Foundation

/// Analogy evaluation: resolve the questions against the restricted vocabulary, answer the
/// covered ones in batches (AnalogySolver), and tally per section.
public enum AnalogyBenchmark {
    public static func evaluate(_ vectors: WordVectors, questions: AnalogyQuestionSet, options: AnalogyOptions = AnalogyOptions(),
                                questionsFile: String = "", progress: ProgressReporter? = nil) throws -> AnalogyReport {
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
        let solver = AnalogySolver(vectors: vectors, vocabulary: vocab, threads: options.threads)
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
