import Foundation
import Synchronization

/// The address-space limit a run lives under (`ulimit -v`, RLIMIT_AS), checked before a run
/// allocates its large matrices. Swift stops the process on a failed allocation of an array,
/// so a run that would not fit is refused up front with one line instead of crashing hours in.
/// (`LargeBuffer` also throws, not traps, when the kernel refuses a matrix.)
public enum MemoryLimit {
    /// Bytes the process may still map: the limit minus what is mapped now (`/proc/self/statm`);
    /// nil when there is no limit (or it cannot be read).
    public static var available: Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int.max) else { return nil }
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").first.flatMap({ Int($0) }) else { return nil }
        let mapped = pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        return max(0, Int(clamping: limit.rlim_cur) - mapped)
    }

    /// OpenBLAS starts its worker threads when it is loaded, and each maps a 128 MiB buffer;
    /// under a tight `ulimit -v` that mapping fails and the thread retries for ever (the process
    /// spins on a core and then hangs at exit, joining it). So under any address-space limit the
    /// CLI runs OpenBLAS on one thread: it sets `OPENBLAS_NUM_THREADS=1` and executes itself
    /// again, once, with the same arguments (the process id stays the same). Returns when there
    /// is nothing to do (no limit, the variable already set, or exec failed).
    public static func singleThreadedBLASUnderLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int.max),
              ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil else { return }
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
    }

    /// OpenBLAS maps a 128 MiB work buffer on its first level-3 or LAPACK call and, when the
    /// mapping fails, retries for ever (a hang, not an error). Throws `.invalidArgument` before
    /// that call when the buffer cannot fit under `ulimit -v`; once a check has passed the buffer
    /// is mapped and stays, so later calls return at once.
    public static func requireBLASWorkspace() throws {
        if blasWorkspaceChecked.load(ordering: .relaxed) { return }
        try require(blasWorkspaceBytes, for: "OpenBLAS's work buffer (for the SVD)", hint: "raise the limit")
        blasWorkspaceChecked.store(true, ordering: .relaxed)
    }

    /// OpenBLAS's buffer (128 MiB) and room for the small matrices around it.
    static let blasWorkspaceBytes = 160 << 20
    private static let blasWorkspaceChecked = Atomic<Bool>(false)

    /// Throws `.invalidArgument` when `bytes` more cannot be mapped under the limit:
    /// "sgns needs about 1600 MiB for its matrices (1000 words × 100000 dimensions), but the
    /// memory limit (ulimit -v) leaves 700 MiB; lower --dim, raise --min-count or set --max-vocab".
    public static func require(_ bytes: Int, for what: String, hint: String) throws {
        guard let free = available, bytes > free else { return }
        throw WordVecError.invalidArgument("\(what) needs about \(bytes >> 20) MiB, but the memory limit (ulimit -v) leaves \(free >> 20) MiB; \(hint)")
    }
}

extension TrainerConfig {
    /// The estimate most dense methods share: two `words × dim` float matrices (word and context
    /// vectors) and one packed copy of each on the way out.
    public func matrixBytes(words: Int) -> Int {
        writesSparseVectors ? 0 : 4 * words * dim * MemoryLayout<Float>.stride
    }

    /// Refuses, before training, a run whose matrices cannot fit under `ulimit -v`.
    func requireMemory(words: Int) throws {
        let bytes = matrixBytes(words: words)
        if bytes == 0 { return }
        let knobs = self is FastTextConfig ? "lower --dim or --bucket" : "lower --dim"
        try MemoryLimit.require(bytes, for: "\(method) (\(words) words × \(dim) dimensions)",
                                hint: "\(knobs), raise --min-count or set --max-vocab")
    }
}

extension FastTextConfig {
    /// The input matrix also holds `bucket` n-gram rows: (words + bucket) × dim, plus the output
    /// matrix and the packed word and output vectors (words × dim each).
    public func matrixBytes(words: Int) -> Int {
        (words + ngrams.bucket + 3 * words) * dim * MemoryLayout<Float>.stride
    }
}
