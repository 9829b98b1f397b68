import Foundation

/// Pairs (i, j) packed into one sortable integer: i in the high bits, so key order is row order.
public enum CooccurrenceKey {
    public static let bits = 24
    /// Word ids must stay below this (16,777,216 words).
    public static let maxWords = 1 << bits
    static let columnMask: UInt64 = (1 << 24) - 1

    @inline(__always) public static func make(_ i: Int, _ j: Int) -> UInt64 { UInt64(i) << 24 | UInt64(j) }
    @inline(__always) public static func row(_ key: UInt64) -> Int { Int(key >> 24) }
    @inline(__always) public static func column(_ key: UInt64) -> Int { Int(key & columnMask) }
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

/// Collects (key, value) entries in increasing key order into a MemoryRun, growing as needed.
final class MemoryRunBuilder {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        keys = .allocate(capacity: self.capacity)
        values = .allocate(capacity: self.capacity)
    }

    @inline(__always) func append(_ key: UInt64, _ value: UInt64) {
        if count == capacity { grow() }
        keys[count] = key
        values[count] = value
        count += 1
    }

    private func grow() {
        let c = capacity * 2
        let k = UnsafeMutablePointer<UInt64>.allocate(capacity: c)
        let v = UnsafeMutablePointer<UInt64>.allocate(capacity: c)
        k.update(from: keys, count: count)
        v.update(from: values, count: count)
        keys.deallocate(); values.deallocate()
        keys = k; values = v; capacity = c
    }

    /// The run (the builder must not be used afterwards).
    func finish() -> MemoryRun {
        if capacity > count + count / 8 + 16 {
            // Give back the slack: runs are what fills the memory budget.
            let k = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
            let v = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
            k.update(from: keys, count: count)
            v.update(from: values, count: count)
            keys.deallocate(); values.deallocate()
            keys = k; values = v; capacity = count
        }
        return MemoryRun(keys: keys, values: values, count: count)
    }
}
