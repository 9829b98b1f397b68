import Foundation

/// A value shared between threads behind a lock (`NSLock`, a pthread mutex). Used instead of
/// `Synchronization.Mutex`, whose futex ThreadSanitizer does not know: under `make test-tsan` it
/// reported every access behind a `Mutex` as a race.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` on the value with the lock held.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
