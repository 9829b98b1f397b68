import Foundation

/// One file that wordvec reads (a corpus file, vectors, a vocabulary, analogy questions, word
/// pairs), named as a user names it:
/// - `-` is standard input;
/// - `archive.zip:member` is one file inside a zip archive (when no file has that exact name);
/// - anything else is a path: a regular file, a pipe or FIFO (`<(zcat f.gz)`), a device.
///
/// gzip, bzip2, xz and zstd content and zip archives are recognised by their magic bytes and
/// decompressed on the fly through libarchive (`ArchiveByteSource`); a zip named without a member
/// must hold exactly one file. A name ending in `.gz`, `.bz2`, `.xz`, `.zst` or `.zip` whose
/// content does not start like one is reported as corrupt rather than read as text.
public struct InputFile: Sendable, Equatable {
    /// What the user wrote (used in every message).
    public let name: String
    /// The file to open: the path, the zip archive for a member, or "-".
    public let path: String
    /// The zip member to read, if any.
    public let member: String?

    public init(_ name: String) {
        self.name = name
        if name != "-", !FileManager.default.fileExists(atPath: name),
           let r = name.range(of: ".zip:", options: [.backwards, .caseInsensitive]) {
            path = String(name[..<r.upperBound].dropLast())
            member = String(name[r.upperBound...])
        } else {
            path = name
            member = nil
        }
    }

    public var isStdin: Bool { path == "-" }

    /// True for a regular file read as it is (no member, no compression): it can be mapped into
    /// memory and cut into byte ranges.
    public func isPlainRegularFile() throws -> Bool {
        guard !isStdin, member == nil else { return false }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return try compression() == nil
    }

    /// The compression of a regular file, from its first bytes (nil for plain content).
    func compression() throws -> Compression? {
        let source = PeekableByteSource(try FileByteSource(path: path))
        return try Self.check(Compression.detect(try source.peek(Compression.magicLength)), name: name, path: path)
    }

    /// A name promising compression that the content does not have is an error, not text.
    private static func check(_ found: Compression?, name: String, path: String) throws -> Compression? {
        if found == nil, let promised = Compression.fromExtension(path) {
            throw WordVecError.corruptCompressed(name, "\(promised.rawValue) data: the file does not start with the \(promised.rawValue) magic number")
        }
        return found
    }

    /// The decompressed bytes of the file. `start` > 0 seeks a plain regular file (byte ranges);
    /// a file opened at its start is sniffed for compression.
    public func open(start: Int64 = 0) throws -> ByteSource {
        let raw: ByteSource = isStdin ? FileByteSource(descriptor: STDIN_FILENO, name: "<stdin>")
                                      : try FileByteSource(path: path, start: start)
        if start > 0 { return raw }
        let peekable = PeekableByteSource(raw)
        let head = try peekable.peek(Compression.magicLength)
        let found = isStdin ? Compression.detect(head) : try Self.check(Compression.detect(head), name: name, path: path)
        guard let found else {
            if member != nil { throw WordVecError.invalidInput("\(path): not a zip archive, so it has no member '\(member!)'") }
            return peekable
        }
        if member != nil && found != .zip {
            throw WordVecError.invalidInput("\(path): not a zip archive (\(found.rawValue) data), so it has no member '\(member!)'")
        }
        return try ArchiveByteSource(inner: peekable, name: name, compression: found, member: member)
    }

    /// The whole decompressed content: a plain regular file is mapped, anything else is read
    /// through `open()` into memory. Errors name the file.
    public func contents() throws -> Data {
        if !isStdin && member == nil {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw WordVecError.fileNotFound(name) }
            if isDir.boolValue { throw WordVecError.unreadable(name, "is a directory") }
        }
        if try isPlainRegularFile() {
            // An empty file is not mapped (Foundation's mapping path leaks a page on it).
            var info = stat()
            if stat(path, &info) == 0 && info.st_size == 0 { return Data() }
            do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
                let code = errno
                throw WordVecError.unreadable(name, code != 0 ? systemError(code) : error.localizedDescription)
            }
        }
        return try Self.readAll(try open())
    }

    /// Everything `source` yields, in one growing buffer.
    static func readAll(_ source: ByteSource) throws -> Data {
        var capacity = 1 << 20, used = 0
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        do {
            while true {
                if used == capacity {
                    let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                    bigger.copyMemory(from: buffer, byteCount: used)
                    buffer.deallocate()
                    buffer = bigger
                    capacity *= 2
                }
                let n = try source.read(into: (buffer + used).assumingMemoryBound(to: UInt8.self), capacity: capacity - used)
                if n == 0 { break }
                used += n
            }
        } catch {
            buffer.deallocate()
            throw error
        }
        return Data(bytesNoCopy: buffer, count: used, deallocator: .custom { p, _ in p.deallocate() })
    }
}
