import Foundation
import CZstd

/// A sorted run spilled to disk: blocks of (key delta, value) varints, each block compressed
/// with zstd (level 1) when that makes it at least 10% smaller. Sorted keys make small deltas,
/// so the varints alone already shrink a run to a few bytes per entry.
///
/// Block layout: UInt32 raw bytes, UInt32 stored bytes, UInt32 entries, UInt32 flags (1 = zstd),
/// then the stored bytes. The first key of a block is stored whole, the rest as deltas.
package struct RunFile: Sendable {
    package let path: String
    package let entries: Int
    package let bytes: Int

    /// Why opening a run file failed, for `errno`: a missing temporary folder is named as such
    /// (something removed it while the count ran, e.g. a /tmp cleaner).
    static func openFailure() -> String {
        errno == ENOENT ? "the temporary folder was removed while the run was using it (No such file or directory)" : systemError()
    }
}

final class RunFileWriter {
    let path: String
    private var fd: Int32
    private let blockBytes: Int
    private var raw: [UInt8]
    private var compressed: [UInt8]
    private var blockEntries = 0
    private var lastKey: UInt64 = 0
    private(set) var entries = 0
    private(set) var bytesWritten = 0
    private var tryCompression = true
    private var blocksTried = 0, blocksPaid = 0

    init(path: String, blockBytes: Int) throws {
        self.path = path
        self.blockBytes = max(blockBytes, 4096)
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd < 0 { throw WordVecError.unwritable(path, RunFile.openFailure()) }
        raw = []
        raw.reserveCapacity(self.blockBytes + 32)
        compressed = [UInt8](repeating: 0, count: ZSTD_compressBound(self.blockBytes + 32))
    }

    deinit { if fd >= 0 { close(fd) } }

    @inline(__always)
    func append(_ key: UInt64, _ value: UInt64) throws {
        Varint.append(blockEntries == 0 ? key : key &- lastKey, to: &raw)
        Varint.append(value, to: &raw)
        lastKey = key
        blockEntries += 1
        entries += 1
        if raw.count >= blockBytes { try flushBlock() }
    }

    private func flushBlock() throws {
        if blockEntries == 0 { return }
        var flags: UInt32 = 0
        var storedCount = raw.count
        if tryCompression {
            let n = raw.withUnsafeBytes { r in
                compressed.withUnsafeMutableBytes { c in
                    ZSTD_compress(c.baseAddress, c.count, r.baseAddress, r.count, 1)
                }
            }
            blocksTried += 1
            if ZSTD_isError(n) == 0 && n < raw.count - raw.count / 10 {
                flags = 1
                storedCount = n
                blocksPaid += 1
            }
            // Stop trying on a file where zstd does not pay.
            if blocksTried >= 4 && blocksPaid * 2 < blocksTried { tryCompression = false }
        }
        var header = [UInt32(raw.count), UInt32(storedCount), UInt32(blockEntries), flags]
        try header.withUnsafeMutableBytes { try writeAll($0.baseAddress!, $0.count) }
        if flags == 1 {
            try compressed.withUnsafeBytes { try writeAll($0.baseAddress!, storedCount) }
        } else {
            try raw.withUnsafeBytes { try writeAll($0.baseAddress!, storedCount) }
        }
        raw.removeAll(keepingCapacity: true)
        blockEntries = 0
    }

    private func writeAll(_ p: UnsafeRawPointer, _ n: Int) throws {
        try FileDescriptorIO.writeAll(fd, p, n) { WordVecError.unwritable(path, $0) }
        bytesWritten += n
    }

    func finish() throws -> RunFile {
        try flushBlock()
        let closed = close(fd)
        fd = -1   // closed once: deinit must not close a descriptor number another thread may reuse
        if closed != 0 { throw WordVecError.unwritable(path, systemError()) }
        return RunFile(path: path, entries: entries, bytes: bytesWritten)
    }
}

/// Reads a run file block by block (one block in memory at a time).
final class RunFileCursor: RunCursor {
    private let file: RunFile
    private let fd: Int32
    private var raw: [UInt8] = []
    private var stored: [UInt8] = []
    private var position = 0
    private var blockLeft = 0
    private var firstInBlock = true
    private(set) var key: UInt64 = 0
    private(set) var value: UInt64 = 0
    var entryEstimate: Int { file.entries }

    init(_ file: RunFile) throws {
        self.file = file
        fd = open(file.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw WordVecError.unreadable(file.path, RunFile.openFailure()) }
    }

    deinit { close(fd) }

    func advance() throws -> Bool {
        if blockLeft == 0 {
            if try !readBlock() { return false }
        }
        let delta = try raw.withUnsafeBufferPointer { try Varint.read($0, &position, file.path) }
        key = firstInBlock ? delta : key &+ delta
        firstInBlock = false
        value = try raw.withUnsafeBufferPointer { try Varint.read($0, &position, file.path) }
        blockLeft -= 1
        return true
    }

    private func readBlock() throws -> Bool {
        var header = [UInt32](repeating: 0, count: 4)
        let got = try header.withUnsafeMutableBytes { try readAll($0.baseAddress!, 16) }
        if got == 0 { return false }
        guard got == 16, header[0] > 0, header[2] > 0, Int(header[1]) <= Int(header[0]) + 1 << 20 else {
            throw WordVecError.unreadable(file.path, "corrupt run block (the temporary file was damaged)")
        }
        let rawCount = Int(header[0]), storedCount = Int(header[1])
        if raw.count < rawCount { raw = [UInt8](repeating: 0, count: rawCount) }
        if header[3] == 1 {
            if stored.count < storedCount { stored = [UInt8](repeating: 0, count: storedCount) }
            guard try stored.withUnsafeMutableBytes({ try readAll($0.baseAddress!, storedCount) }) == storedCount else {
                throw WordVecError.unreadable(file.path, "truncated run block")
            }
            let n = raw.withUnsafeMutableBytes { r in
                stored.withUnsafeBytes { s in ZSTD_decompress(r.baseAddress, rawCount, s.baseAddress, storedCount) }
            }
            guard ZSTD_isError(n) == 0, n == rawCount else {
                throw WordVecError.corruptCompressed(file.path, "zstd data: run block does not decompress")
            }
        } else {
            guard try raw.withUnsafeMutableBytes({ try readAll($0.baseAddress!, rawCount) }) == rawCount else {
                throw WordVecError.unreadable(file.path, "truncated run block")
            }
        }
        position = 0
        blockLeft = Int(header[2])
        firstInBlock = true
        return true
    }

    private func readAll(_ p: UnsafeMutableRawPointer, _ n: Int) throws -> Int {
        try FileDescriptorIO.readFully(fd, p, n) { WordVecError.unreadable(file.path, $0) }
    }
}
