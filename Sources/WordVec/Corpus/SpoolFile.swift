import Foundation

/// A private temporary copy of a stream that can be read only once (stdin, a pipe), removed
/// when the last reference goes away.
final class SpoolFile: @unchecked Sendable {
    let path: String

    init(copying source: ByteSource, name: String) throws {
        // No extension: compressed content is recognised by its magic bytes when read back.
        let file = try ScratchDirectory.temporaryFile("spool")
        path = file.path
        defer { close(file.descriptor) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { buffer.deallocate() }
        do {
            while true {
                let n = try source.read(into: buffer, capacity: 1 << 20)
                if n == 0 { break }
                try FileDescriptorIO.writeAll(file.descriptor, buffer, n) {
                    WordVecError.unwritable(ScratchDirectory.defaultParent, "spooling \(name): \($0)")
                }
            }
        } catch {
            unlink(path)   // at once (a second unlink by deinit is harmless)
            throw error
        }
    }

    deinit { unlink(path) }
}
