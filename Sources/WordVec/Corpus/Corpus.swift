import Foundation

/// Where a corpus comes from: a plain or `.zst` file, a directory (its files in sorted order),
/// or `-` (stdin). A corpus is a restartable stream: every pass opens its sources anew, so stdin
/// is first spooled to a temporary file when a caller needs more than one pass.
public struct Corpus: Sendable {
    /// The files to read, in order; "-" stands for stdin.
    public let files: [String]
    /// The name shown in messages.
    public let name: String
    private let spool: SpoolFile?
    private let seekable: Bool

    public init(path: String, multiPass: Bool = true) throws {
        name = path
        if path == "-" {
            if multiPass {
                let s = try SpoolFile(copying: FileByteSource(descriptor: STDIN_FILENO, name: "<stdin>"), name: "<stdin>")
                spool = s
                files = [s.path]
                seekable = true
            } else {
                spool = nil
                files = ["-"]
                seekable = false
            }
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw WordVecError.fileNotFound(path)
        }
        if isDir.boolValue {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw WordVecError.unreadable(path, "cannot list the directory")
            }
            let regular = names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }.filter {
                var d: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue
            }
            if regular.isEmpty { throw WordVecError.emptyCorpus(path) }
            files = regular
            spool = nil
        } else {
            guard access(path, R_OK) == 0 else { throw WordVecError.unreadable(path, systemError()) }
            var info = stat()
            let regular = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            if !regular && multiPass {
                // A pipe or FIFO (e.g. `<(zcat c.gz)`) can be read once only: keep a copy for later passes.
                let s = try SpoolFile(copying: try FileByteSource(path: path), name: path)
                spool = s
                files = [s.path]
                seekable = !Corpus.isCompressed(s.path)
                return
            }
            files = [path]
            spool = nil
            seekable = regular && !Corpus.isCompressed(path)
            return
        }
        seekable = false
    }

    public static func isCompressed(_ path: String) -> Bool { path.hasSuffix(".zst") }

    /// A single plain file can be cut into byte ranges for parallel readers.
    public var isSeekable: Bool { seekable }

    /// Total size in bytes of the (compressed) inputs, for progress.
    public var byteSize: Int64 {
        files.reduce(0) { sum, f in
            let size = (try? FileManager.default.attributesOfItem(atPath: f))?[.size] as? Int64
            return sum + (size ?? 0)
        }
    }

    /// Opens the byte stream of one input file.
    static func openSource(_ file: String, start: Int64 = 0) throws -> ByteSource {
        let raw: ByteSource = file == "-" ? FileByteSource(descriptor: STDIN_FILENO, name: "<stdin>")
                                          : try FileByteSource(path: file, start: start)
        return isCompressed(file) ? ZstdByteSource(inner: raw, path: file) : raw
    }

    /// `parts` byte ranges of a seekable corpus; a token belongs to the range holding its first byte.
    public func byteRanges(_ parts: Int) -> [Range<Int64>] {
        let size = byteSize
        let n = max(1, parts)
        return (0..<n).map { i in (size * Int64(i) / Int64(n))..<(size * Int64(i + 1) / Int64(n)) }
    }
}
