/// The one lookup surface of the evaluation commands: any vector file wordvec reads, or a
/// fastText model `.bin` (recognised by its content, see `FastTextModelReader.isModel`), whose
/// word vectors are evaluated and whose subword n-grams compose vectors for out-of-vocabulary words.
public struct VectorSet: Sendable {
    public let vectors: WordVectors
    /// Set for fastText models: composes vectors for unknown words.
    public let model: FastTextModel?

    public init(vectors: WordVectors, model: FastTextModel? = nil) {
        self.vectors = vectors
        self.model = model
    }

    /// Reads a vector file or a fastText model. Throws the reader's `WordVecError`s.
    public static func load(_ path: String, unicodeErrors: UnicodeErrors = .replace) throws -> VectorSet {
        if FastTextModelReader.isModel(path) {
            let model = try FastTextModelReader.read(path)
            return VectorSet(vectors: .dense(model.wordVectors()), model: model)
        }
        return VectorSet(vectors: try VectorFileReader.read(path, unicodeErrors: unicodeErrors))
    }

    /// Whether unknown words can be given vectors (`--oov compose`).
    public var canCompose: Bool { model != nil }

    /// The vector of row `i` (`dim` values; a sparse row expanded).
    public func row(_ i: Int) -> [Float] {
        switch vectors {
        case .dense(let e): return e.row(i)
        case .sparse(let s): return s.row(i)
        }
    }

    /// A vector for a word outside the rows, composed from its character n-grams (fastText
    /// models only; nil otherwise or when no n-gram of the word is in the model).
    public func composed(_ word: String) -> [Float]? { model?.vector(word) }

    /// The dense vectors followed by a composed vector for each of `words` that is not a row
    /// (each once); returns the words that could not be composed (no n-gram in the model).
    /// Throws `.invalidArgument` when the vectors are not a fastText model.
    public func addingComposed(_ words: [String]) throws -> (vectors: Embeddings, skipped: [String]) {
        guard let model else { throw WordVecError.invalidArgument("composing vectors for new words needs a fastText model (.bin); plain vector files cannot") }
        let e = vectors.dense
        var names = e.words, values = e.vectors, index = e.index, skipped: [String] = []
        for w in words where index[w] == nil {
            guard let v = model.vector(w) else { skipped.append(w); continue }
            index.insert(w, row: names.count)
            names.append(w)
            values += v
        }
        return (try Embeddings(words: names, dim: e.dim, vectors: values), skipped)
    }
}
