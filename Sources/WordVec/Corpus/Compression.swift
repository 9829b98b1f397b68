/// The compressed containers wordvec reads, recognised by their leading magic bytes (never by the
/// file name alone): gzip, bzip2, xz and zstd streams, and zip archives.
public enum Compression: String, Sendable, CaseIterable {
    case gzip, bzip2, xz, zstd, zip

    /// How many leading bytes `detect` looks at.
    static let magicLength = 6

    /// The container whose magic number `head` starts with, or nil for anything else (plain text,
    /// a vector file, a fastText model).
    public static func detect<C: Collection>(_ head: C) -> Compression? where C.Element == UInt8 {
        let b = Array(head.prefix(magicLength))
        func starts(_ magic: [UInt8]) -> Bool { b.starts(with: magic) }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x42, 0x5A, 0x68]) && b.count > 3 && (0x31...0x39).contains(b[3]) { return .bzip2 }   // "BZh1".."BZh9"
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        return nil
    }

    /// The container a file name's extension promises (`.gz`, `.bz2`, `.xz`, `.zst`, `.zip`), used
    /// only to explain a file whose content does not start like one.
    public static func fromExtension(_ path: String) -> Compression? {
        let lower = path.lowercased()
        let table: [(String, Compression)] = [(".gz", .gzip), (".tgz", .gzip), (".bz2", .bzip2), (".xz", .xz),
                                              (".zst", .zstd), (".zstd", .zstd), (".zip", .zip)]
        return table.first { lower.hasSuffix($0.0) }?.1
    }
}
