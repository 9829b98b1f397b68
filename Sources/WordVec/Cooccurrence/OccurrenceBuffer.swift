import Foundation

/// Pair occurrences outside the dense region, appended as they come (one 64-bit word each:
/// key << 16 | distance) and turned into a sorted run when full: a radix sort then one pass
/// that sums the weights of equal keys. Sequential writes and a few sequential passes beat a
/// hash table here, whose every update would be a cache miss.
final class OccurrenceBuffer {
    let capacity: Int
    private(set) var count = 0
    private let data: UnsafeMutablePointer<UInt64>
    private let scratch: UnsafeMutablePointer<UInt64>

    init(capacity: Int) {
        self.capacity = max(capacity, 1024)
        data = .allocate(capacity: self.capacity)
        scratch = .allocate(capacity: self.capacity)
    }

    deinit {
        data.deallocate()
        scratch.deallocate()
    }

    /// Bytes held (both halves of the sort).
    var byteCount: Int { capacity * 16 }

    var isFull: Bool { count == capacity }

    @inline(__always)
    func append(_ i: Int, _ j: Int, distance: Int) {
        data[count] = CooccurrenceKey.make(i, j) << 16 | UInt64(distance)
        count += 1
    }

    /// Sorts the occurrences, sums the weights of equal pairs and empties the buffer.
    func makeRun(weights: [UInt64]) -> MemoryRun {
        let sorted = RadixSort.sort(data, scratch: scratch, count: count, fromBit: 16)
        var unique = 0
        var previous = UInt64.max
        for k in 0..<count {
            let key = sorted[k] >> 16
            if key != previous { unique += 1; previous = key }
        }
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: max(unique, 1))
        let values = UnsafeMutablePointer<UInt64>.allocate(capacity: max(unique, 1))
        weights.withUnsafeBufferPointer { w in
            var n = -1
            previous = UInt64.max
            for k in 0..<count {
                let e = sorted[k]
                let key = e >> 16
                if key != previous {
                    n += 1
                    keys[n] = key
                    values[n] = 0
                    previous = key
                }
                values[n] &+= w[Int(e & 0xFFFF)]
            }
        }
        count = 0
        return MemoryRun(keys: keys, values: values, count: unique)
    }
}

/// LSD radix sort of 64-bit words on bits fromBit..<64, one byte per pass; passes whose byte is
/// the same in every word are skipped (a small vocabulary leaves most high bytes zero).
enum RadixSort {
    /// Returns the buffer (`data` or `scratch`) that holds the sorted words.
    static func sort(_ data: UnsafeMutablePointer<UInt64>, scratch: UnsafeMutablePointer<UInt64>,
                     count n: Int, fromBit: Int) -> UnsafeMutablePointer<UInt64> {
        if n < 2 { return data }
        let firstByte = fromBit / 8
        let passes = 8 - firstByte
        var histograms = [Int](repeating: 0, count: passes * 256)
        histograms.withUnsafeMutableBufferPointer { h in
            for k in 0..<n {
                let e = data[k]
                for p in 0..<passes { h[p * 256 + Int((e >> UInt64((firstByte + p) * 8)) & 0xFF)] += 1 }
            }
        }
        var src = data, dst = scratch
        var offsets = [Int](repeating: 0, count: 256)
        for p in 0..<passes {
            let shift = UInt64((firstByte + p) * 8)
            var skip = false
            histograms.withUnsafeBufferPointer { h in
                var sum = 0
                for b in 0..<256 {
                    let c = h[p * 256 + b]
                    if c == n { skip = true }
                    offsets[b] = sum
                    sum += c
                }
            }
            if skip { continue }
            offsets.withUnsafeMutableBufferPointer { o in
                for k in 0..<n {
                    let e = src[k]
                    let b = Int((e >> shift) & 0xFF)
                    dst[o[b]] = e
                    o[b] += 1
                }
            }
            swap(&src, &dst)
        }
        return src
    }
}
