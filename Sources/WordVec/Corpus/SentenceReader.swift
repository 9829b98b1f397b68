import Foundation
import Synchronization

/// Something that hands out sentences as word ids (one per call), for trainers' worker threads.
public protocol SentenceSource: AnyObject {
    /// Fills `ids` with the next sentence's in-vocabulary word ids (out-of-vocabulary tokens
    /// are dropped, long sentences cut at `maxSentenceLength`). Returns false at the end.
    func next(into ids: inout [Int32]) throws -> Bool
}

/// Maps a corpus (or a byte range of it) to sentences of word ids.
public final class SentenceReader: SentenceSource {
    private let scanner: TokenScanner
    private let table: WordTable
    private let maxLength: Int

    public init(corpus: Corpus, table: WordTable, options: TokenizerOptions, range: Range<Int64>? = nil) throws {
        scanner = try TokenScanner(corpus: corpus, options: options, range: range)
        self.table = table
        maxLength = max(1, options.maxSentenceLength)
    }

    public var warnings: CorpusWarnings { scanner.warnings }

    public func next(into ids: inout [Int32]) throws -> Bool {
        ids.removeAll(keepingCapacity: true)
        while true {
            switch try scanner.next() {
            case .token:
                let e = table.find(scanner.token)
                if e >= 0 {
                    ids.append(Int32(truncatingIfNeeded: table.values[e]))
                    if ids.count >= maxLength { return true }
                }
            case .lineEnd:
                if !ids.isEmpty { return true }
            case .end:
                return !ids.isEmpty
            }
        }
    }
}

/// One reader shared by several threads under a lock, for `passes` passes (restarting the
/// cache between them): the way to feed threads from a stream that cannot be cut into byte
/// ranges (.zst, stdin, a directory). Reading is cheap next to training, so the lock is rarely
/// contended.
public final class SharedSentenceReader: SentenceSource {
    private let lock = NSLock()
    private let cache: SentenceCache
    private var passesLeft: Int
    private let passesDone = Atomic<Int>(0)

    /// How many passes are complete (read by worker threads without the lock).
    public var pass: Int { passesDone.load(ordering: .relaxed) }

    public init(passes: Int, cache: SentenceCache) {
        passesLeft = passes
        self.cache = cache
    }

    public func next(into ids: inout [Int32]) throws -> Bool {
        lock.lock(); defer { lock.unlock() }
        while passesLeft > 0 {
            if try cache.next(into: &ids) { return true }
            passesLeft -= 1
            passesDone.add(1, ordering: .relaxed)
            if passesLeft > 0 { try cache.restart() }
        }
        return false
    }
}
