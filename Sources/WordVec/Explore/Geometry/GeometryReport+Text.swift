import Foundation

extension GeometryReport {
    /// The report as aligned text tables (what `wordvec stats` prints without `--json`).
    public func text() -> String {
        func f(_ v: Double) -> String { String(format: "%.4f", v) }
        var out = "\(file): \(rows) vectors × \(dim) dimensions\n\n"
        var pairs = TextTable(["pairs", "count", "alignment", "uniformity", "mean cosine"])
        pairs.add(["random", "\(random.pairs)", f(random.alignment), f(random.uniformity), f(random.meanCosine)])
        if let positive {
            pairs.add(["positive (\(positiveSource ?? "?"))", "\(positive.pairs)", f(positive.alignment), f(positive.uniformity), f(positive.meanCosine)])
        }
        out += pairs.render() + "\n"
        out += "anisotropy (mean cosine of random pairs): \(f(anisotropy))\n"
        out += "variance in the top \(componentVarianceShare.count) principal components: \(String(format: "%.1f%%", 100 * topComponentsVarianceShare))"
        out += " (" + componentVarianceShare.prefix(5).map { String(format: "%.1f%%", 100 * $0) }.joined(separator: ", ")
        out += componentVarianceShare.count > 5 ? ", …)\n" : ")\n"
        out += "mean vector norm: \(f(meanVectorNorm)) (mean row norm \(f(meanRowNorm)))\n\n"
        var bands = TextTable(["frequency rank", "mean norm", "min", "max"])
        for b in normByRank.bands { bands.add(["\(b.from)–\(b.to)", f(b.meanNorm), f(b.minNorm), f(b.maxNorm)]) }
        out += bands.render()
        if !unknownWords.isEmpty {
            out += "\n\(unknownWords.count) unknown word\(unknownWords.count == 1 ? "" : "s") in the positive pairs: "
            out += unknownWords.prefix(20).joined(separator: " ") + (unknownWords.count > 20 ? " …" : "") + "\n"
        }
        return out
    }
}
