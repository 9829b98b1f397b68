import Foundation

/// The sorted runs of a count: kept in memory up to a budget, then spilled to disk (all memory
/// runs merged into one file, so each spill adds one file), and reduced to at most `maxFanIn`
/// files by multi-level merges before the final merge. Shared by the counting threads.
final class RunStore: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var memoryRuns: [MemoryRun] = []
    private(set) var memoryBytes = 0
    private(set) var diskRuns: [RunFile] = []
    let memoryBudget: Int
    let maxFanIn: Int
    /// Bytes per block of a run file (one such buffer per open run during a merge).
    let blockBytes: Int
    private let parentDirectory: String?
    private var scratchDirectory: ScratchDirectory?
    /// Called (under the store's lock) after each spill with the bytes spilled so far.
    var onSpill: ((_ spilledBytes: Int, _ spills: Int, _ directory: ScratchDirectory) -> Void)?
    private(set) var spilledBytes = 0
    private(set) var spills = 0

    init(memoryBudget: Int, maxFanIn: Int, blockBytes: Int, parentDirectory: String?) {
        self.memoryBudget = memoryBudget
        self.maxFanIn = max(2, maxFanIn)
        self.blockBytes = blockBytes
        self.parentDirectory = parentDirectory
    }

    /// The temporary directory, created on first use.
    func scratch() throws -> ScratchDirectory {
        if let s = scratchDirectory { return s }
        let s = try ScratchDirectory(parent: parentDirectory, prefix: "wordvec-cooccur")
        scratchDirectory = s
        return s
    }

    /// Adds a run; spills when memory runs exceed the budget.
    func add(_ run: MemoryRun) throws {
        lock.lock(); defer { lock.unlock() }
        if run.count == 0 { return }
        memoryRuns.append(run)
        memoryBytes += run.byteCount
        if memoryBytes > memoryBudget { try spillLocked() }
    }

    /// Writes every memory run to disk, merged into one file.
    func spill() throws {
        lock.lock(); defer { lock.unlock() }
        try spillLocked()
    }

    private func spillLocked() throws {
        if memoryRuns.isEmpty { return }
        let dir = try scratch()
        let writer = try RunFileWriter(path: dir.newFile("run"), blockBytes: blockBytes)
        do {
            try RunPhase.enter(.spilling)
            try RunMerger.merge(memoryRuns.map { MemoryRunCursor($0) }) { try writer.append($0, $1) }
            let file = try writer.finish()
            diskRuns.append(file)
            spilledBytes += file.bytes
        } catch {
            unlink(writer.path)
            throw error
        }
        memoryRuns.removeAll()
        memoryBytes = 0
        spills += 1
        onSpill?(spilledBytes, spills, dir)
    }

    /// Merges disk runs, smallest first, until at most `maxFanIn - reserved` remain
    /// (`reserved`: other sources that will join the final merge).
    func reduce(reserved: Int = 0, progress: ProgressReporter?) throws {
        lock.lock(); defer { lock.unlock() }
        let limit = max(2, maxFanIn - reserved)
        if diskRuns.count <= limit { return }
        try RunPhase.enter(.merging)
        progress?.beginPhase()
        let totalEntries = diskRuns.reduce(0) { $0 + $1.entries }
        var level = 0
        var mergedEntries = 0
        // Each merge of k runs removes k - 1; merge the smallest (Huffman order) to write least.
        while diskRuns.count > limit {
            level += 1
            diskRuns.sort { $0.entries < $1.entries }
            let k = min(maxFanIn, diskRuns.count - limit + 1)
            let group = Array(diskRuns.prefix(k))
            let dir = try scratch()
            let writer = try RunFileWriter(path: dir.newFile("merged"), blockBytes: blockBytes)
            let groupEntries = group.reduce(0) { $0 + $1.entries }
            do {
                let cursors: [RunCursor] = try group.map { try RunFileCursor($0) }
                try RunMerger.merge(cursors, onProgress: { read in
                    progress?.update(fraction: Double(mergedEntries + read) / Double(max(totalEntries, 1)),
                                     detail: "merging \(k) spilled runs into one (\(self.diskRuns.count) left)")
                }) { try writer.append($0, $1) }
                let file = try writer.finish()
                for g in group { unlink(g.path) }
                diskRuns.removeFirst(k)
                diskRuns.append(file)
                mergedEntries += groupEntries
            } catch {
                unlink(writer.path)
                throw error
            }
        }
        progress?.note("cooccur: merged spilled runs in \(level) intermediate merges (fan-in at most \(maxFanIn))")
    }

    /// Cursors over every run, memory and disk.
    func cursors() throws -> [RunCursor] {
        lock.lock(); defer { lock.unlock() }
        var out: [RunCursor] = memoryRuns.map { MemoryRunCursor($0) }
        for f in diskRuns { out.append(try RunFileCursor(f)) }
        return out
    }

    /// Entries in all runs (keys repeated across runs counted each time).
    var entryCount: Int {
        lock.lock(); defer { lock.unlock() }
        return memoryRuns.reduce(0) { $0 + $1.count } + diskRuns.reduce(0) { $0 + $1.entries }
    }

    var diskRunCount: Int {
        lock.lock(); defer { lock.unlock() }
        return diskRuns.count
    }

    /// Removes the spilled files and the temporary directory.
    func removeFiles() {
        lock.lock(); defer { lock.unlock() }
        scratchDirectory?.remove()
        diskRuns.removeAll()
    }
}
