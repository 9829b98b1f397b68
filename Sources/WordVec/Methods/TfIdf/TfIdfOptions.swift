import Foundation

/// How each count tf(w, d) of word w in document d is weighted (Salton & Buckley 1988, "term
/// frequency component").
public enum TermFrequency: String, Codable, Sendable, CaseIterable {
    /// tf itself (gensim's TfidfModel default, sklearn's TfidfVectorizer default).
    case raw
    /// 1 + ln tf (sklearn's `sublinear_tf`): ten occurrences weigh 3.3, not 10.
    case log

    /// The weight of a count ≥ 1.
    @inline(__always)
    public func weight(_ count: Float) -> Float {
        switch self {
        case .raw: return count
        case .log: return 1 + logf(count)
        }
    }
}

/// The inverse document frequency of a word found in df of N documents (Spärck Jones 1972:
/// a word in few documents says more about them).
public enum InverseDocumentFrequency: String, Codable, Sendable, CaseIterable {
    /// No idf (every word weighs 1).
    case none
    /// ln(N / df), Spärck Jones's weight (gensim's `df2idf`, whose log base 2 is a constant factor
    /// that document normalisation cancels). A word in every document gets 0.
    case plain
    /// ln((1 + N) / (1 + df)) + 1, sklearn's `smooth_idf` (as if one more document held every
    /// word once): never 0, so a word in every document keeps a small weight.
    case smooth

    /// The idf of a word found in `df` (≥ 1) of `documents` documents.
    public func weight(documentFrequency df: Int, documents n: Int) -> Float {
        switch self {
        case .none: return 1
        case .plain: return Float(Foundation.log(Double(n) / Double(df)))
        case .smooth: return Float(Foundation.log(Double(1 + n) / Double(1 + df)) + 1)
        }
    }
}

/// Whether each document's column of weights is scaled to unit L2 length (Salton & Buckley's
/// "cosine normalization"), so that long documents do not outweigh short ones.
public enum DocumentNormalization: String, Codable, Sendable, CaseIterable {
    case l2
    case none
}

/// The documents and the weighting of a word × document tf-idf matrix, shared by `tfidf` and
/// `lsa`: entry (w, d) = tf(w, d) · idf(w), then each document column optionally scaled to unit
/// length. (idf weighs a whole word row, so on its own it does not change the cosine of two word
/// rows; it acts through the document normalisation and, for LSA, through the SVD.)
public struct TfIdfOptions: Codable, Sendable, Equatable {
    /// How the corpus is cut into documents (`--documents`, `--doc-size`).
    public var documents: DocumentMode = .lines
    public var tf: TermFrequency = .raw
    public var idf: InverseDocumentFrequency = .smooth
    public var documentNorm: DocumentNormalization = .l2

    public init() {}

    /// Throws `.invalidArgument` naming `--doc-size` for chunks of fewer than 1 token.
    public func validate() throws {
        if case .chunks(let n) = documents { try Check.range("--doc-size", n, 1...Int.max) }
    }

    /// Weighs a word × document count matrix in place: every stored count becomes tf · idf, then
    /// (with `.l2`) every column is divided by its L2 norm. Entries that become 0 (plain idf of a
    /// word in every document) stay stored as 0.
    public func weigh(_ counts: inout SparseMatrix) {
        let n = counts.columnCount
        let idf: [Float] = (0..<counts.rowCount).map { w in
            let df = counts.rowStarts[w + 1] - counts.rowStarts[w]
            return df == 0 ? 0 : self.idf.weight(documentFrequency: df, documents: n)
        }
        if tf != .raw { for p in counts.values.indices { counts.values[p] = tf.weight(counts.values[p]) } }
        counts.scaleRows(by: idf)
        if documentNorm == .l2 {
            var squares = [Float](repeating: 0, count: n)
            for (c, v) in zip(counts.columns, counts.values) { squares[Int(c)] += v * v }
            counts.scaleColumns(by: squares.map { $0 > 0 ? 1 / $0.squareRoot() : 0 })
        }
    }
}

/// `DocumentMode` in a config file as its command-line spelling (`"lines"`, `"chunks:1000"`).
extension DocumentMode {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let mode = DocumentMode(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected lines, paragraphs or chunks:N, found '\(text)'"))
        }
        self = mode
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
