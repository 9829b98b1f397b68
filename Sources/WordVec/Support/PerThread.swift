/// One value per thread of a `parallelFor` (its `thread` argument picks the slot): scratch
/// buffers and partial sums that need no lock because no two threads share a slot. The slots
/// live in one fixed allocation, so writing one slot touches no memory another thread uses (a
/// Swift array would check its buffer's uniqueness on every write: a race between threads).
final class PerThread<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int

    init(threads: Int, _ make: () -> T) {
        count = max(1, threads)
        slots = .allocate(capacity: count)
        for t in 0..<count { (slots + t).initialize(to: make()) }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    subscript(thread: Int) -> T {
        get { slots[thread] }
        set { slots[thread] = newValue }
    }

    /// Every slot, in thread order.
    var values: [T] { Array(UnsafeBufferPointer(start: slots, count: count)) }

    /// Runs `body` on slot `thread` in place (no copy of a large buffer).
    func withSlot<R>(_ thread: Int, _ body: (inout T) throws -> R) rethrows -> R { try body(&slots[thread]) }
}
