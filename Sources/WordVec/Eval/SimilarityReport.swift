import Foundation

/// What to do with a pair that has a word outside the vocabulary.
public enum OOVPolicy: String, Codable, Sendable, CaseIterable {
    /// Leave it out of the correlation (gensim's default; the coverage says how many were left out).
    case skip
    /// Score it with model similarity 0, the null-vector convention of fastText's evaluation for
    /// vectors that cannot compose the word (gensim's dummy4unknown=True).
    case zero
    /// Compose the unknown word's vector from its character n-grams (fastText models only, as
    /// fastText's own evaluation does); a word with no known n-gram scores 0.
    case compose
}

/// Settings of a word-similarity evaluation; defaults are gensim's `evaluate_word_pairs`.
public struct SimilarityOptions: Codable, Sendable {
    public var restrict = 300_000
    public var caseFolding = true
    public var oov: OOVPolicy = .skip

    public init(restrict: Int = 300_000, caseFolding: Bool = true, oov: OOVPolicy = .skip) {
        self.restrict = restrict; self.caseFolding = caseFolding; self.oov = oov
    }
}

/// The result of one word-similarity evaluation.
public struct SimilarityReport: Encodable, Sendable {
    public var pairsFile: String
    public var vectorsFile: String?
    public var options: SimilarityOptions
    public var pairs: Int
    /// Pairs with both words in the vocabulary.
    public var covered: Int
    /// Pairs in the correlation (covered, plus the OOV ones when they are scored 0 or composed).
    public var scored: Int
    /// OOV pairs scored from composed subword vectors (`--oov compose`).
    public var composed: Int = 0
    /// The pairs with an unknown word, as `a b`.
    public var oovPairs: [String]
    public var spearman: Double?
    public var pearson: Double?
    public var coverage: Double { pairs > 0 ? Double(covered) / Double(pairs) : 0 }

    public func encode(to encoder: Encoder) throws {
        let file: [(String, any Encodable)] = vectorsFile.map { [("vectorsFile", $0)] } ?? []
        try JSONFields.encode([("pairsFile", pairsFile)] + file + [("options", options), ("pairs", pairs), ("covered", covered),
                               ("scored", scored), ("composed", composed), ("oovPairs", oovPairs), ("spearman", spearman),
                               ("pearson", pearson), ("coverage", coverage)], to: encoder)
    }
}

extension SimilarityReport {
    /// The human-readable report `wordvec similarity` prints.
    public func renderText() -> String {
        var out = "similarity: \(pairsFile)"
        if let v = vectorsFile { out += " on \(v)" }
        out += "\n"
        out += "Spearman rho  \(Fmt.fixed(spearman))\n"
        out += "Pearson r     \(Fmt.fixed(pearson))\n"
        out += String(format: "coverage      %d/%d pairs (%.1f%%)", covered, pairs, 100 * coverage)
        switch options.oov {
        case .zero where !oovPairs.isEmpty: out += "; \(oovPairs.count) OOV pairs scored 0\n"
        case .compose where !oovPairs.isEmpty: out += "; \(composed) OOV pairs scored with composed subword vectors, \(oovPairs.count - composed) scored 0\n"
        default: out += "\n"
        }
        if !oovPairs.isEmpty {
            let shown = oovPairs.prefix(20).joined(separator: ", ")
            out += "OOV pairs     \(oovPairs.count): \(shown)\(oovPairs.count > 20 ? ", …" : "")\n"
        }
        return out
    }
}
