import Foundation

/// The co-occurrence matrix X of a corpus, as counted by `CooccurrenceCounter`: a dense block
/// for frequent-word pairs plus sorted runs (in memory or spilled to disk) for the rest.
/// Entries are streamed in key order by merging; nothing holds the whole matrix at once.
///
/// Symmetric counts store each unordered pair once (i <= j); X_ji = X_ij. As in GloVe's
/// cooccur.c, a word seen twice within the window co-occurs with itself from both sides, so the
/// diagonal X_ii counts each such pair twice.
public final class CooccurrenceCounts: @unchecked Sendable {
    public let vocabulary: Vocabulary
    public let options: CooccurrenceOptions
    public let weights: CooccurrenceWeights
    /// Tokens (in-vocabulary) that were windowed.
    public let tokens: Int
    let dense: DenseCooccurrenceBlock?
    let runs: RunStore
    /// Non-zero dense cells.
    public let denseEntries: Int

    init(vocabulary: Vocabulary, options: CooccurrenceOptions, weights: CooccurrenceWeights, tokens: Int,
         dense: DenseCooccurrenceBlock?, runs: RunStore) {
        self.vocabulary = vocabulary
        self.options = options
        self.weights = weights
        self.tokens = tokens
        self.dense = dense
        self.runs = runs
        denseEntries = dense?.nonZeroCount ?? 0
    }

    deinit { runs.removeFiles() }

    public var symmetric: Bool { options.symmetric }

    /// Distinct stored pairs is at most this (dense non-zero cells + run entries).
    public var storedEntryBound: Int { denseEntries + runs.entryCount }

    /// Bytes held in memory by the counts (dense cells that were touched count in full).
    public var memoryBytes: Int { (dense?.byteCount ?? 0) + runs.memoryBytes }

    /// Whether some runs live on disk.
    public var hasSpilled: Bool { runs.diskRunCount > 0 }
    /// Entries held in sorted runs (in memory or spilled), beside the dense block's.
    public var runEntries: Int { runs.entryCount }
    /// Bytes of the runs still in memory.
    public var inMemoryRunBytes: Int { runs.memoryBytes }
    /// The private temporary directory of the spilled runs (created on first use), for a
    /// consumer's own temporary files, removed with the counts.
    public func scratchDirectory() throws -> ScratchDirectory { try runs.scratch() }
    public var spilledBytes: Int { runs.spilledBytes }

    /// Moves the in-memory runs to disk (to free memory for what comes next).
    public func spillMemoryRuns() throws { try runs.spill() }

    /// Streams every stored entry once, in (i, j) order: `body(i, j, x)` with x the weighted
    /// count. Symmetric counts give only i <= j. May be called more than once.
    public func forEachEntry(progress: ProgressReporter? = nil, _ body: (Int, Int, Double) throws -> Void) throws {
        try RunPhase.enter(.merging)
        try runs.reduce(reserved: 0, progress: progress)
        progress?.beginPhase()
        var cursors = try runs.cursors()
        if let dense { cursors.append(DenseCursor(dense)) }
        let total = Double(max(storedEntryBound, 1))
        let scale = weights.scale
        let symmetric = options.symmetric
        try RunMerger.merge(cursors, onProgress: { read in
            progress?.update(fraction: Double(read) / total, detail: "merging \(cursors.count) sources")
        }) { key, sum in
            let i = CooccurrenceKey.row(key), j = CooccurrenceKey.column(key)
            let x = Double(sum) / scale
            try body(i, j, symmetric && i == j ? 2 * x : x)
        }
    }

    /// Streams every non-zero cell of the full matrix: for symmetric counts both (i, j) and
    /// (j, i). Not in row order.
    public func forEachCell(progress: ProgressReporter? = nil, _ body: (Int, Int, Double) throws -> Void) throws {
        let symmetric = options.symmetric
        try forEachEntry(progress: progress) { i, j, x in
            try body(i, j, x)
            if symmetric && i != j { try body(j, i, x) }
        }
    }

    /// Removes spilled files now (they also go when the counts are released).
    public func removeTemporaryFiles() { runs.removeFiles() }
}
