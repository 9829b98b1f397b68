import Foundation

/// A plain file read with read(2), from `start` to the end of the file.
public final class FileByteSource: ByteSource {
    public let path: String
    private let fd: Int32

    public init(path: String, start: Int64 = 0) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw WordVecError.fileNotFound(path) }
            throw WordVecError.unreadable(path, systemError(code))
        }
        if start > 0, lseek(fd, off_t(start), SEEK_SET) < 0 {
            let why = systemError()
            close(fd)
            throw WordVecError.unreadable(path, why)
        }
    }

    /// Wraps an already open descriptor (stdin); it is not closed.
    init(descriptor: Int32, name: String) {
        path = name
        fd = dup(descriptor)
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        try FileDescriptorIO.readSome(fd, buffer, capacity) { WordVecError.unreadable(path, $0) }
    }
}
