import Foundation

/// Feeds the training threads their sentences (word ids), one run of consecutive epochs (a
/// segment: all of them, or one at a time when checkpoints are taken) after another. A
/// seekable corpus read by several threads is cut into byte ranges, one per thread, each
/// replayed through a `SentenceCache`; any other corpus (.zst, stdin, a directory, one thread)
/// goes through one `SharedSentenceReader`. The caches live across segments, so the corpus is
/// tokenized once. The two close an epoch differently, and `Cursor` hides that.
final class SentenceFeed: @unchecked Sendable {
    let epochs: Int
    private let corpus: Corpus
    private let table: WordTable
    private let tokenizer: TokenizerOptions
    private let ranges: [Range<Int64>]?
    private let sharedCache: SentenceCache?
    private var shared: SharedSentenceReader?
    private let own: PerThread<SentenceCache?>
    private var segment = 0..<0
    private var segmentsBegun = 0

    init(corpus: Corpus, table: WordTable, tokenizer: TokenizerOptions, threads: Int, epochs: Int) throws {
        self.corpus = corpus
        self.table = table
        self.tokenizer = tokenizer
        self.epochs = epochs
        ranges = corpus.parallelRanges(threads: threads)
        own = PerThread(threads: threads) { nil }
        sharedCache = ranges == nil
            ? try SentenceCache { try SentenceReader(corpus: corpus, table: table, options: tokenizer) }
            : nil
    }

    /// Starts the segment of epochs `range` (call before the threads take their cursors).
    func begin(epochs range: Range<Int>) throws {
        segment = range
        if let sharedCache {
            if segmentsBegun > 0 { try sharedCache.restart() }
            shared = SharedSentenceReader(passes: range.count, cache: sharedCache)
        }
        segmentsBegun += 1
    }

    /// Thread `t`'s view of the current segment.
    func cursor(thread t: Int) throws -> Cursor {
        if let shared { return Cursor(shared: shared, own: nil, epochs: segment) }
        if let cache = own[t] {
            try cache.restart()
            return Cursor(shared: nil, own: cache, epochs: segment)
        }
        let range = ranges?[t]
        let cache = try SentenceCache { [corpus, table, tokenizer] in
            try SentenceReader(corpus: corpus, table: table, options: tokenizer, range: range)
        }
        own[t] = cache
        return Cursor(shared: nil, own: cache, epochs: segment)
    }

    /// One thread's sentences over the epochs of a segment, telling when each of its epochs ends.
    struct Cursor {
        let shared: SharedSentenceReader?
        let own: SentenceCache?
        let epochs: Range<Int>
        /// The epoch the last sentence belongs to (0-based, counted from the run's first epoch).
        private(set) var epoch: Int

        init(shared: SharedSentenceReader?, own: SentenceCache?, epochs: Range<Int>) {
            self.shared = shared
            self.own = own
            self.epochs = epochs
            epoch = epochs.lowerBound
        }

        /// The next sentence into `sentence`; calls `epochEnded(e)` whenever this thread is done
        /// with epoch e. Returns false when every epoch of the segment is done.
        mutating func next(into sentence: inout [Int32], epochEnded: (Int) -> Void) throws -> Bool {
            let reader: SentenceSource = shared ?? own!
            while true {
                if !(try reader.next(into: &sentence)) {
                    epochEnded(epoch)
                    epoch += 1
                    if shared != nil || epoch >= epochs.upperBound { return false }
                    try own?.restart()
                    continue
                }
                if let shared, epochs.lowerBound + shared.pass > epoch {
                    // The shared reader moved to the next pass: this thread's epoch is over.
                    epochEnded(epoch)
                    epoch = epochs.lowerBound + shared.pass
                }
                return true
            }
        }
    }
}
