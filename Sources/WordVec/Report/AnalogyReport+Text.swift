import Foundation

extension AnalogyReport {
    /// The human-readable report `wordvec analogy` prints.
    public func renderText() -> String {
        var out = "analogy: \(questionsFile)"
        if let v = vectorsFile { out += " on \(v)" }
        out += "\n\(method.displayName), \(restrict > 0 ? "restrict \(restrict)" : "no restriction") (\(vocabularyUsed) rows in play), "
        out += caseFolding ? "case folded\n\n" : "case kept\n\n"
        var t = TextTable(["section", "questions", "covered", "accuracy", "acc. all", "inputs kept", "NN is input"])
        func row(_ s: AnalogyScore) -> [String] {
            [s.name, "\(s.questions)", "\(s.covered)", Fmt.percent(s.accuracy), Fmt.percent(s.accuracyAll),
             Fmt.percent(s.accuracyKept), Fmt.percent(s.nearestIsInputRate)]
        }
        for s in sections { t.add(row(s)) }
        t.rule()
        if let semantic, let syntactic { t.add(row(semantic)); t.add(row(syntactic)) }
        t.add(row(total))
        out += t.render() + "\n"
        out += "accuracy: inputs a, b, c excluded from the candidates (the standard); acc. all: skipped questions count as wrong;\n"
        out += "inputs kept: accuracy when a, b, c stay candidates; NN is input: how often the best candidate is then a, b or c.\n"
        out += "\(total.skipped) of \(total.questions) questions skipped (a word outside the \(vocabularyUsed) rows in play)"
        out += malformedLines > 0 ? "; \(malformedLines) malformed lines skipped.\n" : ".\n"
        if composedWords > 0 {
            out += "\(composedWords) question words outside the rows in play were composed from character n-grams (--oov compose).\n"
        }
        return out
    }
}
