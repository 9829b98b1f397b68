/// What a training run produces: the word vectors, optionally the context vectors, and the
/// per-epoch losses for the summary.
public struct TrainedModel: Sendable {
    public var vectors: LoadedVectors
    /// Context (output) vectors, for methods that have them (`--save-context`).
    public var context: Embeddings?
    public var vocabulary: Vocabulary
    /// Mean training loss of each epoch (empty for count methods).
    public var epochLosses: [Double]

    public init(vectors: LoadedVectors, context: Embeddings? = nil, vocabulary: Vocabulary, epochLosses: [Double] = []) {
        self.vectors = vectors
        self.context = context
        self.vocabulary = vocabulary
        self.epochLosses = epochLosses
    }
}

/// One protocol for every method: options in, vectors out. A trainer never queries vectors.
public protocol EmbeddingTrainer {
    associatedtype Config: Codable
    var config: Config { get }
    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel
}

/// Which trained matrix a predictive method writes.
public enum VectorChoice: String, Codable, Sendable, CaseIterable {
    /// The input (word) vectors: what word2vec and fastText write.
    case word
    /// The output (context) vectors.
    case context
    /// W + C, which Levy, Goldberg & Dagan (2015) and GloVe found helps on similarity tasks.
    case sum
}
