import Foundation

/// An open-addressing hash map from token bytes to an Int value (a count while counting, an id
/// when looking words up during training). Keys live in one byte arena, so counting a corpus
/// creates no String per token.
package final class WordTable: @unchecked Sendable {
    private var slots: UnsafeMutablePointer<Int32>     // entry index, or -1 when empty
    private var mask: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaUsed = 0
    package private(set) var keyOffsets: [Int] = []
    package private(set) var keyLengths: [Int32] = []
    private var hashes: [UInt32] = []
    /// One value per entry, in insertion order.
    package var values: [Int] = []

    package var count: Int { values.count }

    package init(capacity: Int = 1 << 16) {
        var c = 1024
        while c < capacity * 2 { c <<= 1 }
        mask = c - 1
        slots = .allocate(capacity: c)
        slots.initialize(repeating: -1, count: c)
        arenaCapacity = 1 << 16
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    /// FNV-1a over the bytes (tokens are short: a byte loop is as fast as anything here).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in key { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    @inline(__always)
    private func keyEquals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        Int(keyLengths[entry]) == key.count && memcmp(arena + keyOffsets[entry], key.baseAddress!, key.count) == 0
    }

    /// The entry index of `key`, or -1.
    @inline(__always)
    package func find(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if key.isEmpty { return -1 }
        let h = WordTable.hash(key)
        var s = Int(h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { return -1 }
            if hashes[e] == h && keyEquals(e, key) { return e }
            s = (s + 1) & mask
        }
    }

    /// The entry index of `key`, inserting it with value 0 when absent.
    @inline(__always)
    package func findOrInsert(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let h = WordTable.hash(key)
        var s = Int(h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { break }
            if hashes[e] == h && keyEquals(e, key) { return e }
            s = (s + 1) & mask
        }
        let e = values.count
        if arenaUsed + key.count > arenaCapacity { growArena(atLeast: arenaUsed + key.count) }
        memcpy(arena + arenaUsed, key.baseAddress!, key.count)
        keyOffsets.append(arenaUsed)
        keyLengths.append(Int32(key.count))
        hashes.append(h)
        values.append(0)
        arenaUsed += key.count
        slots[s] = Int32(e)
        if (e + 1) * 2 > mask { rehash(capacity: (mask + 1) * 2) }
        return e
    }

    package func findOrInsert(_ word: String) -> Int {
        var w = word
        return w.withUTF8 { findOrInsert($0) }
    }

    package func find(_ word: String) -> Int {
        var w = word
        return w.withUTF8 { find($0) }
    }

    /// The key of entry `e` as a String.
    package func key(_ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: arena + keyOffsets[e], count: Int(keyLengths[e])), as: UTF8.self)
    }

    /// The key bytes of entry `e` (valid until the table changes).
    package func keyBytes(_ e: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: arena + keyOffsets[e], count: Int(keyLengths[e]))
    }

    private func growArena(atLeast needed: Int) {
        var c = arenaCapacity * 2
        while c < needed { c *= 2 }
        let a = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        memcpy(a, arena, arenaUsed)
        arena.deallocate()
        arena = a
        arenaCapacity = c
    }

    private func rehash(capacity: Int) {
        slots.deallocate()
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1, count: capacity)
        for e in 0..<values.count {
            var s = Int(hashes[e]) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(e)
        }
    }

    /// Keeps only the entries for which `keep(value)` holds (word2vec's ReduceVocab), compacting.
    package func filter(_ keep: (Int) -> Bool) {
        let old = (keyOffsets, keyLengths, hashes, values)
        let oldArena = arena
        arena = .allocate(capacity: arenaCapacity)
        arenaUsed = 0
        keyOffsets = []; keyLengths = []; hashes = []; values = []
        for e in 0..<old.3.count where keep(old.3[e]) {
            let len = Int(old.1[e])
            memcpy(arena + arenaUsed, oldArena + old.0[e], len)
            keyOffsets.append(arenaUsed)
            keyLengths.append(old.1[e])
            hashes.append(old.2[e])
            values.append(old.3[e])
            arenaUsed += len
        }
        oldArena.deallocate()
        rehash(capacity: mask + 1)
    }
}
