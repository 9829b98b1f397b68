import Foundation

/// Slots for results computed on several threads at once, and a wait for all of them.
final class ResultsBox<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Swift.Result<T, Error>?]
    private var filled = 0
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Swift.Result<T, Error>) {
        condition.lock(); defer { condition.unlock() }
        if slots[i] == nil { filled += 1 }
        slots[i] = value
        condition.broadcast()
    }

    var values: [Swift.Result<T, Error>?] { condition.lock(); defer { condition.unlock() }; return slots }

    /// Blocks until every slot holds a result. The wait is a pthread condition wait, which
    /// ThreadSanitizer knows blocks, so a Ctrl-C arriving meanwhile reaches `Interrupt`'s handler
    /// at once under TSan too (it holds signals back from threads in waits it does not know,
    /// such as DispatchGroup's futex, and `make test-tsan` then never sees the interrupt).
    func waitUntilFilled() {
        condition.lock(); defer { condition.unlock() }
        while filled < slots.count { condition.wait() }
    }
}
