/// What a vector file holds once read.
public enum WordVectors: Sendable {
    case dense(Embeddings)
    case sparse(SparseEmbeddings)

    public var words: [String] {
        switch self {
        case .dense(let e): return e.words
        case .sparse(let s): return s.words
        }
    }

    /// Word → row, byte-exact.
    public var index: WordIndex {
        switch self {
        case .dense(let e): return e.index
        case .sparse(let s): return s.index
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
