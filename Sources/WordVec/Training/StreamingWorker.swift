/// One thread of a streaming trainer (word2vec, fastText, Random Indexing): its own state and
/// scratch, kept apart from the shared weights, and the update for one sentence.
protocol StreamingWorker {
    /// Loss summed since the last epoch end, and the number of predictions it sums.
    var loss: Double { get set }
    var lossTerms: Int { get set }
    /// The thread's random generator (saved in checkpoints, so a resumed run draws on).
    var rng: FastRandom { get set }
    /// Trains on one sentence of word ids at learning rate `alpha`.
    mutating func train(sentence: [Int32], alpha: Float)
    /// Frees the scratch memory (called once, when the thread is done).
    func release()
}
