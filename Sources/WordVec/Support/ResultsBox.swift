import Foundation

/// Slots for results computed on several threads at once.
final class ResultsBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<T, Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Swift.Result<T, Error>) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [Swift.Result<T, Error>?] { lock.lock(); defer { lock.unlock() }; return slots }
}
