import Foundation

extension BiasReport {
    /// The report as text tables (what `wordvec bias` prints without `--json`).
    public func text() -> String {
        var out = "\(file): gender direction from \(definitionalPairsUsed) definitional pairs; "
        out += "variance of the pair differences along the top components: "
        out += directionVarianceShare.prefix(5).map { String(format: "%.1f%%", 100 * $0) }.joined(separator: ", ") + "\n\n"
        var occ = TextTable(["occupation", "projection (+ she, − he)", "he : X :: she : ?"])
        let answers = Dictionary(analogies.map { ($0.word, $0.answer) }, uniquingKeysWith: { a, _ in a })
        for p in occupations { occ.add([p.word, String(format: "%+.4f", p.projection), answers[p.word] ?? "–"]) }
        out += occ.render() + "\n"
        var w = TextTable(["WEAT", "effect size", "p", "permutations", "|X| |Y| |A| |B|"])
        for r in weat {
            w.add([r.name, String(format: "%.4f", r.effectSize), String(format: "%.4g", r.pValue),
                   "\(r.permutations)\(r.exact ? " (all)" : "")", r.sizes.map(String.init).joined(separator: " ")])
        }
        out += w.render()
        for s in weatSkipped { out += "skipped: \(s)\n" }
        if !unknownWords.isEmpty {
            out += "\n\(unknownWords.count) unknown word\(unknownWords.count == 1 ? "" : "s") (left out): " + unknownWords.joined(separator: " ") + "\n"
        }
        return out
    }
}
