import Foundation

/// Random Indexing (Kanerva, Kristofersson & Holst, "Random indexing of text samples for latent
/// semantic analysis", CogSci 2000; Sahlgren, "An introduction to random indexing", TKE 2005):
/// word w's vector is the sum, over every occurrence of w and every word c within `window`
/// positions, of 2^(1−distance) times c's random index vector (`IndexVectors`): a random
/// projection of the word × word co-occurrence matrix, built in one streaming pass without
/// ever forming that matrix. With `permutation`, the index vectors are rotated by the context
/// word's position (Sahlgren, Holst & Kanerva, "Permutations as a means to encode order in word
/// space", CogSci 2008).
///
/// Memory is the `vocabulary × dim` context matrix and `vocabulary × nonzeros` index positions,
/// whatever the corpus length (`stateBytes`). Threads share the context matrix through the
/// streaming loop (`StreamingTrainingLoop`, one pass).
public struct RandomIndexingTrainer: EmbeddingTrainer {
    public let config: RandomIndexingConfig

    public init(config: RandomIndexingConfig) { self.config = config }

    /// Bytes of the trainer's own state for a vocabulary of `words` words: the context matrix
    /// (rows padded to `RowKernels.stride`) and the index positions. Does not depend on the corpus.
    public func stateBytes(words: Int) -> Int {
        words * RowKernels.stride(for: config.dim) * MemoryLayout<Float>.size + words * config.nonzeros * MemoryLayout<Int32>.size
    }

    /// Dense `vocabulary.count × dim` context vectors. Throws `.invalidArgument` for bad options,
    /// `.invalidInput` when no sentence holds two in-vocabulary words, the corpus's reading errors
    /// and `.interrupted`.
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        let threads = max(1, c.threads)
        let context = try RowMatrix(rows: vocabulary.count, dim: c.dim)
        let index = IndexVectors(words: vocabulary.count, dim: c.dim, nonzeros: c.nonzeros, seed: c.seed)
        let subsampler = Subsampler(counts: vocabulary.counts, sample: c.sample)
        let feed = try SentenceFeed(corpus: corpus, table: vocabulary.makeTable(), tokenizer: c.vocabulary.tokenizer,
                                    threads: threads, epochs: 1)
        let loop = StreamingTrainingLoop(feed: feed, schedule: LinearDecay(start: 1, totalWords: Double(vocabulary.keptTokens)),
                                         threads: threads, progress: progress)
        let outcome = try loop.run { t in
            RandomIndexingWorker(context: context, index: index, subsampler: subsampler, config: c,
                                 seed: c.seed &+ 0x5EED &+ UInt64(t) &* 0x9E37_79B9)
        }
        progress.finish(String(format: "%d words, vocabulary %d, %.0fk words/s, %d context additions",
                               vocabulary.keptTokens, vocabulary.count, Double(vocabulary.keptTokens) / outcome.seconds / 1000,
                               outcome.predictions))
        try TrainingCheck.requirePredictions(outcome.predictions, corpus: corpus, vocabulary: vocabulary,
                                             readVocab: c.vocabulary.readVocab, progress: progress)
        return TrainedModel(vectors: .dense(try Embeddings(words: vocabulary.words, dim: c.dim, vectors: context.packed())),
                            vocabulary: vocabulary, config: c)
    }
}
