/// A byte source whose first bytes can be looked at before they are read, so that a stream that
/// cannot seek (stdin, a pipe) can be sniffed for a magic number or a byte-order mark.
final class PeekableByteSource: ByteSource {
    private let inner: ByteSource
    private var pending: [UInt8] = []
    private var innerEnded = false

    init(_ inner: ByteSource) { self.inner = inner }

    /// Up to `count` next bytes, without consuming them (fewer only at the end of the stream).
    func peek(_ count: Int) throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: count)
        while pending.count < count && !innerEnded {
            let want = count - pending.count
            let n = try chunk.withUnsafeMutableBufferPointer { try inner.read(into: $0.baseAddress!, capacity: want) }
            if n == 0 { innerEnded = true } else { pending += chunk[0..<n] }
        }
        return Array(pending.prefix(count))
    }

    /// Drops the first `count` peeked bytes.
    func skip(_ count: Int) {
        pending.removeFirst(min(count, pending.count))
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        if pending.isEmpty { return innerEnded ? 0 : try inner.read(into: buffer, capacity: capacity) }
        let n = min(capacity, pending.count)
        pending.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: n) }
        pending.removeFirst(n)
        return n
    }
}
