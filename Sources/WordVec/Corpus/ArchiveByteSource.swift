import CArchive
import Foundation

/// Streams the decompressed content of a gzip, bzip2, xz or zstd stream, or of one member of a
/// zip archive, through libarchive. The compressed bytes come from another `ByteSource`, so a
/// file, stdin and a pipe are all read the same way, in one forward pass.
///
/// Errors: `WordVecError.corruptCompressed` (one line, naming the file) for damaged or truncated
/// data; `.invalidInput` for a zip member that is missing or not named when the zip holds several.
final class ArchiveByteSource: ByteSource {
    /// The compressed input and the error it raised, if any (handed to libarchive's callbacks).
    private final class Feed {
        let inner: ByteSource
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        var error: Error?
        init(_ inner: ByteSource) { self.inner = inner }
        deinit { buffer.deallocate() }
    }

    private let archive: OpaquePointer
    private let feed: Feed
    private let name: String
    private let compression: Compression
    private let member: String?
    private var finished = false

    /// Opens `inner` (which starts with the magic bytes of `compression`); for a zip, positions on
    /// `member`, or on its only file when `member` is nil.
    init(inner: ByteSource, name: String, compression: Compression, member: String?) throws {
        guard let a = archive_read_new() else { throw WordVecError.unreadable(name, "cannot start libarchive") }
        archive = a
        feed = Feed(inner)
        self.name = name
        self.compression = compression
        self.member = member
        if compression == .zip {
            archive_read_support_format_zip(a)
        } else {
            archive_read_support_filter_gzip(a)
            archive_read_support_filter_bzip2(a)
            archive_read_support_filter_xz(a)
            archive_read_support_filter_zstd(a)
            archive_read_support_format_raw(a)
            archive_read_support_format_empty(a)
        }
        let opened = archive_read_open(a, Unmanaged.passUnretained(feed).toOpaque(), nil, { _, data, out in
            let feed = Unmanaged<ArchiveByteSource.Feed>.fromOpaque(data!).takeUnretainedValue()
            do {
                let n = try feed.inner.read(into: feed.buffer, capacity: 1 << 20)
                out?.pointee = UnsafeRawPointer(feed.buffer)
                return n
            } catch {
                feed.error = error
                return -1
            }
        }, nil)
        if opened != ARCHIVE_OK { throw failure() }
        try positionOnEntry()
    }

    deinit { archive_read_free(archive) }

    /// The error to report after libarchive failed: the input's own error when reading it failed.
    private func failure() -> Error {
        if let e = feed.error { return e }
        let why = archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
        return WordVecError.corruptCompressed(name, "\(compression.rawValue) data: \(why)")
    }

    /// Moves to the stream (or the zip member) to read.
    private func positionOnEntry() throws {
        var seen: [String] = []
        var entry: OpaquePointer?
        while true {
            let r = archive_read_next_header(archive, &entry)
            if r == ARCHIVE_EOF {
                if compression != .zip { finished = true; return }   // an empty stream
                throw WordVecError.invalidInput(missingMember(seen))
            }
            if r != ARCHIVE_OK && r != ARCHIVE_WARN { throw failure() }
            if compression != .zip { return }
            let path = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            let isFile = archive_entry_filetype(entry) == S_IFREG
            if isFile && (member == nil || member == path) { return }
            if isFile { seen.append(path) }
            if archive_read_data_skip(archive) != ARCHIVE_OK { throw failure() }
        }
    }

    private func missingMember(_ seen: [String]) -> String {
        let list = seen.prefix(8).joined(separator: ", ") + (seen.count > 8 ? ", …" : "")
        guard let member else { return "\(name): the zip archive holds no file" }
        return "\(name): no member '\(member)' in the zip archive (it holds: \(list.isEmpty ? "no files" : list))"
    }

    /// After the only member of a zip named without a member: fails if another file follows.
    private func checkNoOtherMember() throws {
        guard compression == .zip, member == nil else { return }
        var entry: OpaquePointer?
        while archive_read_next_header(archive, &entry) == ARCHIVE_OK {
            if archive_entry_filetype(entry) == S_IFREG {
                let other = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
                throw WordVecError.invalidInput("\(name): the zip archive holds several files; name one as \(name):MEMBER (e.g. \(name):\(other))")
            }
        }
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        if finished { return 0 }
        while true {
            let n = archive_read_data(archive, buffer, capacity)
            if n > 0 { return n }
            if n == 0 {
                finished = true
                try checkNoOtherMember()
                return 0
            }
            if n == Int(ARCHIVE_RETRY) || n == Int(ARCHIVE_WARN) { continue }
            throw failure()
        }
    }
}
