import CZstd
import Foundation

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
