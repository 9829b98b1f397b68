import Foundation

/// k-way merge of sorted runs (a binary heap on the current keys), summing the counts of equal
/// keys. The caller bounds k (the fan-in): every open run holds a file and a block buffer, so
/// thousands of runs are merged in levels (see `RunStore.reduce`), never all at once.
enum RunMerger {
    /// Calls `body(key, count)` once per distinct key, in increasing key order.
    /// `onProgress(entriesRead)` is called about every million entries.
    static func merge(_ cursors: [RunCursor], onProgress: ((Int) -> Void)? = nil,
                      _ body: (UInt64, UInt64) throws -> Void) throws {
        var heapKeys: [UInt64] = []
        var heapRuns: [Int] = []
        for (r, c) in cursors.enumerated() where try c.advance() {
            heapKeys.append(c.key)
            heapRuns.append(r)
        }
        var n = heapKeys.count
        // Heapify.
        if n > 1 {
            for start in stride(from: n / 2 - 1, through: 0, by: -1) { siftDown(&heapKeys, &heapRuns, start, n) }
        }
        var read = 0
        while n > 0 {
            let key = heapKeys[0]
            var sum: UInt64 = 0
            while n > 0 && heapKeys[0] == key {
                let c = cursors[heapRuns[0]]
                sum &+= c.value
                read += 1
                if read & 0xFFFFF == 0 {
                    try Interrupt.check()
                    onProgress?(read)
                }
                if try c.advance() {
                    heapKeys[0] = c.key
                } else {
                    n -= 1
                    heapKeys[0] = heapKeys[n]
                    heapRuns[0] = heapRuns[n]
                }
                if n > 1 { siftDown(&heapKeys, &heapRuns, 0, n) }
            }
            try body(key, sum)
        }
        onProgress?(read)
    }

    @inline(__always)
    private static func siftDown(_ keys: inout [UInt64], _ runs: inout [Int], _ start: Int, _ n: Int) {
        var i = start
        let k = keys[i], r = runs[i]
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && keys[child + 1] < keys[child] { child += 1 }
            if keys[child] >= k { break }
            keys[i] = keys[child]
            runs[i] = runs[child]
            i = child
        }
        keys[i] = k
        runs[i] = r
    }
}
