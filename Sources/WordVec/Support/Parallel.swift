import Foundation
import Synchronization

/// Runs `body(i)` for i in 0..<count, each on a thread of its own, and waits for all; the first
/// error thrown by any of them is rethrown.
public func runOnThreads(_ count: Int, stackSize: Int = 8 << 20, _ body: @escaping (Int) throws -> Void) throws {
    if count == 1 { try body(0); return }
    let results = ResultsBox<Void>(count: count)
    for i in 0..<count {
        let t = Thread { results.set(i, Swift.Result { try body(i) }) }
        t.stackSize = stackSize
        t.start()
    }
    results.waitUntilFilled()
    for r in results.values { try r?.get() }
}

/// The one parallel loop: items 0..<count handed out one at a time to `threads` threads (an
/// atomic cursor, so uneven items balance), `body(item, thread)`. When a body throws, the other
/// threads take no new item, and the first error is rethrown. With one thread, items run in order.
public func parallelFor(_ count: Int, threads: Int, _ body: @escaping (_ item: Int, _ thread: Int) throws -> Void) throws {
    let next = Atomic<Int>(0)
    try runOnThreads(max(1, min(threads, count))) { t in
        while true {
            let i = next.add(1, ordering: .relaxed).oldValue
            if i >= count { return }
            do { try body(i, t) } catch {
                next.store(count, ordering: .relaxed)
                throw error
            }
        }
    }
}
