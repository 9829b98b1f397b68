import Foundation

/// Pairs (i, j) packed into one sortable integer: i in the high bits, so key order is row order.
package enum CooccurrenceKey {
    package static let bits = 24
    /// Word ids must stay below this (16,777,216 words).
    package static let maxWords = 1 << bits
    static let columnMask: UInt64 = (1 << 24) - 1

    @inline(__always) package static func make(_ i: Int, _ j: Int) -> UInt64 { UInt64(i) << 24 | UInt64(j) }
    @inline(__always) package static func row(_ key: UInt64) -> Int { Int(key >> 24) }
    @inline(__always) package static func column(_ key: UInt64) -> Int { Int(key & columnMask) }
}

/// A source of (key, count) entries in strictly increasing key order.
protocol RunCursor: AnyObject {
    var key: UInt64 { get }
    var value: UInt64 { get }
    /// Moves to the next entry (call once before reading the first); false at the end.
    func advance() throws -> Bool
    /// Entries in the source (for progress); an upper bound for the dense cursor.
    var entryEstimate: Int { get }
}

/// A sorted run held in memory: distinct keys, increasing, with their summed counts.
final class MemoryRun: @unchecked Sendable {
    let keys: UnsafeMutablePointer<UInt64>
    let values: UnsafeMutablePointer<UInt64>
    let count: Int

    /// Takes ownership of the two arrays (allocated with `count` capacity or more).
    init(keys: UnsafeMutablePointer<UInt64>, values: UnsafeMutablePointer<UInt64>, count: Int) {
        self.keys = keys
        self.values = values
        self.count = count
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    var byteCount: Int { count * 16 }
}

final class MemoryRunCursor: RunCursor {
    private let run: MemoryRun
    private var position = -1
    private(set) var key: UInt64 = 0
    private(set) var value: UInt64 = 0
    var entryEstimate: Int { run.count }

    init(_ run: MemoryRun) { self.run = run }

    func advance() throws -> Bool {
        position += 1
        guard position < run.count else { return false }
        key = run.keys[position]
        value = run.values[position]
        return true
    }
}
