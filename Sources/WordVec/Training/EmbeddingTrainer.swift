
/// One protocol for every method: options in, vectors out. A trainer never queries vectors.
public protocol EmbeddingTrainer {
    associatedtype Config: Codable
    var config: Config { get }
    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel
}
