import Foundation

/// A private temporary copy of a stream that can be read only once (stdin, a pipe). The file is
/// unlinked as soon as it is written and kept open: `path` (`/proc/self/fd/N`) reopens it for
/// every pass and byte range, and the kernel frees it when the process ends, however it ends.
final class SpoolFile: @unchecked Sendable {
    let path: String
    private let descriptor: Int32

    init(copying source: ByteSource, name: String) throws {
        // No extension: compressed content is recognised by its magic bytes when read back.
        let file = try ScratchDirectory.temporaryFile("spool")
        unlink(file.path)
        do { try SpoolFile.copy(source, to: file.descriptor, name: name) } catch {
            close(file.descriptor)   // the properties are not set yet, so deinit will not run
            throw error
        }
        descriptor = file.descriptor
        path = "/proc/self/fd/\(file.descriptor)"
    }

    private static func copy(_ source: ByteSource, to fd: Int32, name: String) throws {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { buffer.deallocate() }
        while true {
            let n = try source.read(into: buffer, capacity: 1 << 20)
            if n == 0 { break }
            try FileDescriptorIO.writeAll(fd, buffer, n) {
                WordVecError.unwritable(ScratchDirectory.defaultParent, "spooling \(name): \($0)")
            }
        }
    }

    deinit { close(descriptor) }
}
