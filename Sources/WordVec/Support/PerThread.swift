/// One value per thread of a `parallelFor` (its `thread` argument picks the slot): scratch
/// buffers and partial sums that need no lock because no two threads share a slot.
final class PerThread<T>: @unchecked Sendable {
    private var slots: [T]

    init(threads: Int, _ make: () -> T) { slots = (0..<max(1, threads)).map { _ in make() } }

    subscript(thread: Int) -> T {
        get { slots[thread] }
        set { slots[thread] = newValue }
    }

    /// Every slot, in thread order.
    var values: [T] { slots }

    /// Runs `body` on slot `thread` in place (no copy of a large buffer).
    func withSlot<R>(_ thread: Int, _ body: (inout T) throws -> R) rethrows -> R { try body(&slots[thread]) }
}
