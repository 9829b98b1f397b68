extension SparseMatrix {
    /// The same matrix without its stored zeros (entries whose value is 0, e.g. after a positive
    /// part such as PPMI's max(PMI, 0)): shape and every non-zero entry unchanged. One pass,
    /// O(entries + rows).
    public func removingZeros() -> SparseMatrix {
        var starts = [Int](repeating: 0, count: rowCount + 1)
        var kept = 0
        for p in 0..<nonzeroCount where values[p] != 0 { kept += 1 }
        if kept == nonzeroCount { return self }
        var newColumns = [Int32](repeating: 0, count: kept), newValues = [Float](repeating: 0, count: kept)
        var w = 0
        for i in 0..<rowCount {
            for p in rowStarts[i]..<rowStarts[i + 1] where values[p] != 0 {
                newColumns[w] = columns[p]
                newValues[w] = values[p]
                w += 1
            }
            starts[i + 1] = w
        }
        return SparseMatrix(unchecked: rowCount, columnCount, starts, newColumns, newValues)
    }
}
