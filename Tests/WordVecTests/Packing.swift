import CArchive
import Foundation
import WordVec

/// Compressed test inputs made in memory with libarchive's writer (no external tools):
/// gzip/bzip2/xz/zstd streams and zip archives.
enum Packing {
    /// `bytes` as one stream of `kind` (not `.zip`).
    static func compress(_ bytes: [UInt8], _ kind: Compression) -> [UInt8] {
        write(kind: kind, members: [("data", bytes)])
    }

    /// A zip archive holding `members` in order.
    static func zip(_ members: [(String, [UInt8])]) -> [UInt8] {
        write(kind: .zip, members: members)
    }

    private static func write(kind: Compression, members: [(String, [UInt8])]) -> [UInt8] {
        let a = archive_write_new()!
        defer { archive_write_free(a) }
        switch kind {
        case .gzip: archive_write_add_filter_gzip(a)
        case .bzip2: archive_write_add_filter_bzip2(a)
        case .xz: archive_write_add_filter_xz(a)
        case .zstd: archive_write_add_filter_zstd(a)
        case .zip: break
        }
        _ = kind == .zip ? archive_write_set_format_zip(a) : archive_write_set_format_raw(a)
        let capacity = members.reduce(1 << 16) { $0 + 2 * $1.1.count }
        var out = [UInt8](repeating: 0, count: capacity)
        var used = 0
        out.withUnsafeMutableBytes { buffer in
            precondition(archive_write_open_memory(a, buffer.baseAddress, capacity, &used) == ARCHIVE_OK)
            for (name, bytes) in members {
                let entry = archive_entry_new()!
                archive_entry_set_pathname(entry, name)
                archive_entry_set_filetype(entry, 0o100000)   // AE_IFREG
                archive_entry_set_perm(entry, 0o644)
                archive_entry_set_size(entry, Int64(bytes.count))
                precondition(archive_write_header(a, entry) == ARCHIVE_OK, String(cString: archive_error_string(a)))
                if !bytes.isEmpty { bytes.withUnsafeBytes { _ = archive_write_data(a, $0.baseAddress, $0.count) } }
                archive_entry_free(entry)
            }
            precondition(archive_write_close(a) == ARCHIVE_OK)
        }
        return Array(out.prefix(used))
    }
}
