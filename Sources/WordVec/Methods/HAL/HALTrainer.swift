import Foundation

/// HAL, the Hyperspace Analogue to Language (Lund & Burgess 1996): directed, distance-weighted
/// window counts (`CooccurrenceCounter` with left context only and weights window − d + 1), each
/// word's vector its left and right context counts (`HALMatrix`, V × 2V), reduced to `dim` by
/// keeping the columns of highest variance or by truncated SVD. Dense output, V × dim.
public struct HALTrainer: EmbeddingTrainer {
    public let config: HALConfig

    public init(config: HALConfig) { self.config = config }

    /// Throws `.invalidInput` when no two words co-occur, `.invalidArgument` when `--dim` exceeds
    /// the 2V columns (variance) or V (svd), `.lapack` from the SVD, and what counting throws.
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        let limit = c.reduce == .variance ? 2 * vocabulary.count : vocabulary.count
        guard c.dim <= limit else {
            throw WordVecError.invalidArgument("--dim \(c.dim) is more than the \(limit) \(c.reduce == .variance ? "context columns (2 per word)" : "words") of the vocabulary (lower --dim or --min-count)")
        }
        let started = Date()
        let hal: HALMatrix = try {
            let counts = try CooccurrenceCounter(options: c.cooccurrenceOptions).count(corpus, vocabulary: vocabulary, progress: progress)
            return HALMatrix(directed: try CooccurrenceMatrix(counts, threads: c.threads, progress: progress).counts)
        }()
        guard hal.directed.nonzeroCount > 0 else {
            throw WordVecError.invalidInput("\(corpus.name): nothing learned: no two in-vocabulary words occur within --window \(c.window) of each other")
        }
        progress.note(String(format: "hal: window %d, %d directed pairs (%.1f s)", c.window, hal.directed.nonzeroCount, Date().timeIntervalSince(started)))
        let vectors: DenseMatrix
        switch c.reduce {
        case .variance:
            vectors = hal.denseColumns(hal.highestVarianceColumns(c.dim))
        case .svd:
            vectors = try hal.svd(TruncatedSVD(rank: c.dim, seed: c.seed, threads: c.threads)).weightedLeftVectors(power: 1)
        }
        return try TrainedModel.dense(word: vectors.values, context: nil, choice: .word, vocabulary: vocabulary, dim: c.dim,
                                      epochLosses: [], config: c, divergenceHint: "the counts overflowed")
    }
}
