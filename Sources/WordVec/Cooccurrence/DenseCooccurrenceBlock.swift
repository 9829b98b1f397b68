import Foundation

/// Which (row, column) cells of the co-occurrence matrix get a dense slot: the pairs of
/// frequent words, those whose ranks r = i+1, s = j+1 satisfy r·s <= P (GloVe's cooccur.c
/// keeps the same region, the pairs that occur most under Zipf's law). In triangle mode
/// (symmetric counting) only i <= j is stored. P is the largest bound whose cells fit.
package final class DenseRegion: @unchecked Sendable {
    package let vocabularySize: Int
    package let triangle: Bool
    /// The rank-product bound P.
    package let productBound: Int
    /// Rows 0..<rows have cells.
    package let rows: Int
    package let cellCount: Int
    /// Per word (vocabularySize entries): row i has cells for columns lo(i)..<columnEnd[i]; 0 beyond `rows`.
    let columnEnd: UnsafeMutablePointer<Int32>
    /// Per row: cell index of (i, 0) (so the cell of (i, j) is rowBase[i] + j).
    let rowBase: UnsafeMutablePointer<Int>

    /// The largest region of at most `maxCells` cells for a vocabulary of `vocabularySize` words.
    package init(vocabularySize v: Int, maxCells: Int, triangle: Bool) {
        vocabularySize = v
        self.triangle = triangle
        // Binary search for P: cells(P) grows with P.
        var lo = 0, hi = v * v
        while lo < hi {
            let mid = lo + (hi - lo + 1) / 2
            if DenseRegion.cells(v, mid, triangle) <= maxCells { lo = mid } else { hi = mid - 1 }
        }
        productBound = lo
        columnEnd = .allocate(capacity: max(v, 1))
        columnEnd.initialize(repeating: 0, count: max(v, 1))
        var rowsWithCells = 0
        var total = 0
        var bases: [Int] = []
        for i in 0..<v {
            let first = triangle ? i : 0
            let end = min(v, lo / (i + 1))
            if end <= first { break }
            bases.append(total - first)
            columnEnd[i] = Int32(end)
            total += end - first
            rowsWithCells += 1
        }
        rows = rowsWithCells
        cellCount = total
        rowBase = .allocate(capacity: max(rows, 1))
        for i in 0..<rows { rowBase[i] = bases[i] }
    }

    deinit {
        columnEnd.deallocate()
        rowBase.deallocate()
    }

    static func cells(_ v: Int, _ p: Int, _ triangle: Bool) -> Int {
        var total = 0
        for i in 0..<v {
            let first = triangle ? i : 0
            let end = min(v, p / (i + 1))
            if end <= first { break }
            total += end - first
        }
        return total
    }

    /// The first column of row i that has a cell.
    @inline(__always) func firstColumn(_ i: Int) -> Int { triangle ? i : 0 }
}

/// Exact (integer) weighted counts for the cells of a `DenseRegion`: one add per pair
/// occurrence, no sorting. Each counting thread owns one block; blocks are summed at the end.
package final class DenseCooccurrenceBlock: @unchecked Sendable {
    package let region: DenseRegion
    let cells: LargeBuffer<UInt64>

    package init(region: DenseRegion) throws {
        self.region = region
        cells = try LargeBuffer(count: region.cellCount)
    }

    /// Adds another block's counts into this one.
    func add(_ other: DenseCooccurrenceBlock) {
        let a = cells.base, b = other.cells.base
        for k in 0..<region.cellCount where b[k] != 0 { a[k] &+= b[k] }
    }

    /// Cells holding a non-zero count.
    package var nonZeroCount: Int {
        var n = 0
        let a = cells.base
        for k in 0..<region.cellCount where a[k] != 0 { n += 1 }
        return n
    }

    /// Bytes of the cell array (resident or not).
    package var byteCount: Int { region.cellCount * 8 }
}

/// Walks the non-zero dense cells in key order (row, then column).
final class DenseCursor: RunCursor {
    private let block: DenseCooccurrenceBlock
    private var row = 0
    private var column = 0
    private(set) var key: UInt64 = 0
    private(set) var value: UInt64 = 0
    let entryEstimate: Int

    init(_ block: DenseCooccurrenceBlock) {
        self.block = block
        entryEstimate = block.region.cellCount
        if block.region.rows > 0 { column = block.region.firstColumn(0) - 1 }
    }

    func advance() throws -> Bool {
        let r = block.region
        let cells = block.cells.base
        while row < r.rows {
            let end = Int(r.columnEnd[row])
            let base = r.rowBase[row]
            column += 1
            while column < end {
                let v = cells[base + column]
                if v != 0 {
                    key = CooccurrenceKey.make(row, column)
                    value = v
                    return true
                }
                column += 1
            }
            row += 1
            if row < r.rows { column = r.firstColumn(row) - 1 }
        }
        return false
    }
}
