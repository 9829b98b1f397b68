import Foundation

/// A pointer handed to worker threads that each write disjoint elements.
struct UncheckedPointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { self.p = p }
}
