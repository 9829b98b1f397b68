import Foundation

/// The size and modification time of each file of a corpus, taken when the corpus is opened.
/// Every pass over the corpus (the vocabulary count, each training epoch, each counting pass)
/// checks them when it starts and when it ends, so a file that is appended to, truncated or
/// rewritten while wordvec reads it is an error naming the file, not a vocabulary that no longer
/// matches the text, nor byte ranges past its end.
struct CorpusFingerprint: Sendable {
    private struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }
    private let files: [String]
    private let stamps: [Stamp?]

    init(files: [String]) {
        self.files = files
        stamps = files.map(CorpusFingerprint.stamp)
    }

    private static func stamp(_ path: String) -> Stamp? {
        if path == "-" { return nil }
        var info = stat()
        // Only regular files: a pipe's or FIFO's time changes with every write into it.
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }

    /// Throws `.invalidInput` when a file's size or modification time differs from when the
    /// corpus was opened: "c.txt: the corpus changed while it was being read (1048576 bytes when
    /// the run began, 524288 now); …".
    func check() throws {
        for (path, then) in zip(files, stamps) {
            guard let then else { continue }
            let now = CorpusFingerprint.stamp(path)   // nil: gone, or no longer a regular file
            if now == then { continue }
            let size = now.map { "\($0.size) now" } ?? "gone now"
            throw WordVecError.invalidInput("\(path): the corpus changed while it was being read (\(then.size) bytes when the run began, \(size)); every pass must read the same text: train on a file that is not being written")
        }
    }
}
