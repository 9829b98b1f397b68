import Foundation
import Synchronization

/// A private temporary directory for spilled runs and records, removed with everything in it
/// when the owner is done: on success, on error (the owner's `defer`/deinit) and after Ctrl-C
/// (loops throw `.interrupted`, which unwinds to the same cleanup).
public final class ScratchDirectory: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var counter = 0
    private var removed = false
    /// Every directory made and not yet removed, for `removeAllLive`.
    private static let live = LockedValue<Set<String>>([])

    /// Where every temporary file of wordvec goes: $TMPDIR when set and not empty, else /tmp.
    public static var defaultParent: String {
        ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// A new private (0600) file `wordvec-STEM-XXXXXX` under `defaultParent`, open for reading and
    /// writing; the caller owns the descriptor and the path (unlink it at once when only the
    /// descriptor is needed). Throws `.unwritable` naming the directory.
    public static func temporaryFile(_ stem: String) throws -> (descriptor: Int32, path: String) {
        var template = Array((defaultParent + "/wordvec-\(stem)-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        guard fd >= 0 else { throw WordVecError.unwritable(defaultParent, "cannot create a temporary file: \(systemError())") }
        return (fd, String(cString: template.withUnsafeBufferPointer { $0.baseAddress! }))
    }

    /// Creates `wordvec-XXXXXX` under `parent` (nil: `defaultParent`).
    public init(parent: String? = nil, prefix: String = "wordvec") throws {
        let base = parent ?? ScratchDirectory.defaultParent
        var template = Array((base + "/\(prefix)-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw WordVecError.unwritable(base, "cannot create a temporary directory: \(systemError())") }
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        ScratchDirectory.live.withLock { _ = $0.insert(path) }
    }

    deinit { remove() }

    /// A fresh file name inside the directory.
    public func newFile(_ stem: String) -> String {
        lock.lock(); defer { lock.unlock() }
        counter += 1
        return path + "/\(stem)-\(counter)"
    }

    /// Deletes the directory and its files (idempotent).
    public func remove() {
        lock.lock(); defer { lock.unlock() }
        if removed { return }
        removed = true
        ScratchDirectory.removeTree(path)
        ScratchDirectory.live.withLock { _ = $0.remove(path) }
    }

    private static func removeTree(_ path: String) {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
            for n in names { unlink(path + "/" + n) }
        }
        rmdir(path)
    }

    /// Deletes every directory not removed yet. The CLI calls it just before the process exits:
    /// the last reference to a directory's owner may still be held by a worker thread that has
    /// finished its work but not yet released its closure, and `exit` does not wait for it.
    public static func removeAllLive() {
        let paths = live.withLock { all -> Set<String> in
            defer { all.removeAll() }
            return all
        }
        for p in paths { removeTree(p) }
    }

    /// Free bytes on the directory's file system, if known.
    public var freeBytes: Int? {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return nil }
        return Int(s.f_bavail) * Int(s.f_frsize)
    }
}
