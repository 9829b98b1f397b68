import Foundation

/// Runs `body(i)` for i in 0..<count, each on a thread of its own, and waits for all; the first
/// error thrown by any of them is rethrown.
public func runOnThreads(_ count: Int, stackSize: Int = 8 << 20, _ body: @escaping (Int) throws -> Void) throws {
    if count == 1 { try body(0); return }
    let group = DispatchGroup()
    let results = ResultsBox<Void>(count: count)
    for i in 0..<count {
        group.enter()
        let t = Thread {
            results.set(i, Swift.Result { try body(i) })
            group.leave()
        }
        t.stackSize = stackSize
        t.start()
    }
    group.wait()
    for r in results.values { try r?.get() }
}
