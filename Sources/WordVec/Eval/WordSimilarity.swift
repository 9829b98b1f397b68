import Foundation

/// A word pair with a human similarity score (WordSim-353, SimLex-999, MEN, ...).
public struct WordPair: Sendable, Equatable {
    public var a, b: String
    public var score: Double
    /// 1-based line number in the file.
    public var line: Int

    public init(a: String, b: String, score: Double, line: Int) {
        self.a = a; self.b = b; self.score = score; self.line = line
    }
}

/// A parsed word-similarity file.
///
/// Rules (documented in docs/evaluation.md): fields are tab separated when the line has a tab,
/// else comma separated when it has a comma, else space separated; blank lines and lines starting
/// with `#` or `//` are skipped; a line before the first pair whose score is not a number is a
/// header and skipped; after that, a line that is not exactly `word1 word2 score` with a finite
/// numeric score is an error naming the line (not a silent skip: a wrong column would quietly
/// change the correlation).
public struct WordPairSet: Sendable {
    public var pairs: [WordPair]
    public var headerLines: [Int]

    public static func load(_ path: String) throws -> WordPairSet {
        try parse(try EvalFile.read(path), name: path)
    }

    public static func parse(_ text: String, name: String) throws -> WordPairSet {
        var pairs: [WordPair] = []
        var headers: [Int] = []
        var lineNo = 0
        // Split on any line break: "\r\n" is one Character in Swift, so splitting on "\n" would miss it.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNo += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            let fields: [String]
            if line.contains("\t") {
                fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            } else if line.contains(",") {
                fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            } else {
                fields = line.split(separator: " ").map(String.init)
            }
            guard let last = fields.last else { continue }
            let score = Double(last)
            if pairs.isEmpty && score == nil && fields.count == 3 {
                headers.append(lineNo)      // e.g. `Word 1,Word 2,Human (mean)`
                continue
            }
            guard fields.count == 3 else {
                throw WordVecError.invalidInput("\(name):\(lineNo): expected `word1 word2 score` (tab, comma or space separated), found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            guard let s = score, s.isFinite else {
                throw WordVecError.invalidInput("\(name):\(lineNo): the score `\(last)` is not a number")
            }
            guard !fields[0].isEmpty, !fields[1].isEmpty else {
                throw WordVecError.invalidInput("\(name):\(lineNo): an empty word")
            }
            pairs.append(WordPair(a: fields[0], b: fields[1], score: s, line: lineNo))
        }
        guard !pairs.isEmpty else {
            throw WordVecError.invalidInput("\(name): no word pairs in the file (expected `word1 word2 score` lines)")
        }
        return WordPairSet(pairs: pairs, headerLines: headers)
    }
}

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

    enum CodingKeys: String, CodingKey { case pairsFile, vectorsFile, options, pairs, covered, scored, composed, oovPairs, spearman, pearson, coverage }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pairsFile, forKey: .pairsFile)
        try c.encodeIfPresent(vectorsFile, forKey: .vectorsFile)
        try c.encode(options, forKey: .options)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(covered, forKey: .covered)
        try c.encode(scored, forKey: .scored)
        try c.encode(composed, forKey: .composed)
        try c.encode(oovPairs, forKey: .oovPairs)
        try c.encode(spearman, forKey: .spearman)
        try c.encode(pearson, forKey: .pearson)
        try c.encode(coverage, forKey: .coverage)
    }
}

/// Correlation of the vectors' cosine similarities with human judgements.
public enum WordSimilarityBenchmark {
    /// - Parameter subwords: composes vectors for unknown words; required by `OOVPolicy.compose`.
    public static func evaluate(_ vectors: LoadedVectors, pairs set: WordPairSet, options: SimilarityOptions = SimilarityOptions(),
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

    static func row(_ v: LoadedVectors, _ i: Int) -> [Float] {
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
    static func cosine(_ v: LoadedVectors, _ i: Int, _ j: Int) -> Float {
        switch v {
        case .dense(let e):
            return e.vectors.withUnsafeBufferPointer { p in unitCosine(p.baseAddress! + i * e.dim, p.baseAddress! + j * e.dim, e.dim) }
        case .sparse(let s):
            let na = s.dot(i, i), nb = s.dot(j, j)
            return na > 0 && nb > 0 ? s.dot(i, j) / (na.squareRoot() * nb.squareRoot()) : 0
        }
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
