import Foundation

/// One co-occurrence record as training reads it: log X_ij and f(X_ij) are computed once.
package struct GloVeRecord: Equatable, Sendable {
    package var word: Int32
    package var context: Int32
    package var logCount: Float
    package var weight: Float
}

/// The shuffled co-occurrence records, in memory or (when they do not fit the memory budget) in
/// a temporary file, with the same order either way, so that a run with a small `--memory`
/// gives the same vectors as one without.
///
/// Shuffling (the reference's separate `shuffle` stage): each record goes to one of `buckets`
/// buckets by a seeded hash of its pair; each bucket is shuffled (Fisher-Yates, seeded per
/// bucket); every epoch visits the buckets in a fresh seeded order. The bucket count depends
/// only on the corpus size, so a bucket always fits in memory.
package final class GloVeRecordStore {
    package let buckets: Int
    package let inMemory: Bool
    package private(set) var count = 0
    /// Σ f(X_ij) (log X_ij)² over the records: twice the cost of all-zero vectors.
    package private(set) var weightedSquaredLogSum = 0.0

    /// The mean cost ½ f(x) (log x)² of all-zero vectors, the scale a working fit stays below.
    package var zeroVectorCost: Double { count > 0 ? 0.5 * weightedSquaredLogSum / Double(count) : 0 }
    let seed: UInt64
    /// Records per chunk; memory mode keeps a list of chunks per bucket.
    let chunkRecords: Int
    private let chunkShift: Int
    private var chunks: [[UnsafeMutablePointer<GloVeRecord>]]
    private var bucketCounts: [Int]
    // Disk mode: one file; per bucket, a pending chunk and the (offset, records) of written ones.
    private let file: String?
    private var fd: Int32 = -1
    private var fileOffset: Int64 = 0
    private var written: [[(offset: Int64, records: Int)]]
    private var current: [UnsafeMutablePointer<GloVeRecord>?]
    private var pending: [Int]

    /// `chunkRecords` must be a power of two.
    package init(buckets: Int, seed: UInt64, inMemory: Bool, chunkRecords: Int, directory: ScratchDirectory?) throws {
        precondition(chunkRecords > 0 && chunkRecords & (chunkRecords - 1) == 0)
        self.buckets = max(1, buckets)
        self.seed = seed
        self.inMemory = inMemory
        self.chunkRecords = chunkRecords
        chunkShift = chunkRecords.trailingZeroBitCount
        chunks = Array(repeating: [], count: self.buckets)
        bucketCounts = Array(repeating: 0, count: self.buckets)
        written = Array(repeating: [], count: self.buckets)
        current = Array(repeating: nil, count: self.buckets)
        pending = Array(repeating: 0, count: self.buckets)
        if inMemory {
            file = nil
        } else {
            guard let directory else { throw WordVecError.invalidArgument("a disk record store needs a directory") }
            let path = directory.newFile("records")
            file = path
            fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            if fd < 0 { throw WordVecError.unwritable(path, systemError()) }
            // Unlinked at once: the open descriptor keeps the data, and nothing is left behind
            // however the process ends (even on a second Ctrl-C or kill -9).
            unlink(path)
        }
    }

    deinit {
        for list in chunks { for c in list { c.deallocate() } }
        if !inMemory { for c in current { c?.deallocate() } }
        if fd >= 0 { close(fd) }
    }

    /// The bucket of a pair: a seeded mix of (word, context), mapped to 0..<buckets.
    @inline(__always)
    func bucket(_ word: Int32, _ context: Int32) -> Int {
        var z = (UInt64(UInt32(bitPattern: word)) << 32 | UInt64(UInt32(bitPattern: context))) ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int((UInt64(UInt32(truncatingIfNeeded: z)) &* UInt64(buckets)) >> 32)
    }

    package func append(_ r: GloVeRecord) throws {
        weightedSquaredLogSum += Double(r.weight) * Double(r.logCount) * Double(r.logCount)
        let b = bucket(r.word, r.context)
        let n = bucketCounts[b]
        if inMemory {
            let offset = n & (chunkRecords - 1)
            if offset == 0 {
                let c = UnsafeMutablePointer<GloVeRecord>.allocate(capacity: chunkRecords)
                chunks[b].append(c)
                current[b] = c
            }
            current[b]![offset] = r
        } else {
            if current[b] == nil { current[b] = .allocate(capacity: chunkRecords) }
            current[b]![pending[b]] = r
            pending[b] += 1
            if pending[b] == chunkRecords { try flush(b) }
        }
        bucketCounts[b] = n + 1
        count += 1
    }

    /// Disk mode: writes bucket b's pending chunk.
    private func flush(_ b: Int) throws {
        guard let chunk = current[b], let file, pending[b] > 0 else { return }
        let bytes = pending[b] * MemoryLayout<GloVeRecord>.stride
        try FileDescriptorIO.writeAll(fd, UnsafeRawPointer(chunk), bytes, at: fileOffset) { WordVecError.unwritable(file, $0) }
        written[b].append((fileOffset, pending[b]))
        fileOffset += Int64(bytes)
        pending[b] = 0
    }

    /// Ends appending: disk mode writes the pending chunks; memory mode shuffles each bucket once.
    package func finish(threads: Int) throws {
        if !inMemory {
            for b in 0..<buckets {
                try flush(b)
                current[b]?.deallocate()
                current[b] = nil
            }
            return
        }
        try parallelFor(buckets, threads: threads) { b, _ in
            try Interrupt.check()
            let list = self.chunks[b]
            let shift = self.chunkShift, mask = self.chunkRecords - 1
            list.withUnsafeBufferPointer { c in
                self.shuffle(bucket: b, count: self.bucketCounts[b]) { i, j in
                    swap(&c[i >> shift][i & mask], &c[j >> shift][j & mask])
                }
            }
        }
    }

    /// Fisher-Yates with a per-bucket seed; `exchange(i, j)` swaps two logical positions.
    @inline(__always)
    func shuffle(bucket b: Int, count n: Int, _ exchange: (Int, Int) -> Void) {
        if n < 2 { return }
        var rng = FastRandom(seed: seed &+ 0x5851_F42D_4C95_7F2D &* UInt64(b + 1))
        var i = n - 1
        while i > 0 {
            let j = rng.next(below: i + 1)
            if j != i { exchange(i, j) }
            i -= 1
        }
    }

    /// The seeded order of buckets for one epoch.
    package func bucketOrder(epoch: Int) -> [Int] {
        var order = Array(0..<buckets)
        var rng = FastRandom(seed: seed ^ (0xD1B5_4A32_D192_ED03 &* UInt64(epoch + 1)))
        var i = buckets - 1
        while i > 0 {
            order.swapAt(i, rng.next(below: i + 1))
            i -= 1
        }
        return order
    }

    package func records(inBucket b: Int) -> Int { bucketCounts[b] }

    package var largestBucket: Int { bucketCounts.max() ?? 0 }

    /// Calls `body` with the records of bucket b in their shuffled order, as one or more spans.
    /// Disk mode reads the bucket into `buffer` (grown as needed) and shuffles it there.
    package func withRecords(inBucket b: Int, buffer: inout [GloVeRecord],
                            _ body: (UnsafeBufferPointer<GloVeRecord>) throws -> Void) throws {
        let n = bucketCounts[b]
        if n == 0 { return }
        if inMemory {
            var left = n
            for c in chunks[b] {
                let k = min(left, chunkRecords)
                try body(UnsafeBufferPointer(start: c, count: k))
                left -= k
            }
            return
        }
        if buffer.count < n { buffer = Array(repeating: GloVeRecord(word: 0, context: 0, logCount: 0, weight: 0), count: n) }
        try buffer.withUnsafeMutableBufferPointer { out in
            var at = 0
            for (offset, records) in written[b] {
                let bytes = records * MemoryLayout<GloVeRecord>.stride
                let name = file ?? "records"
                let got = try FileDescriptorIO.readFully(fd, UnsafeMutableRawPointer(out.baseAddress! + at), bytes, at: Int64(offset)) {
                    WordVecError.unreadable(name, $0)
                }
                if got < bytes { throw WordVecError.unreadable(name, "truncated temporary file") }
                at += records
            }
            shuffle(bucket: b, count: n) { i, j in out.swapAt(i, j) }
            try body(UnsafeBufferPointer(start: out.baseAddress!, count: n))
        }
    }

    /// Bytes of records held in memory (memory mode) or on disk.
    package var byteCount: Int { count * MemoryLayout<GloVeRecord>.stride }
}
