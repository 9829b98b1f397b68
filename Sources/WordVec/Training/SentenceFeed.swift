import Foundation

/// Feeds the training threads their sentences (word ids) for every epoch. A seekable corpus
/// read by several threads is cut into byte ranges, one per thread, each replayed through a
/// `SentenceCache`; any other corpus (.zst, stdin, a directory, one thread) goes through one
/// `SharedSentenceReader`. The two close an epoch differently, and `Cursor` hides that.
final class SentenceFeed: @unchecked Sendable {
    let epochs: Int
    private let corpus: Corpus
    private let table: WordTable
    private let tokenizer: TokenizerOptions
    private let ranges: [Range<Int64>]?
    private let shared: SharedSentenceReader?

    init(corpus: Corpus, table: WordTable, tokenizer: TokenizerOptions, threads: Int, epochs: Int) throws {
        self.corpus = corpus
        self.table = table
        self.tokenizer = tokenizer
        self.epochs = epochs
        ranges = corpus.parallelRanges(threads: threads)
        shared = ranges == nil
            ? SharedSentenceReader(passes: epochs, cache: try SentenceCache { try SentenceReader(corpus: corpus, table: table, options: tokenizer) })
            : nil
    }

    /// Thread `t`'s view of the feed.
    func cursor(thread t: Int) throws -> Cursor {
        if let shared { return Cursor(shared: shared, own: nil, epochs: epochs) }
        let range = ranges?[t]
        let own = try SentenceCache { [corpus, table, tokenizer] in
            try SentenceReader(corpus: corpus, table: table, options: tokenizer, range: range)
        }
        return Cursor(shared: nil, own: own, epochs: epochs)
    }

    /// One thread's sentences over all epochs, telling when each of its epochs ends.
    struct Cursor {
        let shared: SharedSentenceReader?
        let own: SentenceCache?
        let epochs: Int
        /// The epoch the last sentence belongs to (0-based).
        private(set) var epoch = 0

        init(shared: SharedSentenceReader?, own: SentenceCache?, epochs: Int) {
            self.shared = shared
            self.own = own
            self.epochs = epochs
        }

        /// The next sentence into `sentence`; calls `epochEnded(e)` whenever this thread is done
        /// with epoch e. Returns false when every epoch is done.
        mutating func next(into sentence: inout [Int32], epochEnded: (Int) -> Void) throws -> Bool {
            let reader: SentenceSource = shared ?? own!
            while true {
                if !(try reader.next(into: &sentence)) {
                    epochEnded(epoch)
                    epoch += 1
                    if shared != nil || epoch >= epochs { return false }
                    try own?.restart()
                    continue
                }
                if let shared, shared.pass > epoch {
                    // The shared reader moved to the next pass: this thread's epoch is over.
                    epochEnded(epoch)
                    epoch = shared.pass
                }
                return true
            }
        }
    }
}
