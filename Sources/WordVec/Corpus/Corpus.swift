import Foundation

/// Where a corpus comes from: a file (plain, or gzip/bzip2/xz/zstd compressed, recognised by its
/// magic bytes), a zip member (`archive.zip:member`), a directory (its files in sorted order), a
/// pipe or FIFO, or `-` (stdin); see `InputFile`. A corpus is a restartable stream: every pass
/// opens its sources anew, so stdin, pipes and zip members are first spooled to a temporary file
/// when a caller needs more than one pass.
public struct Corpus: Sendable {
    /// The files to read, in order; "-" stands for stdin.
    public let files: [String]
    /// The name shown in messages.
    public let name: String
    private let spool: SpoolFile?
    private let seekable: Bool
    private let fingerprint: CorpusFingerprint

    public init(path: String, multiPass: Bool = true) throws {
        name = path
        let input = InputFile(path)
        if input.isStdin || input.member != nil {
            (files, spool) = multiPass ? try Corpus.spooled(input) : ([path], nil)
            seekable = false
            fingerprint = CorpusFingerprint(files: files)
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw WordVecError.fileNotFound(path)
        }
        if isDir.boolValue {
            files = try Corpus.directoryFiles(path)
            spool = nil
            seekable = false
            fingerprint = CorpusFingerprint(files: files)
            return
        }
        guard access(path, R_OK) == 0 else { throw WordVecError.unreadable(path, systemError()) }
        var info = stat()
        let regular = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        if !regular && multiPass {
            // A pipe or FIFO (e.g. `<(zcat c.gz)`) can be read once only: keep a copy for later passes.
            (files, spool) = try Corpus.spooled(input)
            seekable = false
            fingerprint = CorpusFingerprint(files: files)
            return
        }
        files = [path]
        spool = nil
        seekable = regular ? try input.isPlainRegularFile() : false
        fingerprint = CorpusFingerprint(files: files)
    }

    /// Throws `.invalidInput` naming the file when a corpus file's size or modification time
    /// changed since the corpus was opened (each pass checks at its start and end).
    public func checkUnchanged() throws { try fingerprint.check() }

    /// A private copy of a stream that can be read once (stdin, a pipe) or of a zip member, for
    /// several passes. A zip member is copied decompressed; stdin and pipes as they came (still
    /// compressed, if they were: magic bytes tell when the copy is read).
    private static func spooled(_ input: InputFile) throws -> ([String], SpoolFile) {
        let raw: ByteSource = input.member != nil ? try input.open()
            : input.isStdin ? FileByteSource(descriptor: STDIN_FILENO, name: "<stdin>") : try FileByteSource(path: input.path)
        let s = try SpoolFile(copying: raw, name: input.name)
        return ([s.path], s)
    }

    /// The regular, non-hidden files of a directory in sorted order.
    private static func directoryFiles(_ path: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw WordVecError.unreadable(path, "cannot list the directory")
        }
        let regular = names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }.filter {
            var d: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue
        }
        if regular.isEmpty { throw WordVecError.emptyCorpus(path) }
        return regular
    }

    /// A single plain file can be cut into byte ranges for parallel readers.
    public var isSeekable: Bool { seekable }

    /// Total size in bytes of the (compressed) inputs, for progress.
    public var byteSize: Int64 {
        // stat(2) follows symbolic links (a linked corpus, a spool's /proc/self/fd path).
        files.reduce(0) { sum, f in
            var info = stat()
            return sum + (stat(f, &info) == 0 ? Int64(info.st_size) : 0)
        }
    }

    /// Opens the (decompressed) byte stream of one input file; see `InputFile`.
    static func openSource(_ file: String, start: Int64 = 0) throws -> ByteSource {
        try InputFile(file).open(start: start)
    }

    /// Below this size a corpus is read by one reader: threads would cost more than they save.
    public static let minimumParallelBytes: Int64 = 1 << 20

    /// The one rule for reading in parallel: `threads` byte ranges when the corpus is a single
    /// plain file of at least `minimumParallelBytes` and more than one thread is asked for, else
    /// nil (read it as one stream).
    public func parallelRanges(threads: Int) -> [Range<Int64>]? {
        isSeekable && threads > 1 && byteSize >= Corpus.minimumParallelBytes ? byteRanges(threads) : nil
    }

    /// `parts` byte ranges of a seekable corpus; a token belongs to the range holding its first byte.
    public func byteRanges(_ parts: Int) -> [Range<Int64>] {
        let size = byteSize
        let n = max(1, parts)
        return (0..<n).map { i in (size * Int64(i) / Int64(n))..<(size * Int64(i + 1) / Int64(n)) }
    }
}
