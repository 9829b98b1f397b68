import Foundation
import CPrefetch

/// Sparse × dense products, the work of every power iteration of `TruncatedSVD`. BLAS has no
/// sparse routines (and OpenBLAS no sparse BLAS), so these are written here: one row of the
/// result at a time, the dense rows combined four at a time so each output row is loaded and
/// stored once per four entries, and the dense rows of later entries prefetched. (Splitting the
/// dense operand into column panels that fit the last-level cache was tried and did not help.)
extension SparseMatrix {
    /// A·D for a dense `columnCount × k` matrix D: the `rowCount × k` result.
    ///
    /// Work is split into `blocksPerThread` × `threads` blocks of consecutive rows with about as
    /// many entries each, handed out one at a time (`parallelFor`), so a thread the machine stalls
    /// does not hold the others up. Each output row is summed in the same order whatever the
    /// number of threads, so the result does not depend on it.
    public func multiply(dense d: DenseMatrix, threads: Int = 1) -> DenseMatrix {
        precondition(d.rowCount == columnCount, "product of \(rowCount) × \(columnCount) by \(d.rowCount) × \(d.columnCount)")
        var out = DenseMatrix(rowCount: rowCount, columnCount: d.columnCount)
        let k = d.columnCount
        if k == 0 || rowCount == 0 { return out }
        let blocks = balancedRowBlocks(max(1, min(threads == 1 ? 1 : threads * SparseMatrix.blocksPerThread, rowCount)))
        onThreads(blocks.count, threads: threads, d, &out) { t, starts, cols, vals, dv, target in
            for i in blocks[t] {
                SparseMatrix.gatherRow(target + i * k, k, starts[i], starts[i + 1], cols.baseAddress!, vals, dv, cols.count)
            }
        }
        return out
    }

    /// Aᵀ·D for a dense `rowCount × k` matrix D: the `columnCount × k` result, without forming Aᵀ.
    ///
    /// Each of the `threads` threads owns a block of output rows (columns of A with about as many
    /// entries each) and scans all rows of A, finding its block in each row by binary search, so
    /// threads never write the same memory and no per-thread copy of the result is needed. Each
    /// output row is summed in row order whatever the number of threads. When the same A is
    /// multiplied many times, `transposed().multiply(dense:)` is faster (it reads D in order).
    public func transposedMultiply(dense d: DenseMatrix, threads: Int = 1) -> DenseMatrix {
        precondition(d.rowCount == rowCount, "product of (\(rowCount) × \(columnCount))ᵀ by \(d.rowCount) × \(d.columnCount)")
        var out = DenseMatrix(rowCount: columnCount, columnCount: d.columnCount)
        let k = d.columnCount
        if k == 0 || columnCount == 0 { return out }
        let blocks = balancedColumnBlocks(max(1, min(threads, columnCount)))
        onThreads(blocks.count, threads: blocks.count, d, &out) { t, starts, cols, vals, dv, target in
            let (lo, hi) = (Int32(blocks[t].lowerBound), Int32(blocks[t].upperBound))
            for i in 0..<self.rowCount {
                var p = starts[i], end = starts[i + 1]
                if blocks.count > 1 {
                    p = SparseMatrix.firstIndex(cols, from: p, to: end, notBelow: lo)
                    end = SparseMatrix.firstIndex(cols, from: p, to: end, notBelow: hi)
                }
                let src = dv + i * k
                while p < end {
                    if p + SparseMatrix.prefetchAhead < end {
                        SparseMatrix.prefetch(target + Int(cols[p + SparseMatrix.prefetchAhead]) * k, k)
                    }
                    let dst = target + Int(cols[p]) * k
                    let v = vals[p]
                    for j in 0..<k { dst[j] += v * src[j] }
                    p += 1
                }
            }
        }
        return out
    }

    /// Blocks per thread of `multiply`: enough that a stalled thread's share is picked up by the
    /// others on a busy machine, few enough that a block is long (thousands of entries).
    static let blocksPerThread = 16

    /// Runs `body(t, rowStarts, columns, values, D, result)` for t in 0..<parts on `threads`
    /// threads (`parallelFor`), over raw pointers to this matrix's arrays, D's values and the
    /// result's; each t must write its own rows of the result.
    private func onThreads(_ parts: Int, threads: Int, _ d: DenseMatrix, _ out: inout DenseMatrix,
                           _ body: @escaping (Int, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafePointer<Float>,
                                              UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) {
        out.values.withUnsafeMutableBufferPointer { o in
            let target = UncheckedPointer(o.baseAddress!)
            // The body never throws, so neither does runOnThreads.
            try! parallelFor(parts, threads: threads) { t, _ in
                self.rowStarts.withUnsafeBufferPointer { starts in
                    self.columns.withUnsafeBufferPointer { cols in
                        self.values.withUnsafeBufferPointer { vals in
                            d.values.withUnsafeBufferPointer { dv in
                                body(t, starts, cols, vals.baseAddress!, dv.baseAddress!, target.p)
                            }
                        }
                    }
                }
            }
        }
    }

    /// How many entries ahead the dense rows are requested from memory. A row of 310 floats is
    /// 20 cache lines and rows come in random order, so the products are bound by memory
    /// latency: on the 2-core benchmark machine, 16 entries ahead made A·X about 1.7x faster
    /// than no prefetching (8 and 32 were in between; the machine was shared and noisy).
    static let prefetchAhead = 16

    /// Requests the `count` floats at `p` into the cache, one call per 64-byte line.
    @inline(__always)
    static func prefetch(_ p: UnsafePointer<Float>, _ count: Int) {
        var o = 0
        while o < count { wordvec_prefetch(p + o); o += 16 }
    }

    /// out[0..<k] += Σ_p values[p] · D[columns[p], 0..<k] for p in start..<end (D has rows of k
    /// floats), while prefetching the rows of the entries `prefetchAhead` on (below `limit`, the
    /// entry count: that may be the next rows' entries).
    @inline(__always)
    static func gatherRow(_ out: UnsafeMutablePointer<Float>, _ k: Int, _ start: Int, _ end: Int,
                          _ cols: UnsafePointer<Int32>, _ vals: UnsafePointer<Float>, _ d: UnsafePointer<Float>,
                          _ limit: Int) {
        var p = start
        while p + 4 <= end {
            for f in (p + prefetchAhead)..<min(p + prefetchAhead + 4, max(limit, p + prefetchAhead)) {
                prefetch(d + Int(cols[f]) * k, k)
            }
            let d0 = d + Int(cols[p]) * k, d1 = d + Int(cols[p + 1]) * k
            let d2 = d + Int(cols[p + 2]) * k, d3 = d + Int(cols[p + 3]) * k
            let v0 = vals[p], v1 = vals[p + 1], v2 = vals[p + 2], v3 = vals[p + 3]
            for j in 0..<k { out[j] += (v0 * d0[j] + v1 * d1[j]) + (v2 * d2[j] + v3 * d3[j]) }
            p += 4
        }
        while p < end {
            let d0 = d + Int(cols[p]) * k, v0 = vals[p]
            for j in 0..<k { out[j] += v0 * d0[j] }
            p += 1
        }
    }

    /// The first position in `from..<to` whose column is ≥ `column` (columns increase in a row).
    @inline(__always)
    static func firstIndex(_ cols: UnsafeBufferPointer<Int32>, from: Int, to: Int, notBelow column: Int32) -> Int {
        var lo = from, hi = to
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cols[mid] < column { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `parts` consecutive row ranges covering all rows, with about as many entries each (rows
    /// also count one, so empty rows are spread too).
    func balancedRowBlocks(_ parts: Int) -> [Range<Int>] {
        SparseMatrix.balancedBlocks(parts, count: rowCount) { rowStarts[$0] + $0 }
    }

    /// `parts` consecutive column ranges covering all columns, with about as many entries each.
    func balancedColumnBlocks(_ parts: Int) -> [Range<Int>] {
        if parts == 1 { return [0..<columnCount] }
        var cumulative = [Int](repeating: 0, count: columnCount + 1)
        for c in columns { cumulative[Int(c) + 1] += 1 }
        for j in 0..<columnCount { cumulative[j + 1] += cumulative[j] }
        return SparseMatrix.balancedBlocks(parts, count: columnCount) { cumulative[$0] + $0 }
    }

    /// Splits 0..<count at the points where the non-decreasing `weightBefore(i)` (weight of the
    /// items before i; `weightBefore(count)` is the total) crosses t/parts of the total.
    static func balancedBlocks(_ parts: Int, count: Int, weightBefore: (Int) -> Int) -> [Range<Int>] {
        let total = weightBefore(count)
        var bounds = [0]
        for t in 1..<max(parts, 1) {
            let goal = total * t / parts
            var lo = bounds.last!, hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if weightBefore(mid) < goal { lo = mid + 1 } else { hi = mid }
            }
            bounds.append(lo)
        }
        bounds.append(count)
        return (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
    }
}
