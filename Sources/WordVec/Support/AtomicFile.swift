import Foundation

/// Writes a file through a temporary sibling and renames it into place only when complete,
/// so an error or Ctrl-C never leaves a truncated file under the requested name.
/// `-` writes to stdout directly.
public final class AtomicFile {
    public let path: String
    private let tempPath: String?
    /// The regular file the temporary file is renamed onto (`path`, or what its link points to).
    private var renameTarget: String?
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    private static let bufferSize = 1 << 20

    /// Opens the write. Where `path` is a symbolic link, the file it points to is replaced;
    /// where it is a device, FIFO or socket (`/dev/null`, `<(…)`), it is written directly (no
    /// rename can apply there); an existing file keeps its permission bits, and a read-only one
    /// is refused (`.unwritable`), as `>` in a shell would.
    public init(path: String, mode: mode_t = 0o644) throws {
        self.path = path
        if path == "-" {
            tempPath = nil
            fd = STDOUT_FILENO
        } else {
            let target = try AtomicFile.target(path)
            if target.direct {
                let f = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
                if f < 0 { throw WordVecError.unwritable(path, systemError()) }
                tempPath = nil
                fd = f
            } else {
                let url = URL(fileURLWithPath: target.path)
                let tmp = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                let f = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
                if f < 0 { throw WordVecError.unwritable(path, systemError()) }
                if let keep = target.existingMode { fchmod(f, keep) }
                tempPath = tmp
                fd = f
            }
            renameTarget = target.path
        }
        buffer.reserveCapacity(AtomicFile.bufferSize)
    }

    /// Where the bytes of `path` really go: the file a link points to, or the special file itself.
    private static func target(_ path: String) throws -> (path: String, direct: Bool, existingMode: mode_t?) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (path, false, nil) }   // new file (or a dangling link: replaced)
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw WordVecError.unwritable(path, "is a directory")
        case S_IFREG:
            if access(path, W_OK) != 0 { throw WordVecError.unwritable(path, systemError()) }
            let real = AtomicFile.resolvedPath(path) ?? path
            return (real, false, info.st_mode & 0o7777)
        default: return (path, true, nil)
        }
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > AtomicFile.bufferSize { try flush() }
        if bytes.count >= AtomicFile.bufferSize {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ string: String) throws {
        var s = string
        try s.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func flush() throws {
        if buffer.isEmpty { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        try Interrupt.check()
        try FileDescriptorIO.writeAll(fd, bytes.baseAddress!, bytes.count) { WordVecError.unwritable(path, $0) }
    }

    /// Flushes and closes the temporary file and renames it onto `path` (inside
    /// `AtomicFileGroup.write`, when the whole group is written).
    public func commit() throws {
        do {
            try flush()
            try Interrupt.check()
        } catch {
            discard()
            throw error
        }
        finished = true
        guard let tmp = tempPath else {
            if fd != STDOUT_FILENO && close(fd) != 0 { throw WordVecError.unwritable(path, systemError()) }
            return
        }
        if close(fd) != 0 {
            let why = systemError()
            unlink(tmp)
            throw WordVecError.unwritable(path, why)
        }
        if let group = AtomicFileGroup.current {
            group.add(temporary: tmp, target: renameTarget ?? path, path: path)   // renamed with the others
            return
        }
        if rename(tmp, renameTarget ?? path) != 0 {
            let why = systemError()
            unlink(tmp)
            throw WordVecError.unwritable(path, why)
        }
    }

    /// Abandons the write: the temporary file is removed, `path` is untouched.
    public func discard() {
        if finished { return }
        finished = true
        if let tmp = tempPath {
            close(fd)
            unlink(tmp)
        } else if fd != STDOUT_FILENO {
            close(fd)
        }
    }

    /// Fails early (before hours of training) when `path` could not be written later:
    /// a missing or read-only folder, a directory in its place, or a folder where no file can
    /// be made (a read-only mount, `/proc`, `/sys`): a probe file is created beside the target
    /// and removed at once, as the write's own temporary file would be. "-" (stdout) always passes.
    public static func checkWritable(_ path: String) throws {
        if path == "-" { return }
        var info = stat()
        if stat(path, &info) == 0 {
            // An existing target: a special file or a regular one, writable (or not).
            if info.st_mode & S_IFMT == S_IFDIR { throw WordVecError.unwritable(path, "is a directory") }
            if access(path, W_OK) != 0 { throw WordVecError.unwritable(path, systemError()) }
            if info.st_mode & S_IFMT != S_IFREG { return }
        }
        var isDir: ObjCBool = false
        let real = AtomicFile.resolvedPath(path) ?? path
        let dir = URL(fileURLWithPath: real).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw WordVecError.unwritable(path, "the folder \(dir) does not exist")
        }
        if access(dir, W_OK) != 0 { throw WordVecError.unwritable(path, systemError()) }
        // Permission bits say nothing to root, nor about /proc; creating a file does.
        let probe = dir + "/.wordvec-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let f = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if f < 0 { throw WordVecError.unwritable(path, "cannot create a file in \(dir): \(systemError())") }
        close(f)
        unlink(probe)
    }

    /// Removes the temporary siblings of `path` (`.NAME.tmp-PID-…`) that a process killed
    /// outright (SIGKILL, power loss) left behind: those whose PID no longer runs.
    public static func removeStaleTemporaries(of path: String) {
        if path == "-" { return }
        let url = URL(fileURLWithPath: AtomicFile.resolvedPath(path) ?? path)
        let dir = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    /// The absolute path with every symbolic link resolved (realpath(3)), or nil when `path`
    /// does not exist.
    public static func resolvedPath(_ path: String) -> String? {
        realpath(path, nil).map { p in defer { free(p) }; return String(cString: p) }
    }

    /// Runs `body` with a fresh atomic file and commits it; on any error the target is untouched.
    public static func write(to path: String, _ body: (AtomicFile) throws -> Void) throws {
        let file = try AtomicFile(path: path)
        do {
            try body(file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}
