/// What a training run produces: the word vectors (dense or sparse), optionally the context
/// vectors and a model artefact, the vocabulary, the per-epoch losses and the config that made it.
public struct TrainedModel: Sendable {
    public var vectors: WordVectors
    /// Context (output) vectors, for methods that have them (`--save-context`).
    public var context: Embeddings?
    public var vocabulary: Vocabulary
    /// Mean training loss of each epoch; nil for an epoch that trained on nothing (empty for
    /// count methods).
    public var epochLosses: [Double?]
    /// The options of the run (written as OUTPUT.config.json).
    public var config: any TrainerConfig
    /// More than the word vectors, for methods that have it (fastText model, SVD factors).
    public var artifact: (any ModelArtifact)?

    public init(vectors: WordVectors, context: Embeddings? = nil, vocabulary: Vocabulary, epochLosses: [Double?] = [],
                config: any TrainerConfig, artifact: (any ModelArtifact)? = nil) {
        self.vectors = vectors
        self.context = context
        self.vocabulary = vocabulary
        self.epochLosses = epochLosses
        self.config = config
        self.artifact = artifact
    }

    /// Packages the dense word and context matrices (vocabulary.count × dim, row-major) of a
    /// predictive method: checks they are finite (else `.diverged` with `hint`), picks the
    /// written vectors by `choice`, and keeps the context vectors for `--save-context`.
    public static func dense(word: [Float], context: [Float]?, choice: VectorChoice, vocabulary: Vocabulary, dim: Int,
                             epochLosses: [Double?], config: any TrainerConfig, divergenceHint: String) throws -> TrainedModel {
        let finite = word.allSatisfy { $0.isFinite } && (context?.allSatisfy { $0.isFinite } ?? true)
        guard finite else { throw WordVecError.diverged("\(config.method): training diverged (the vectors hold NaN or Inf); \(divergenceHint)") }
        let chosen = try choice.select(word: word, context: context)
        return TrainedModel(vectors: .dense(try Embeddings(words: vocabulary.words, dim: dim, vectors: chosen)),
                            context: try context.map { try Embeddings(words: vocabulary.words, dim: dim, vectors: $0) },
                            vocabulary: vocabulary, epochLosses: epochLosses, config: config)
    }

    /// "0.1234 0.1100 n/a": the per-epoch losses for summary lines.
    public static func lossText(_ losses: [Double?]) -> String {
        losses.map { $0.map { String(format: "%.4f", $0) } ?? "n/a" }.joined(separator: " ")
    }
}
