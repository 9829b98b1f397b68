import Foundation
import CZstd

/// A forward stream of bytes: a file (or a byte range of one), stdin, or a zstd frame decoder.
public protocol ByteSource: AnyObject {
    /// Reads up to `capacity` bytes; 0 means end of stream.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int
}

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
        while true {
            let n = Foundation.read(fd, buffer, capacity)
            if n >= 0 { return n }
            if errno == EINTR { try Interrupt.check(); continue }
            throw WordVecError.unreadable(path, systemError())
        }
    }
}

/// Streams the decompressed content of a zstd file (one or more frames) through libzstd.
public final class ZstdByteSource: ByteSource {
    private let inner: ByteSource
    private let path: String
    private let stream: OpaquePointer
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = ZSTD_DStreamInSize()
    private var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    private var midFrame = false
    private var finished = false

    public init(inner: ByteSource, path: String) {
        self.inner = inner
        self.path = path
        stream = ZSTD_createDStream()
        ZSTD_initDStream(stream)
        input = .allocate(capacity: inputCapacity)
        inBuffer.src = UnsafeRawPointer(input)
    }

    deinit {
        ZSTD_freeDStream(stream)
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        if finished { return 0 }
        var out = ZSTD_outBuffer(dst: buffer, size: capacity, pos: 0)
        while out.pos == 0 {
            if inBuffer.pos == inBuffer.size {
                let n = try inner.read(into: input, capacity: inputCapacity)
                if n == 0 {
                    finished = true
                    if midFrame { throw WordVecError.corruptCompressed(path, "the file ends in the middle of a frame") }
                    return 0
                }
                inBuffer.size = n
                inBuffer.pos = 0
            }
            let ret = ZSTD_decompressStream(stream, &out, &inBuffer)
            if ZSTD_isError(ret) != 0 {
                throw WordVecError.corruptCompressed(path, String(cString: ZSTD_getErrorName(ret)))
            }
            midFrame = ret != 0
        }
        return out.pos
    }
}
