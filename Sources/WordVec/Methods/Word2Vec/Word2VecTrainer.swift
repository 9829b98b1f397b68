import Foundation
import Synchronization

/// word2vec: skip-gram or CBOW, negative sampling and/or hierarchical softmax, trained with
/// lock-free threads (Hogwild) that each stream their own part of the corpus every epoch.
public struct Word2VecTrainer: EmbeddingTrainer {
    public let config: Word2VecConfig

    public init(config: Word2VecConfig) { self.config = config }

    public func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        let counter = VocabularyCounter(options: config.tokenizer, minCount: config.minCount,
                                        maxVocab: config.maxVocab, threads: config.threads)
        let counted = try counter.count(corpus)
        if let w = counted.warnings.summary { progress.note(w) }
        let vocabulary = counted.vocabulary
        guard vocabulary.count > 0 else { throw WordVecError.emptyCorpus(corpus.name) }
        return try train(corpus, vocabulary: vocabulary, progress: progress)
    }

    /// Trains with a given vocabulary (rows in its order).
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        let c = config
        let v = vocabulary.count
        let threads = max(1, c.threads)
        var initRng = FastRandom(seed: c.seed)
        let input = RowMatrix(rows: v, dim: c.dim)
        input.randomize(&initRng)
        let output = RowMatrix(rows: c.negative > 0 ? v : 0, dim: c.dim)
        let tree = c.hierarchicalSoftmax ? HuffmanTree(counts: vocabulary.counts) : nil
        let inner = tree.map { RowMatrix(rows: $0.innerCount, dim: c.dim) }
        let noise = NoiseDistribution(counts: vocabulary.counts)
        let subsampler = Subsampler(counts: vocabulary.counts, sample: c.sample)
        let sigmoid = SigmoidTable()
        let table = vocabulary.makeTable()

        let wordsPerEpoch = vocabulary.keptTokens
        let totalWords = Double(wordsPerEpoch) * Double(c.epochs)
        let processed = Atomic<Int>(0)
        let epochLoss = LossTally(epochs: c.epochs)
        let startAlpha = Float(c.alpha)
        let minAlpha = startAlpha * 1e-4
        let started = Date()

        // Seekable corpora: thread i reads byte range i every epoch. Others: one shared reader.
        let ranges: [Range<Int64>]? = corpus.isSeekable && threads > 1 ? corpus.byteRanges(threads) : nil
        let shared: SharedSentenceReader? = ranges == nil
            ? SharedSentenceReader(passes: c.epochs, cache: try SentenceCache { try SentenceReader(corpus: corpus, table: table, options: c.tokenizer) })
            : nil

        try runOnThreads(threads) { t in
            var worker = Word2VecWorker(input: input, output: output, inner: inner, negative: c.negative, window: c.window,
                                        noise: noise, tree: tree, sigmoid: sigmoid, seed: c.seed &+ UInt64(t) &* 0x9E37_79B9)
            defer { worker.release() }
            var sentence: [Int32] = []
            var kept: [Int32] = []
            kept.reserveCapacity(c.tokenizer.maxSentenceLength)
            var contexts = [Int32](repeating: 0, count: 2 * c.window)
            var alpha = startAlpha
            var sinceUpdate = 0
            var epoch = 0
            let own: SentenceCache? = shared == nil
                ? try SentenceCache { try SentenceReader(corpus: corpus, table: table, options: c.tokenizer, range: ranges?[t]) }
                : nil
            let reader: SentenceSource = shared ?? own!
            while true {
                if !(try reader.next(into: &sentence)) {
                    epochLoss.add(epoch: epoch, loss: worker.loss, terms: worker.lossTerms)
                    worker.loss = 0; worker.lossTerms = 0
                    epoch += 1
                    if shared != nil || epoch >= c.epochs { break }
                    try own?.restart()
                    continue
                }
                if let shared, shared.pass > epoch {
                    // The shared reader moved to the next pass: close this thread's tally for the epoch.
                    epochLoss.add(epoch: epoch, loss: worker.loss, terms: worker.lossTerms)
                    worker.loss = 0; worker.lossTerms = 0
                    epoch = shared.pass
                }
                sinceUpdate += sentence.count
                if sinceUpdate >= 10_000 {
                    let done = processed.add(sinceUpdate, ordering: .relaxed).newValue
                    sinceUpdate = 0
                    try Interrupt.check()
                    alpha = max(startAlpha * Float(1 - Double(done) / (totalWords + 1)), minAlpha)
                    if t == 0 {
                        let secs = Date().timeIntervalSince(started)
                        let lossNow = worker.lossTerms > 0 ? worker.loss / Double(worker.lossTerms) : 0
                        progress.update(fraction: Double(done) / totalWords,
                                        detail: String(format: "epoch %d/%d  alpha %.5f  %.0fk words/s/thread  loss %.4f",
                                                       min(epoch + 1, c.epochs), c.epochs, alpha, Double(done) / secs / Double(threads) / 1000, lossNow))
                    }
                }
                // Subsample, then slide the (randomly shrunk) window over what is kept.
                kept.removeAll(keepingCapacity: true)
                for w in sentence where subsampler.keep(Int(w), &worker.rng) { kept.append(w) }
                let n = kept.count
                if n < 2 { continue }
                kept.withUnsafeBufferPointer { ids in
                    if c.architecture == .cbow {
                        worker.cbowSentence(ids, window: c.window, alpha: alpha, useNegative: c.negative > 0,
                                            useHierarchical: c.hierarchicalSoftmax)
                        return
                    }
                    contexts.withUnsafeMutableBufferPointer { ctx in
                        // Negative sampling: each step's targets are drawn (and their rows prefetched) one step ahead.
                        let prepare = c.negative > 0
                        if prepare { worker.prepareTargets(center: ids[0], incoming: -1) }
                        for pos in 0..<n {
                            let b = c.window - worker.rng.next(below: c.window)   // effective window 1...window
                            var k = 0
                            for q in max(0, pos - b)...min(n - 1, pos + b) where q != pos {
                                ctx[k] = ids[q]; k += 1
                            }
                            if prepare { worker.skipGramNegative(contexts: ctx.baseAddress!, k: k, alpha: alpha) }
                            if c.hierarchicalSoftmax { worker.skipGramHierarchical(center: ids[pos], contexts: ctx.baseAddress!, k: k, alpha: alpha) }
                            if prepare && pos + 1 < n {
                                worker.prepareTargets(center: ids[pos + 1], incoming: pos + 1 + c.window < n ? ids[pos + 1 + c.window] : -1)
                            }
                        }
                    }
                }
            }
        }
        try Interrupt.check()

        let losses = epochLoss.means()
        let seconds = Date().timeIntervalSince(started)
        progress.finish(String(format: "%d words x %d epochs, vocabulary %d, %.0fk words/s, loss by epoch %@",
                               wordsPerEpoch, c.epochs, v, totalWords / seconds / 1000,
                               losses.map { String(format: "%.4f", $0) }.joined(separator: " ")))
        let words = input.packed()
        if words.contains(where: { !$0.isFinite }) || !(losses.last ?? 0).isFinite {
            throw WordVecError.diverged("training diverged (the vectors hold NaN or Inf); lower --alpha (it is \(c.alpha))")
        }
        let context = c.negative > 0 ? output.packed() : nil
        var chosen: [Float]
        switch c.output {
        case .word: chosen = words
        case .context:
            guard let context else { throw WordVecError.invalidArgument("--vectors context needs negative sampling (hierarchical softmax has no per-word output rows)") }
            chosen = context
        case .sum:
            guard let context else { throw WordVecError.invalidArgument("--vectors sum needs negative sampling") }
            chosen = zip(words, context).map { $0 + $1 }
        }
        let vectors = try Embeddings(words: vocabulary.words, dim: c.dim, vectors: chosen)
        let contextVectors = try context.map { try Embeddings(words: vocabulary.words, dim: c.dim, vectors: $0) }
        return TrainedModel(vectors: .dense(vectors), context: contextVectors, vocabulary: vocabulary, epochLosses: losses)
    }
}
