import Foundation
import Synchronization

/// GloVe (Pennington, Socher & Manning 2014): count the weighted co-occurrence matrix X, then
/// fit w_i·w~_j + b_i + b~_j ≈ log X_ij by weighted least squares,
///   J = Σ_{X_ij > 0} f(X_ij) (w_i·w~_j + b_i + b~_j − log X_ij)²,  f(x) = min(1, (x/x_max)^α),
/// with AdaGrad over the shuffled non-zero entries, lock-free threads (Hogwild) sharing the
/// parameters. The four stages of the reference (vocab_count, cooccur, shuffle, glove) run in
/// one process here, within `--memory` for the counts and records.
public struct GloVeTrainer: EmbeddingTrainer {
    public let config: GloVeConfig
    /// When to write checkpoints and whether to resume from one (nil: neither). A resumed run
    /// counts the co-occurrences again (they are not saved), then goes on with the saved epochs.
    public var checkpoint: CheckpointPolicy?

    public init(config: GloVeConfig) { self.config = config }

    public init(config: GloVeConfig, checkpoint: CheckpointPolicy?) {
        self.config = config
        self.checkpoint = checkpoint
    }

    /// An epoch whose mean cost exceeds this many times the cost of all-zero vectors has diverged
    /// (random small start vectors cost about as much as zero ones, and a working fit goes down).
    static let divergenceGrowth = 10.0

    /// `--memory`, but at most three quarters of the machine's RAM (asking for more would only
    /// trade spilling for swapping). Results do not depend on it.
    public var memoryBudget: Int {
        min(config.memoryBytes, Int(ProcessInfo.processInfo.physicalMemory / 4 * 3))
    }

    /// The co-occurrence options this configuration implies.
    public var cooccurrenceOptions: CooccurrenceOptions {
        var o = CooccurrenceOptions(window: config.window, symmetric: config.symmetric, weighting: .harmonic,
                                    memoryBytes: memoryBudget, threads: config.threads, tokenizer: config.vocabulary.tokenizer)
        o.maxFanIn = config.maxFanIn
        o.temporaryDirectory = config.temporaryDirectory
        return o
    }

    /// Trains with a given vocabulary (rows in its order).
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        let checkpoints = try Checkpointer.make(checkpoint, config: c, corpus: corpus, vocabulary: vocabulary, epochs: c.epochs)
        if memoryBudget < c.memoryBytes {
            progress.note(String(format: "glove: --memory %.1f GB is more than 3/4 of this machine's memory; using %.1f GB",
                                 Double(c.memoryBytes) / 1e9, Double(memoryBudget) / 1e9))
        }
        // Stages 1 and 2 in a scope of their own, so the counts (dense block, runs) are freed
        // before training allocates the model.
        let records: GloVeRecordStore = try {
            let started = Date()
            let counts = try CooccurrenceCounter(options: cooccurrenceOptions).count(corpus, vocabulary: vocabulary, progress: progress)
            progress.note(String(format: "glove: counted %d tokens, window %d%@: %d dense + %d run entries%@ (%.1f s)",
                                 counts.tokens, c.window, c.symmetric ? "" : " (left context only)",
                                 counts.denseEntries, counts.runEntries,
                                 counts.hasSpilled ? ", \(counts.spilledBytes >> 20) MiB spilled" : "", Date().timeIntervalSince(started)))
            return try makeRecords(counts, progress: progress)
        }()
        guard records.count > 0 else {
            throw WordVecError.invalidInput("\(corpus.name): nothing to train on: no co-occurrences (every line holds a single in-vocabulary word?)")
        }
        TrainingCheck.warnIfFew(records.count, "co-occurrence records", vocabulary: vocabulary, progress: progress)
        try RunPhase.enter(.training)
        let fitted = try fit(records, words: vocabulary.count, checkpoints: checkpoints, progress: progress)
        return try TrainedModel.dense(word: fitted.model.vectors(.word), context: fitted.model.vectors(.context), choice: c.output,
                                      vocabulary: vocabulary, dim: c.dim, epochLosses: fitted.losses, config: c,
                                      divergenceHint: "lower --eta (now \(c.eta))")
    }

    /// One AdaGrad pass over the buckets in this epoch's order, on `threads` threads; returns the
    /// summed cost. Thread 0 calls `report(records done in this epoch)`. Throws `.diverged` when
    /// a bucket's cost is not finite (the other threads stop at their next bucket).
    func trainEpoch(_ epoch: Int, records: GloVeRecordStore, model: GloVeModel, threads: Int,
                    report: @escaping (Int) -> Void) throws -> Double {
        let order = records.bucketOrder(epoch: epoch)
        let done = Atomic<Int>(0)
        let buffers = PerThread<[GloVeRecord]>(threads: threads) { [] }
        let costs = PerThread<Double>(threads: threads) { 0 }
        let eta = config.eta
        try parallelFor(order.count, threads: threads) { k, t in
            try Interrupt.check()
            var partial = 0.0
            try buffers.withSlot(t) { buffer in
                try records.withRecords(inBucket: order[k], buffer: &buffer) { span in partial += model.train(span) }
            }
            guard partial.isFinite else {
                throw WordVecError.diverged(String(format: "glove: training diverged in epoch %d (the cost became %@); lower --eta (now %g)",
                                                   epoch + 1, partial.isNaN ? "NaN" : "infinite", eta))
            }
            costs[t] += partial
            let n = done.add(records.records(inBucket: order[k]), ordering: .relaxed).newValue
            if t == 0 { report(n) }
        }
        return costs.values.reduce(0.0, +)
    }

    /// Buckets for the record shuffle: from an upper bound on the records that depends on the
    /// corpus only (never on memory), so every memory setting shuffles the same way.
    static func bucketCount(tokens: Int, window: Int, words: Int, symmetric: Bool) -> Int {
        let bound = min(words * words, (symmetric ? 2 : 1) * tokens * window)
        return max(1, (bound + (1 << 20) - 1) >> 20)
    }

    /// Stage 2: streams the merged counts into shuffled records, in memory when they fit the budget.
    package func makeRecords(_ counts: CooccurrenceCounts, progress: ProgressReporter) throws -> GloVeRecordStore {
        let c = config
        let started = Date()
        let bound = (c.symmetric ? 2 : 1) * counts.storedEntryBound
        let recordBytes = bound * MemoryLayout<GloVeRecord>.stride
        var inMemory = counts.memoryBytes + recordBytes <= memoryBudget
        if !inMemory && counts.inMemoryRunBytes > 0 {
            // Free the memory runs (they go to disk) and try again.
            try counts.spillMemoryRuns()
            inMemory = counts.memoryBytes + recordBytes <= memoryBudget
        }
        let buckets = GloVeTrainer.bucketCount(tokens: counts.tokens, window: c.window, words: counts.vocabulary.count, symmetric: c.symmetric)
        var scratch: ScratchDirectory?
        var chunk = 4096
        if !inMemory {
            scratch = try counts.scratchDirectory()
            // Pending chunks (one per bucket) share a quarter of the budget.
            while chunk > 64 && buckets * chunk * MemoryLayout<GloVeRecord>.stride > memoryBudget / 4 { chunk >>= 1 }
            var line = "glove: \(bound) records at most (\(recordBytes >> 20) MiB) exceed --memory; writing them to \(scratch!.path)"
            if let free = scratch!.freeBytes {
                line += " (\(free >> 20) MiB free)"
                if recordBytes > free { line += "; warning: that may not be enough disk space" }
            }
            progress.note(line)
        }
        let store = try GloVeRecordStore(buckets: buckets, seed: c.seed, inMemory: inMemory, chunkRecords: chunk, directory: scratch)
        let xMax = c.xMax, alpha = c.weightPower
        try counts.forEachCell(progress: progress) { i, j, x in
            // f(x) of equation (9): (x / x_max)^alpha below x_max, 1 above.
            let weight = x < xMax ? Float(pow(x / xMax, alpha)) : 1
            try store.append(GloVeRecord(word: Int32(i), context: Int32(j), logCount: Float(log(x)), weight: weight))
        }
        counts.removeTemporaryFiles()
        try store.finish(threads: c.threads)
        progress.note(String(format: "glove: %d records (%d MiB) in %d shuffled buckets, %@ (%.1f s)",
                             store.count, store.byteCount >> 20, buckets, inMemory ? "in memory" : "on disk",
                             Date().timeIntervalSince(started)))
        return store
    }

    /// Stage 3 without checkpoints.
    package func fit(_ records: GloVeRecordStore, words: Int, progress: ProgressReporter) throws -> (model: GloVeModel, losses: [Double?]) {
        try fit(records, words: words, checkpoints: nil, progress: progress)
    }

    /// Stage 3: AdaGrad epochs over the records (from the checkpoint `checkpoints` restores, if
    /// any, writing those it asks for); returns the model and the mean cost of each epoch.
    func fit(_ records: GloVeRecordStore, words: Int, checkpoints: Checkpointer?,
             progress: ProgressReporter) throws -> (model: GloVeModel, losses: [Double?]) {
        let c = config
        let model = try GloVeModel(words: words, dim: c.dim, eta: Float(c.eta), gradientClip: Float(c.gradientClip), seed: c.seed)
        checkpoints?.sections = model.checkpointSections
        let resumed = try checkpoints?.restore(progress: progress)
        let threads = max(1, c.threads)
        let total = Double(records.count) * Double(c.epochs)
        var losses = resumed?.losses ?? []
        let first = resumed?.epochsDone ?? 0
        let started = Date()
        progress.beginPhase()
        for epoch in first..<c.epochs {
            let previous = losses.last ?? nil
            let sum = try trainEpoch(epoch, records: records, model: model, threads: threads) { done in
                let fraction = (Double(epoch) * Double(records.count) + Double(done)) / total
                let rate = (fraction * total - Double(first) * Double(records.count)) / max(Date().timeIntervalSince(started), 1e-3)
                progress.update(fraction: fraction, detail: String(format: "epoch %d/%d  loss %@  %.1fM records/s",
                    epoch + 1, c.epochs, previous.map { String(format: "%.4f", $0) } ?? "-", rate / 1e6))
            }
            let cost = sum / Double(records.count)
            if cost > GloVeTrainer.divergenceGrowth * max(records.zeroVectorCost, 1e-6) {
                // Finite but exploding: AdaGrad overshoots (a huge --eta); the vectors are noise.
                throw WordVecError.diverged(String(format: "glove: training diverged in epoch %d (cost %.4g, against %.4g for all-zero vectors); lower --eta (now %g)",
                                                   epoch + 1, cost, records.zeroVectorCost, c.eta))
            }
            losses.append(cost)
            try checkpoints?.epochEnded(CheckpointState(epochsDone: epoch + 1, lossSums: losses.map { $0 ?? 0 },
                                                        lossTerms: losses.map { _ in 1 }), progress: progress)
        }
        let seconds = Date().timeIntervalSince(started)
        let trained = Double(records.count) * Double(c.epochs - first)
        progress.finish(String(format: "%d words, %d records x %d epochs, %.1fM records/s, training %.1f s, loss by epoch %@",
                               words, records.count, c.epochs, trained / max(seconds, 1e-3) / 1e6, seconds,
                               TrainedModel.lossText(losses)))
        return (model, losses)
    }
}
