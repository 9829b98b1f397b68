/// The vector file formats wordvec reads and writes (see docs/formats.md).
public enum VectorFormat: String, Codable, Sendable, CaseIterable {
    /// word2vec/fastText text: `N D` header, then `word v1 … vD` lines.
    case vec
    /// word2vec binary: `N D` header line, then `word` + space + D little-endian float32 (+ newline).
    case bin
    /// GloVe text: like `.vec` without the header line.
    case glove
    /// Sparse text: `N D sparse` header, then `word i:v i:v …` with increasing indices.
    case sparse

    /// The format implied by a file name (`.bin` binary, `.sparse` sparse, `.txt` GloVe, else `.vec`).
    public static func fromExtension(_ path: String) -> VectorFormat {
        if path.hasSuffix(".bin") { return .bin }
        if path.hasSuffix(".sparse") { return .sparse }
        if path.hasSuffix(".txt") { return .glove }
        return .vec
    }
}

/// What a vector file holds once read.
public enum LoadedVectors: Sendable {
    case dense(Embeddings)
    case sparse(SparseEmbeddings)

    public var words: [String] {
        switch self {
        case .dense(let e): return e.words
        case .sparse(let s): return s.words
        }
    }

    public var dim: Int {
        switch self {
        case .dense(let e): return e.dim
        case .sparse(let s): return s.dim
        }
    }

    /// Dense vectors (sparse ones are expanded, which suits their usual vocabulary sizes only).
    public var dense: Embeddings {
        switch self {
        case .dense(let e): return e
        case .sparse(let s): return s.dense()
        }
    }
}
