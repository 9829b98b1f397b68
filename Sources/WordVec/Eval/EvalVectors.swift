/// What the evaluation commands read: any vector file wordvec reads, or a fastText model `.bin`
/// (recognised by its magic number), whose word vectors are evaluated and whose subword n-grams
/// can compose vectors for out-of-vocabulary words (`similarity --oov compose`).
public struct EvalVectors: Sendable {
    public let vectors: WordVectors
    /// Set for fastText models: composes vectors for unknown words.
    public let subwords: FastTextSubwords?

    public init(vectors: WordVectors, subwords: FastTextSubwords? = nil) {
        self.vectors = vectors
        self.subwords = subwords
    }

    public static func load(_ path: String, unicodeErrors: UnicodeErrors = .replace) throws -> EvalVectors {
        if FastTextSubwords.isModel(path) {
            let model = try FastTextSubwords(path: path)
            return EvalVectors(vectors: .dense(model.wordVectors()), subwords: model)
        }
        return EvalVectors(vectors: try VectorFileReader.read(path, unicodeErrors: unicodeErrors))
    }
}
