/// What a training run produces: the word vectors, optionally the context vectors, and the
/// per-epoch losses for the summary.
public struct TrainedModel: Sendable {
    public var vectors: WordVectors
    /// Context (output) vectors, for methods that have them (`--save-context`).
    public var context: Embeddings?
    public var vocabulary: Vocabulary
    /// Mean training loss of each epoch (empty for count methods).
    public var epochLosses: [Double]

    public init(vectors: WordVectors, context: Embeddings? = nil, vocabulary: Vocabulary, epochLosses: [Double] = []) {
        self.vectors = vectors
        self.context = context
        self.vocabulary = vocabulary
        self.epochLosses = epochLosses
    }
}
