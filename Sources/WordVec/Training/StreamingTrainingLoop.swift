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
    /// predictions made, the epochs trained by this process (fewer after `--resume`) and their
    /// wall time in seconds.
    struct Outcome {
        var losses: [Double?]
        var predictions: Int
        var epochsRun: Int
        var seconds: Double
    }

    /// One thread's state between segments: its rng's words, its learning rate and the words
    /// since its last update of it (the worker itself is kept across segments too).
    private typealias ThreadState = CheckpointState.ThreadState

    /// Runs every epoch on `threads` threads, each with the worker `makeWorker(t)`: from the
    /// checkpoint when `checkpoints` restores one, and one epoch at a time (threads joined at
    /// each epoch end, where a checkpoint may be written) when it writes them. Throws
    /// `.interrupted` on Ctrl-C, the checkpoint's errors, and whatever the feed throws.
    func run<W: StreamingWorker>(_ makeWorker: @escaping (Int) -> W, checkpoints: Checkpointer? = nil) throws -> Outcome {
        let tally = LossTally(epochs: feed.epochs)
        let workers = PerThread<W?>(threads: threads) { nil }
        defer { for w in workers.values { w?.release() } }
        var start = CheckpointState()
        if let saved = try checkpoints?.restore(progress: progress) { start = saved }
        tally.restore(sums: start.lossSums, terms: start.lossTerms)
        let states = PerThread<ThreadState>(threads: threads) { ThreadState(rng: [], alpha: schedule.start, sinceUpdate: 0) }
        for t in 0..<threads {
            var worker = makeWorker(t)
            if t < start.threads.count, let rng = FastRandom(state: start.threads[t].rng) {
                worker.rng = rng
                states[t] = start.threads[t]
            }
            workers[t] = worker
        }
        let processed = Atomic<Int>(start.processedWords)
        let started = Date()
        var epoch = start.epochsDone
        while epoch < feed.epochs {
            let end = checkpoints?.writes == true ? epoch + 1 : feed.epochs
            try feed.begin(epochs: epoch..<end)
            try runOnThreads(threads) { t in
                var worker = workers[t]!
                var state = states[t]
                defer {
                    state.rng = worker.rng.state
                    workers[t] = worker
                    states[t] = state
                }
                try self.trainThread(t, worker: &worker, state: &state, processed: processed, tally: tally,
                                     from: start.processedWords, started: started)
            }
            try Interrupt.check()
            epoch = end
            let (sums, terms) = tally.snapshot()
            try checkpoints?.epochEnded(CheckpointState(epochsDone: epoch, lossSums: sums, lossTerms: terms,
                                                        processedWords: processed.load(ordering: .relaxed),
                                                        threads: states.values), progress: progress)
        }
        return Outcome(losses: tally.means(), predictions: tally.totalTerms, epochsRun: feed.epochs - start.epochsDone,
                       seconds: Date().timeIntervalSince(started))
    }

    /// One thread's share of the current segment: pulls its sentences, updates α every
    /// `LinearDecay.updateInterval` words (and checks Ctrl-C), tallies each epoch's loss.
    private func trainThread<W: StreamingWorker>(_ t: Int, worker: inout W, state: inout ThreadState, processed: borrowing Atomic<Int>,
                                                 tally: LossTally, from resumedWords: Int, started: Date) throws {
        var cursor = try feed.cursor(thread: t)
        var sentence: [Int32] = []
        while try cursor.next(into: &sentence, epochEnded: { epoch in
            tally.add(epoch: epoch, loss: worker.loss, terms: worker.lossTerms)
            worker.loss = 0
            worker.lossTerms = 0
        }) {
            state.sinceUpdate += sentence.count
            if state.sinceUpdate >= LinearDecay.updateInterval {
                let done = processed.add(state.sinceUpdate, ordering: .relaxed).newValue
                state.sinceUpdate = 0
                try Interrupt.check()
                try FiniteCheck.runningLoss(worker.loss, epoch: cursor.epoch, words: done, alpha: schedule.start)
                state.alpha = schedule.alpha(afterWords: done)
                if t == 0 {
                    report(done: done, trained: done - resumedWords, epoch: cursor.epoch, alpha: state.alpha, worker: worker, started: started)
                }
            }
            worker.train(sentence: sentence, alpha: state.alpha)
        }
    }

    private func report<W: StreamingWorker>(done: Int, trained: Int, epoch: Int, alpha: Float, worker: W, started: Date) {
        let secs = Date().timeIntervalSince(started)
        let loss = worker.lossTerms > 0 ? String(format: "%.4f", worker.loss / Double(worker.lossTerms)) : "n/a"
        progress.update(fraction: Double(done) / schedule.totalWords,
                        detail: String(format: "epoch %d/%d  alpha %.5f  %.0fk words/s/thread  loss %@",
                                       min(epoch + 1, feed.epochs), feed.epochs, alpha,
                                       Double(trained) / secs / Double(threads) / 1000, loss))
    }
}

extension StreamingTrainingLoop {
    /// The run every streaming trainer makes: a `SentenceFeed` over the vocabulary's words, α
    /// decaying over kept tokens × epochs, one worker per thread, the summary line (`detail`
    /// follows the vocabulary size), and the refusal of a run that made no prediction.
    static func train<W: StreamingWorker>(_ corpus: Corpus, vocabulary: Vocabulary, settings: VocabularySettings, threads: Int,
                                          epochs: Int, alpha: Double, detail: String = "", checkpoints: Checkpointer? = nil,
                                          progress: ProgressReporter, worker makeWorker: @escaping (Int) -> W) throws -> Outcome {
        let feed = try SentenceFeed(corpus: corpus, table: vocabulary.makeTable(), tokenizer: settings.tokenizer,
                                    threads: threads, epochs: epochs)
        let totalWords = Double(vocabulary.keptTokens) * Double(epochs)
        let loop = StreamingTrainingLoop(feed: feed, schedule: LinearDecay(start: Float(alpha), totalWords: totalWords),
                                         threads: threads, progress: progress)
        let outcome = try loop.run(makeWorker, checkpoints: checkpoints)
        let trainedWords = Double(vocabulary.keptTokens) * Double(outcome.epochsRun)
        progress.finish(String(format: "%d words x %d epochs, vocabulary %d%@, %.0fk words/s, loss by epoch %@",
                               vocabulary.keptTokens, epochs, vocabulary.count, detail, trainedWords / max(outcome.seconds, 1e-3) / 1000,
                               TrainedModel.lossText(outcome.losses)))
        try TrainingCheck.requirePredictions(outcome.predictions, corpus: corpus, vocabulary: vocabulary,
                                             readVocab: settings.readVocab, progress: progress)
        return outcome
    }
}
