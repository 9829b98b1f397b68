import Synchronization
import Foundation

/// One reader shared by several threads under a lock, for `passes` passes (restarting the
/// cache between them): the way to feed threads from a stream that cannot be cut into byte
/// ranges (.zst, stdin, a directory). Reading is cheap next to training, so the lock is rarely
/// contended.
package final class SharedSentenceReader: SentenceSource {
    private let lock = NSLock()
    private let cache: SentenceCache
    private var passesLeft: Int
    private let passesDone = Atomic<Int>(0)

    /// How many passes are complete (read by worker threads without the lock).
    package var pass: Int { passesDone.load(ordering: .relaxed) }

    package init(passes: Int, cache: SentenceCache) {
        passesLeft = passes
        self.cache = cache
    }

    package func next(into ids: inout [Int32]) throws -> Bool {
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
