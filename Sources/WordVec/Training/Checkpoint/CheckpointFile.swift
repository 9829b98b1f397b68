import Foundation

/// The checkpoint file format (version 1), little-endian:
///
///     "WORDVECCKPT\n"          12 bytes, the magic
///     version                 UInt32 (1)
///     header length n         UInt64
///     header checksum         UInt64, XXH64 of the header
///     header                  n bytes of JSON: the settings fingerprint, the `CheckpointState`,
///                             and the name and size of each section
///     sections                their raw bytes, in the header's order
///     sections checksum       UInt64, XXH64 of the sections' XXH64 sums
///
/// Written atomically (`AtomicFile`), so a crash or Ctrl-C during a write leaves the previous
/// checkpoint in place; read only after its version, size, settings and both checksums pass.
struct CheckpointFile {
    static let magic = Array("WORDVECCKPT\n".utf8)
    static let version: UInt32 = 1
    /// Magic, version, header length, header checksum.
    static let prefixBytes = 12 + 4 + 8 + 8

    struct Header: Codable {
        struct Section: Codable, Equatable { var name: String; var bytes: Int }
        var method: String
        var settings: [String: String]
        var state: CheckpointState
        var sections: [Section]
    }

    let path: String
    let header: Header

    /// Writes a checkpoint atomically. Throws `.unwritable` or `.interrupted` (the previous
    /// checkpoint, if any, is then untouched).
    static func write(to path: String, method: String, settings: [String: String], state: CheckpointState,
                      sections: [CheckpointSection]) throws {
        let header = Header(method: method, settings: settings, state: state,
                            sections: sections.map { Header.Section(name: $0.name, bytes: $0.bytes) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array(try encoder.encode(header))
        try AtomicFile.write(to: path) { file in
            var prefix = magic
            append(version, to: &prefix)
            append(UInt64(json.count), to: &prefix)
            append(Checksum.xxh64(json), to: &prefix)
            try file.write(prefix)
            try file.write(json)
            var sums: [UInt8] = []
            for s in sections {
                append(Checksum.xxh64(s.base, count: s.bytes), to: &sums)
                try file.write(UnsafeRawBufferPointer(start: s.base, count: s.bytes))
            }
            var trailer: [UInt8] = []
            append(Checksum.xxh64(sums), to: &trailer)
            try file.write(trailer)
        }
    }

    /// Opens a checkpoint and checks its magic, version, header checksum and size. Throws
    /// `.invalidInput` naming the file and what is wrong, `.unreadable`.
    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WordVecError.unreadable(path, systemError()) }
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        let size = Int(info.st_size)
        var prefix = [UInt8](repeating: 0, count: Self.prefixBytes)
        let got = try prefix.withUnsafeMutableBytes { try Self.read(fd, $0.baseAddress!, $0.count, at: 0, path: path) }
        guard got >= 16, Array(prefix[0..<12]) == Self.magic else {
            throw Self.refused(path, "not a wordvec checkpoint (no checkpoint header)")
        }
        let version = Self.load(UInt32.self, prefix, at: 12)
        guard version == Self.version else {
            throw Self.refused(path, "checkpoint format version \(version); this wordvec reads version \(Self.version)")
        }
        guard got == Self.prefixBytes else { throw Self.refused(path, "truncated checkpoint (\(size) bytes)") }
        let length = Int(clamping: Self.load(UInt64.self, prefix, at: 16))
        guard length <= size - Self.prefixBytes else {
            throw Self.refused(path, "truncated checkpoint (\(size) bytes; the header alone needs \(Self.prefixBytes + length))")
        }
        var json = [UInt8](repeating: 0, count: length)
        _ = try json.withUnsafeMutableBytes { try Self.read(fd, $0.baseAddress!, length, at: Self.prefixBytes, path: path) }
        guard Checksum.xxh64(json) == Self.load(UInt64.self, prefix, at: 24),
              let header = try? JSONDecoder().decode(Header.self, from: Data(json)) else {
            throw Self.refused(path, "corrupt checkpoint (the header's checksum does not match)")
        }
        let expected = Self.prefixBytes + length + header.sections.reduce(0) { $0 + $1.bytes } + 8
        guard size == expected else {
            throw Self.refused(path, size < expected ? "truncated checkpoint (\(size) of \(expected) bytes)"
                                                     : "corrupt checkpoint (\(size - expected) bytes more than its header describes)")
        }
        self.header = header
    }

    /// Reads the sections into `sections` (same names and sizes as the header's) and checks
    /// their checksum. Throws `.invalidInput` naming the file; the buffers then hold garbage
    /// and must not be used.
    func readSections(into sections: [CheckpointSection]) throws {
        let wanted = sections.map { Header.Section(name: $0.name, bytes: $0.bytes) }
        guard wanted == header.sections else {
            let describe = { (s: [Header.Section]) in s.map { "\($0.name) \($0.bytes) bytes" }.joined(separator: ", ") }
            throw Self.refused(path, "its matrices (\(describe(header.sections))) do not fit this run's (\(describe(wanted)))")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WordVecError.unreadable(path, systemError()) }
        defer { close(fd) }
        var offset = Self.prefixBytes + Int(try headerLength(fd))
        var sums: [UInt8] = []
        for s in sections {
            guard try Self.read(fd, s.base, s.bytes, at: offset, path: path) == s.bytes else {
                throw Self.refused(path, "truncated checkpoint (the file shrank while it was read)")
            }
            Self.append(Checksum.xxh64(s.base, count: s.bytes), to: &sums)
            offset += s.bytes
        }
        var trailer = [UInt8](repeating: 0, count: 8)
        _ = try trailer.withUnsafeMutableBytes { try Self.read(fd, $0.baseAddress!, 8, at: offset, path: path) }
        guard Self.load(UInt64.self, trailer, at: 0) == Checksum.xxh64(sums) else {
            throw Self.refused(path, "corrupt checkpoint (the matrices' checksum does not match)")
        }
    }

    private func headerLength(_ fd: Int32) throws -> UInt64 {
        var bytes = [UInt8](repeating: 0, count: 8)
        _ = try bytes.withUnsafeMutableBytes { try Self.read(fd, $0.baseAddress!, 8, at: 16, path: path) }
        return Self.load(UInt64.self, bytes, at: 0)
    }

    /// "PATH: WHY; delete it to start over": the one line for a checkpoint that cannot be used.
    static func refused(_ path: String, _ why: String) -> WordVecError {
        .invalidInput("\(path): \(why); cannot resume from it (delete it, or move it away, to start over)")
    }

    private static func read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ count: Int, at offset: Int, path: String) throws -> Int {
        try FileDescriptorIO.readFully(fd, p, count, at: Int64(offset)) { WordVecError.unreadable(path, $0) }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func load<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}
