import Foundation

/// Counts the word types of a corpus in one streaming pass (in parallel byte ranges when the
/// corpus is a single plain file), with word2vec's pruning to bound memory.
public struct VocabularyCounter {
    public struct Result {
        public var vocabulary: Vocabulary
        /// Tokens read (what `wc -w` counts for whitespace tokenization).
        public var tokens: Int
        /// Distinct types seen (after any pruning).
        public var types: Int
        public var warnings: CorpusWarnings
        /// How many times the table was pruned, and the count threshold reached.
        public var prunings: Int
        public var pruneThreshold: Int
    }

    public var options: TokenizerOptions
    public var minCount: Int
    public var maxVocab: Int
    public var threads: Int
    /// When the table holds more types than this, the rarest are pruned (word2vec: 21M).
    public var maxTypesInMemory: Int

    public init(options: TokenizerOptions = TokenizerOptions(), minCount: Int = 5, maxVocab: Int = 0,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, maxTypesInMemory: Int = 20_000_000) {
        self.options = options
        self.minCount = minCount
        self.maxVocab = maxVocab
        self.threads = max(1, threads)
        self.maxTypesInMemory = maxTypesInMemory
    }

    private struct Partial {
        var table: WordTable
        var tokens = 0
        var warnings = CorpusWarnings()
        var prunings = 0
        var threshold = 1
    }

    public func count(_ corpus: Corpus, progress: ProgressReporter? = nil) throws -> Result {
        let parts: [Partial]
        if let ranges = corpus.parallelRanges(threads: threads) {
            let box = ResultsBox<Partial>(count: ranges.count)
            try runOnThreads(ranges.count) { i in
                box.set(i, Swift.Result { try countPart(corpus, range: ranges[i], progress: i == 0 ? progress : nil, share: ranges.count) })
            }
            parts = try box.values.map { try $0!.get() }
        } else {
            parts = [try countPart(corpus, range: nil, progress: progress, share: 1)]
        }
        var merged = parts[0]
        for other in parts.dropFirst() {
            for e in 0..<other.table.count {
                let m = merged.table.findOrInsert(other.table.keyBytes(e))
                merged.table.values[m] += other.table.values[e]
            }
            merged.tokens += other.tokens
            merged.warnings.add(other.warnings)
            merged.prunings += other.prunings
            merged.threshold = max(merged.threshold, other.threshold)
        }
        let table = merged.table
        let pairs = (0..<table.count).map { (table.key($0), table.values[$0]) }
        let vocabulary = Vocabulary.build(pairs, minCount: minCount, maxSize: maxVocab, corpusTokens: merged.tokens)
        return Result(vocabulary: vocabulary, tokens: merged.tokens, types: table.count,
                      warnings: merged.warnings, prunings: merged.prunings, pruneThreshold: merged.threshold)
    }

    private func countPart(_ corpus: Corpus, range: Range<Int64>?, progress: ProgressReporter?, share: Int) throws -> Partial {
        try RunPhase.enter(.countingWords)
        let scanner = try TokenScanner(corpus: corpus, options: options, range: range)
        var part = Partial(table: WordTable(capacity: 1 << 18))
        let table = part.table
        let totalBytes = Double(max(corpus.byteSize, 1))
        var tokens = 0
        loop: while true {
            switch try scanner.next() {
            case .token:
                let e = table.findOrInsert(scanner.token)
                table.values[e] &+= 1
                tokens += 1
                if e >= maxTypesInMemory {
                    // word2vec's ReduceVocab, as soon as the table passes the limit: drop types
                    // seen at most `threshold` times so far, and raise the threshold.
                    let t = part.threshold
                    table.filter { $0 > t }
                    part.threshold += 1
                    part.prunings += 1
                }
                if tokens & 0xFFFFF == 0 {
                    try Interrupt.check()
                    if let progress {
                        // About 6 bytes a token; thread 0 of `share` speaks for all of them.
                        progress.update(fraction: Double(tokens * share) * 6 / totalBytes, detail: "\(tokens * share) tokens")
                    }
                }
            case .lineEnd: continue
            case .end: break loop
            }
        }
        part.tokens = tokens
        part.warnings = scanner.warnings
        return part
    }
}
