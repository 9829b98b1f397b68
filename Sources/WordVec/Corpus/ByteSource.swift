import Foundation

/// A forward stream of bytes: a file (or a byte range of one), stdin, or a decompressor.
public protocol ByteSource: AnyObject {
    /// Reads up to `capacity` bytes; 0 means end of stream.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int
}
