import Foundation

/// When and where an iterative trainer (sgns, cbow, fasttext, glove) saves its state, and
/// whether it starts from a saved state (`--checkpoint-every`, `--checkpoint`, `--resume`).
/// Checkpoints are taken at epoch boundaries only, so that a one-thread run resumed from one
/// gives the same bytes as a run never stopped.
public struct CheckpointPolicy: Sendable {
    /// How often a checkpoint is written.
    public enum Interval: Sendable, Equatable, CustomStringConvertible {
        /// After every n-th epoch (epochs n, 2n, …).
        case epochs(Int)
        /// At the first epoch end at least this many minutes after the previous checkpoint (or the start).
        case minutes(Double)

        /// `N` (epochs) or `Nm` (minutes, may be fractional: `0.5m`); throws `.invalidArgument`.
        public init(parsing text: String) throws {
            let bad = WordVecError.invalidArgument("--checkpoint-every must be a number of epochs (3) or of minutes (10m), at least 1 epoch or a positive number of minutes (got '\(text)')")
            if text.hasSuffix("m") {
                guard let m = Double(text.dropLast()), m.isFinite, m > 0 else { throw bad }
                self = .minutes(m)
            } else {
                guard let n = Int(text), n >= 1 else { throw bad }
                self = .epochs(n)
            }
        }

        public var description: String {
            switch self {
            case .epochs(let n): return n == 1 ? "every epoch" : "every \(n) epochs"
            case .minutes(let m): return String(format: "every %g minutes (at the next epoch end)", m)
            }
        }
    }

    /// The checkpoint file.
    public var path: String
    /// nil: none is written (a `--resume` without `--checkpoint-every`).
    public var every: Interval?
    /// Start from the checkpoint at `path` when there is one (else from the beginning, with a note).
    public var resume: Bool
    /// Called after each checkpoint is written, with the epochs it holds (tests stop runs there).
    package var afterWrite: (@Sendable (Int) -> Void)?

    public init(path: String, every: Interval?, resume: Bool) {
        self.path = path
        self.every = every
        self.resume = resume
    }

    /// Before a run: when a checkpoint is at `path` already, an interruption message says how
    /// to resume from it (until this run writes its own).
    public func announce() {
        if FileManager.default.fileExists(atPath: path) {
            Interrupt.resumeHint = "the checkpoint \(path) is kept: run the same command with --resume to continue from it"
        }
    }

    /// With `--resume` and a checkpoint at `path`: refuses it now, before the vocabulary is
    /// counted, when it cannot serve this config and corpus (the vocabulary and the matrices are
    /// checked when training starts). Throws `.invalidInput` naming the file and what differs.
    public func verify<C: TrainerConfig>(config: C, corpus: Corpus) throws {
        guard resume, FileManager.default.fileExists(atPath: path) else { return }
        try Checkpointer.requireMatch(CheckpointFile(path: path), method: config.method,
                                      settings: CheckpointFingerprint.settings(config: config, corpus: corpus, vocabulary: nil))
    }

    /// Deletes the checkpoint of a run whose output is written, and forgets the resume hint.
    /// Only a regular file is deleted: never a device, a symbolic link or a folder.
    public func finish() {
        if Self.isRegularFile(path) { unlink(path) }
        Interrupt.resumeHint = nil
    }

    /// Throws `.invalidArgument` when `path` exists and is not a regular file (a device such as
    /// /dev/null, a symbolic link, a folder): a checkpoint there could not be read back, and
    /// deleting it after the run would remove what the path names.
    public static func requireRegularFileOrAbsent(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if !isRegularFile(path) {
            throw WordVecError.invalidArgument("--checkpoint \(path) is not a regular file (a device, link or folder); name a file")
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The default checkpoint of a vector file: `OUTPUT.checkpoint` beside it.
    public static func defaultPath(output: String) -> String { output + ".checkpoint" }
}
