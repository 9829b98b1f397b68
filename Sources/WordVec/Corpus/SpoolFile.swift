import Foundation

/// A private temporary copy of a stream that can be read only once (stdin, a pipe), removed
/// when the last reference goes away.
final class SpoolFile: @unchecked Sendable {
    let path: String

    init(copying source: ByteSource, name: String) throws {
        // No extension: compressed content is recognised by its magic bytes when read back.
        path = ScratchDirectory.defaultParent + "/wordvec-spool-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let out = try AtomicFile(path: path, mode: 0o600)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { buffer.deallocate() }
        while true {
            let n = try source.read(into: buffer, capacity: 1 << 20)
            if n == 0 { break }
            try out.write(UnsafeRawBufferPointer(start: buffer, count: n))
        }
        try out.commit()
    }

    deinit { unlink(path) }
}
