import Foundation
import Synchronization

/// Counts the weighted co-occurrence matrix X of a corpus within a memory budget
/// (the first stage of GloVe, Pennington et al. 2014 section 3; also PPMI's and HAL's input).
///
/// Semantics follow GloVe's cooccur.c: out-of-vocabulary tokens are dropped before windowing
/// (they do not take up window positions), each word pairs with the `window` in-vocabulary
/// words before it at distances d = 1...window, weighted 1/d by default; in symmetric mode each
/// such pair counts for both X_wc and X_cw. Line ends reset the window (as cooccur.c does);
/// unlike word2vec's readers, long lines are not cut, so a one-line corpus has no artificial
/// boundaries (except between the byte ranges of parallel threads). With `options.sample` > 0,
/// frequent tokens are subsampled as word2vec does, before windowing.
///
/// Memory: a dense block (`DenseRegion`) takes the frequent pairs, one add each; the other pairs
/// go to an occurrence buffer that is radix-sorted into runs; runs stay in memory up to a
/// budget and are then spilled to disk (`RunStore`). Counts are exact integers
/// (`CooccurrenceWeights`), so the result does not depend on how memory was split.
public struct CooccurrenceCounter {
    public var options: CooccurrenceOptions

    /// How `options.memoryBytes` is shared out (fractions of the budget).
    public struct Budget: Sendable {
        public var dense = 0.25
        /// Bytes of dense block per thread at most, whatever the budget: a block that fits in
        /// cache takes the hottest pairs; a big one is slower than sorted runs (measured on the
        /// benchmark corpus: 512 MiB blocks made counting 5x slower than 8 MiB ones, from page
        /// zeroing and cache and TLB misses on cells that are mostly zero).
        public var denseCapPerThread = 8 << 20
        public var buffers = 0.10
        public var runs = 0.25
        public init() {}
    }
    public var budget = Budget()

    public init(options: CooccurrenceOptions) { self.options = options }

    public func count(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter? = nil) throws -> CooccurrenceCounts {
        let v = vocabulary.count
        guard v > 0 else { throw WordVecError.emptyCorpus(corpus.name) }
        guard v <= CooccurrenceKey.maxWords else {
            throw WordVecError.invalidArgument("co-occurrence counting supports at most \(CooccurrenceKey.maxWords) words; the vocabulary has \(v) (raise --min-count or set --max-vocab)")
        }
        guard options.window >= 1, options.window <= 0xFFFF else {
            throw WordVecError.invalidArgument("--window must be between 1 and 65535")
        }
        try RunPhase.enter(.countingCooccurrences)
        // The buffers grow up to the budget; under `ulimit -v` a budget the limit cannot hold
        // would end in a failed allocation (a crash), so it is refused here with one line.
        try MemoryLimit.require(options.memoryBytes, for: "co-occurrence counting with --memory \(String(format: "%g", Double(options.memoryBytes) / 1e9)) GB",
                                hint: "lower --memory")
        progress?.beginPhase()
        let parallel = corpus.parallelRanges(threads: options.threads)
        let threads = parallel?.count ?? 1
        let memory = Double(max(options.memoryBytes, 1 << 20))
        let weights = CooccurrenceWeights(window: options.window, weighting: options.weighting)

        // Dense block: each thread has its own (summed at the end), so the budget is shared.
        let fullCells = options.symmetric ? v * (v + 1) / 2 : v * v
        let denseCells = min(fullCells, min(Int(memory * budget.dense) / threads, budget.denseCapPerThread) / 8)
        let region = DenseRegion(vocabularySize: v, maxCells: denseCells, triangle: options.symmetric)
        let bufferCapacity = max(1 << 14, Int(memory * budget.buffers) / 16 / threads)
        let fanIn = CooccurrenceCounter.fanIn(options.maxFanIn)
        let blockBytes = min(1 << 20, max(1 << 14, Int(memory * 0.05) / fanIn))
        let store = RunStore(memoryBudget: Int(memory * budget.runs), maxFanIn: fanIn,
                             blockBytes: blockBytes, parentDirectory: options.temporaryDirectory)

        let expectedTokens = max(vocabulary.keptTokens, 1)
        let processed = Atomic<Int>(0)
        store.onSpill = { spilled, spills, dir in
            guard let progress else { return }
            let done = Double(processed.load(ordering: .relaxed)) / Double(expectedTokens)
            if spills == 1 {
                // First spill: project the disk space from the share of the corpus read so far.
                let estimate = done > 0.01 ? Int(Double(spilled) / done) : 0
                var line = "cooccur: memory budget reached (--memory \(String(format: "%.2f", memory / 1e9)) GB); spilling sorted runs to \(dir.path)"
                if estimate > 0 { line += ", about \(estimate >> 20) MiB of temporary disk space needed" }
                if let free = dir.freeBytes {
                    line += " (\(free >> 20) MiB free)"
                    if estimate > free { line += "; warning: that may not be enough" }
                }
                progress.note(line)
            }
        }

        let table = vocabulary.makeTable()
        let subsampler = Subsampler(counts: vocabulary.counts, sample: options.sample)
        let ranges: [Range<Int64>?] = parallel ?? [nil]
        let blocks = ResultsBox<DenseCooccurrenceBlock>(count: threads)
        let tokenCounts = ResultsBox<Int>(count: threads)
        let opts = options
        try runOnThreads(threads) { t in
            let block = try DenseCooccurrenceBlock(region: region)
            let buffer = OccurrenceBuffer(capacity: bufferCapacity)
            let n = try CooccurrenceCounter.countRange(corpus, range: ranges[t], table: table, options: opts,
                                                       weights: weights.weights, subsampler: subsampler,
                                                       dense: block, buffer: buffer, store: store) { count in
                let total = processed.add(count, ordering: .relaxed).newValue
                if t == 0 {
                    progress?.update(fraction: Double(total) / Double(expectedTokens),
                                     detail: "counting co-occurrences, window \(opts.window)\(store.diskRunCount > 0 ? ", \(store.diskRunCount) runs spilled" : "")")
                }
            }
            if buffer.count > 0 { try store.add(buffer.makeRun(weights: weights.weights)) }
            blocks.set(t, .success(block))
            tokenCounts.set(t, .success(n))
        }
        let allBlocks = try blocks.values.map { try $0!.get() }
        let dense = allBlocks[0]
        for other in allBlocks.dropFirst() { dense.add(other) }
        let tokens = try tokenCounts.values.reduce(0) { $0 + (try $1!.get()) }
        // The note above speaks of counting; later spills (e.g. GloVe freeing memory for its records) are not counting.
        store.onSpill = nil
        return CooccurrenceCounts(vocabulary: vocabulary, options: options, weights: weights, tokens: tokens,
                                  dense: region.cellCount > 0 ? dense : nil, runs: store)
    }

    /// The merge fan-in: as asked, but leaving most of the open-file limit to the rest of the
    /// process (the reference's cooccur opens every overflow file at once and fails with
    /// "too many open files" on big corpora).
    static func fanIn(_ asked: Int) -> Int {
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < 1 << 30 {
            return max(2, min(asked, Int(limit.rlim_cur) / 2 - 8))
        }
        return max(2, asked)
    }

    /// Windows one byte range (or the whole corpus); returns the in-vocabulary tokens windowed
    /// (after subsampling). `report` gets in-vocabulary tokens read, subsampled or not.
    static func countRange(_ corpus: Corpus, range: Range<Int64>?, table: WordTable, options: CooccurrenceOptions,
                           weights: [UInt64], subsampler: Subsampler, dense: DenseCooccurrenceBlock,
                           buffer: OccurrenceBuffer, store: RunStore, report: (Int) -> Void) throws -> Int {
        let scanner = try TokenScanner(corpus: corpus, options: options.tokenizer, range: range)
        let window = options.window
        var ringSize = 1
        while ringSize < window + 1 { ringSize <<= 1 }
        let mask = ringSize - 1
        let history = UnsafeMutablePointer<Int>.allocate(capacity: ringSize)
        defer { history.deallocate() }
        let w = UnsafeMutablePointer<UInt64>.allocate(capacity: weights.count)
        defer { w.deallocate() }
        w.initialize(from: weights, count: weights.count)
        let columnEnd = dense.region.columnEnd
        let rowBase = dense.region.rowBase
        let cells = dense.cells.base
        let symmetric = options.symmetric
        var rng = FastRandom(seed: options.seed &+ UInt64(range?.lowerBound ?? 0))
        let subsampling = subsampler.enabled
        var position = 0      // tokens windowed so far (ring index)
        var inLine = 0        // tokens since the last line end
        var sinceReport = 0
        var tokens = 0
        loop: while true {
            switch try scanner.next() {
            case .token:
                let e = table.find(scanner.token)
                if e < 0 { continue }
                let c = table.values[e]
                sinceReport += 1
                if sinceReport == 1 << 16 {
                    try Interrupt.check()
                    report(sinceReport)
                    sinceReport = 0
                }
                if subsampling && !subsampler.keep(c, &rng) { continue }
                let m = min(inLine, window)
                var d = 1
                while d <= m {
                    let h = history[(position &- d) & mask]
                    let i = symmetric && h > c ? c : h
                    let j = symmetric && h > c ? h : c
                    if j < Int(columnEnd[i]) {
                        cells[rowBase[i] + j] &+= w[d]
                    } else {
                        buffer.append(i, j, distance: d)
                        if buffer.isFull { try store.add(buffer.makeRun(weights: weights)) }
                    }
                    d += 1
                }
                history[position & mask] = c
                position &+= 1
                inLine += 1
                tokens += 1
            case .lineEnd:
                inLine = 0
            case .end:
                break loop
            }
        }
        report(sinceReport)
        return tokens
    }
}
