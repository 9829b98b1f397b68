import Foundation

extension SparseMatrix {
    /// Builds a `SparseMatrix` from (row, column, value) triplets that arrive in any order, in two
    /// passes over the same triplets: first `count(row:column:)` each one (so every row's space
    /// is known and nothing is reallocated), then `startFilling()` and `add(row:column:value:)`
    /// each one again, then `build()`. Symmetric co-occurrence counts arrive this way: a cell
    /// (i, j) and its mirror (j, i) come from different places of a merged run.
    ///
    /// `build()` sorts the columns within each row and sums duplicate (row, column) triplets.
    /// Duplicates are summed in an order fixed by their values, not by their arrival, so the
    /// result is the same whatever order the triplets came in. Memory: one `Int` per row and
    /// 8 bytes per triplet, plus 8 bytes per entry of the longest row while sorting it.
    ///
    /// Counting and filling different triplets is a programming error and stops the program.
    public struct Builder: Sendable {
        /// Number of rows of the matrix being built.
        public let rowCount: Int
        /// Number of columns of the matrix being built.
        public let columnCount: Int
        /// Pass 1: entries counted per row (shifted by one); pass 2: the row starts.
        private var starts: [Int]
        /// Pass 2: where the next entry of each row goes.
        private var next: [Int] = []
        private var columns: [Int32] = []
        private var values: [Float] = []
        private var filling = false

        /// A builder for a `rowCount × columnCount` matrix (columnCount ≤ Int32.max).
        public init(rowCount: Int, columnCount: Int) {
            precondition(rowCount >= 0 && columnCount >= 0 && columnCount <= Int(Int32.max),
                         "matrix shape \(rowCount) × \(columnCount)")
            self.rowCount = rowCount
            self.columnCount = columnCount
            starts = [Int](repeating: 0, count: rowCount + 1)
        }

        /// Pass 1: counts one triplet at (row, column).
        @inline(__always)
        public mutating func count(row: Int, column: Int) {
            precondition(!filling, "count(row:column:) after startFilling()")
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount,
                         "entry (\(row), \(column)) outside \(rowCount) × \(columnCount)")
            starts[row + 1] += 1
        }

        /// Pass 1, for `count` triplets at once in one row (e.g. a row of known length).
        public mutating func count(row: Int, entries: Int) {
            precondition(!filling && row >= 0 && row < rowCount && entries >= 0, "count(row: \(row), entries: \(entries))")
            starts[row + 1] += entries
        }

        /// Ends the counting pass and allocates room for every counted triplet.
        public mutating func startFilling() {
            precondition(!filling, "startFilling() called twice")
            for i in 0..<rowCount { starts[i + 1] += starts[i] }
            next = Array(starts.dropLast())
            columns = [Int32](repeating: 0, count: starts[rowCount])
            values = [Float](repeating: 0, count: starts[rowCount])
            filling = true
        }

        /// Pass 2: stores one triplet; every (row, column) added must have been counted.
        @inline(__always)
        public mutating func add(row: Int, column: Int, value: Float) {
            precondition(filling, "add(row:column:value:) before startFilling()")
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount,
                         "entry (\(row), \(column)) outside \(rowCount) × \(columnCount)")
            let p = next[row]
            precondition(p < starts[row + 1], "row \(row) gets more entries than were counted")
            columns[p] = Int32(column)
            values[p] = value
            next[row] = p + 1
        }

        /// The matrix: columns sorted within each row, duplicates summed (a duplicate summing to
        /// zero stays stored as 0). Rows are sorted on `threads` threads (`runOnThreads`).
        /// Consuming: the builder's arrays become the matrix's, without a copy.
        public consuming func build(threads: Int = 1) -> SparseMatrix {
            var starts: [Int] = [], columns: [Int32] = [], values: [Float] = []
            swap(&starts, &self.starts)
            swap(&columns, &self.columns)
            swap(&values, &self.values)
            if !filling { // Nothing counted, or the caller skipped the second pass on an empty matrix.
                precondition(starts.allSatisfy { $0 == 0 }, "build() before startFilling()")
                return SparseMatrix(unchecked: rowCount, columnCount, starts, [], [])
            }
            for i in 0..<rowCount {
                precondition(next[i] == starts[i + 1], "row \(i) got fewer entries than were counted")
            }
            // Sort and merge each row in place, on disjoint row blocks; then close the gaps.
            var kept = [Int](repeating: 0, count: rowCount)
            let probe = SparseMatrix(unchecked: rowCount, columnCount, starts, [], [])
            let blocks = probe.balancedRowBlocks(max(1, min(threads, rowCount)))
            columns.withUnsafeMutableBufferPointer { c in
                values.withUnsafeMutableBufferPointer { v in
                    kept.withUnsafeMutableBufferPointer { k in
                        let (cp, vp, kp) = (UncheckedPointer(c.baseAddress!), UncheckedPointer(v.baseAddress!), UncheckedPointer(k.baseAddress!))
                        try! runOnThreads(blocks.count) { t in // the body never throws
                            var scratch = [UInt64]()
                            for i in blocks[t] {
                                kp.p[i] = Builder.sortAndMerge(cp.p, vp.p, starts[i], starts[i + 1], &scratch)
                            }
                        }
                    }
                }
            }
            var write = 0
            for i in 0..<rowCount {
                let from = starts[i]
                starts[i] = write
                if from != write {
                    for q in 0..<kept[i] { columns[write + q] = columns[from + q]; values[write + q] = values[from + q] }
                }
                write += kept[i]
            }
            starts[rowCount] = write
            columns.removeLast(columns.count - write)
            values.removeLast(values.count - write)
            return SparseMatrix(unchecked: rowCount, columnCount, starts, columns, values)
        }

        /// Sorts entries `start..<end` by column and sums duplicates into the first of them;
        /// returns how many distinct columns are left at `start`. Sorting (column, value bits)
        /// keys orders duplicates by value, so their sum does not depend on arrival order.
        static func sortAndMerge(_ columns: UnsafeMutablePointer<Int32>, _ values: UnsafeMutablePointer<Float>,
                                 _ start: Int, _ end: Int, _ scratch: inout [UInt64]) -> Int {
            let n = end - start
            if n <= 1 { return n }
            var sorted = true
            for p in (start + 1)..<end where columns[p] <= columns[p - 1] { sorted = false; break }
            if sorted { return n }
            scratch.removeAll(keepingCapacity: true)
            for p in start..<end { scratch.append(UInt64(UInt32(columns[p])) << 32 | UInt64(values[p].bitPattern)) }
            scratch.sort()
            var w = start - 1
            for key in scratch {
                let c = Int32(truncatingIfNeeded: key >> 32)
                let v = Float(bitPattern: UInt32(truncatingIfNeeded: key))
                if w >= start && columns[w] == c { values[w] += v } else { w += 1; columns[w] = c; values[w] = v }
            }
            return w - start + 1
        }
    }
}
