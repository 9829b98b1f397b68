import Foundation
import Synchronization

/// The epoch loop every streaming trainer shares: threads pull sentences from a `SentenceFeed`,
/// the learning rate decays linearly with the words processed (`LinearDecay`), losses are
/// tallied per epoch (`LossTally`), progress is drawn by thread 0, and Ctrl-C is checked every
/// `LinearDecay.updateInterval` words.
struct StreamingTrainingLoop {
    let feed: SentenceFeed
    let schedule: LinearDecay
    let threads: Int
    let progress: ProgressReporter

    /// What a run did: the mean loss of each epoch (nil for an epoch with no prediction), the
    /// predictions made, and the wall time in seconds.
    struct Outcome {
        var losses: [Double?]
        var predictions: Int
        var seconds: Double
    }

    /// Runs every epoch on `threads` threads, each with the worker `makeWorker(t)`. Throws
    /// `.interrupted` on Ctrl-C and whatever the feed throws.
    func run<W: StreamingWorker>(_ makeWorker: @escaping (Int) -> W) throws -> Outcome {
        let tally = LossTally(epochs: feed.epochs)
        let processed = Atomic<Int>(0)
        let started = Date()
        try runOnThreads(threads) { t in
            var worker = makeWorker(t)
            defer { worker.release() }
            var cursor = try feed.cursor(thread: t)
            var sentence: [Int32] = []
            var alpha = schedule.start
            var sinceUpdate = 0
            while try cursor.next(into: &sentence, epochEnded: { epoch in
                tally.add(epoch: epoch, loss: worker.loss, terms: worker.lossTerms)
                worker.loss = 0
                worker.lossTerms = 0
            }) {
                sinceUpdate += sentence.count
                if sinceUpdate >= LinearDecay.updateInterval {
                    let done = processed.add(sinceUpdate, ordering: .relaxed).newValue
                    sinceUpdate = 0
                    try Interrupt.check()
                    try FiniteCheck.runningLoss(worker.loss, epoch: cursor.epoch, words: done, alpha: schedule.start)
                    alpha = schedule.alpha(afterWords: done)
                    if t == 0 { report(done: done, epoch: cursor.epoch, alpha: alpha, worker: worker, started: started) }
                }
                worker.train(sentence: sentence, alpha: alpha)
            }
        }
        try Interrupt.check()
        return Outcome(losses: tally.means(), predictions: tally.totalTerms, seconds: Date().timeIntervalSince(started))
    }

    private func report<W: StreamingWorker>(done: Int, epoch: Int, alpha: Float, worker: W, started: Date) {
        let secs = Date().timeIntervalSince(started)
        let loss = worker.lossTerms > 0 ? String(format: "%.4f", worker.loss / Double(worker.lossTerms)) : "n/a"
        progress.update(fraction: Double(done) / schedule.totalWords,
                        detail: String(format: "epoch %d/%d  alpha %.5f  %.0fk words/s/thread  loss %@",
                                       min(epoch + 1, feed.epochs), feed.epochs, alpha,
                                       Double(done) / secs / Double(threads) / 1000, loss))
    }
}

extension StreamingTrainingLoop {
    /// The run every streaming trainer makes: a `SentenceFeed` over the vocabulary's words, α
    /// decaying over kept tokens × epochs, one worker per thread, the summary line (`detail`
    /// follows the vocabulary size), and the refusal of a run that made no prediction.
    static func train<W: StreamingWorker>(_ corpus: Corpus, vocabulary: Vocabulary, settings: VocabularySettings, threads: Int,
                                          epochs: Int, alpha: Double, detail: String = "", progress: ProgressReporter,
                                          worker makeWorker: @escaping (Int) -> W) throws -> Outcome {
        let feed = try SentenceFeed(corpus: corpus, table: vocabulary.makeTable(), tokenizer: settings.tokenizer,
                                    threads: threads, epochs: epochs)
        let totalWords = Double(vocabulary.keptTokens) * Double(epochs)
        let loop = StreamingTrainingLoop(feed: feed, schedule: LinearDecay(start: Float(alpha), totalWords: totalWords),
                                         threads: threads, progress: progress)
        let outcome = try loop.run(makeWorker)
        progress.finish(String(format: "%d words x %d epochs, vocabulary %d%@, %.0fk words/s, loss by epoch %@",
                               vocabulary.keptTokens, epochs, vocabulary.count, detail, totalWords / outcome.seconds / 1000,
                               TrainedModel.lossText(outcome.losses)))
        try TrainingCheck.requirePredictions(outcome.predictions, corpus: corpus, vocabulary: vocabulary,
                                             readVocab: settings.readVocab, progress: progress)
        return outcome
    }
}
