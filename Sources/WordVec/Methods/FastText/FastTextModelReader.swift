import Foundation

/// Reads every fastText model layout that fastText and gensim's `load_facebook_vectors` read:
///
/// - versions 11 and 12 (fastText 0.1 to 0.9, gensim's `save_facebook_model`): magic number,
///   version, the arguments, the dictionary (with its pruning index), a `quant` flag, the input
///   matrix, a `qout` flag, the output matrix;
/// - the older layout without magic number and version (the arguments start the file, the
///   dictionary has no pruning index, the matrices no flags), as gensim's `fasttext_old` tests;
/// - supervised models (their word and n-gram rows; the labels are kept, their rows are the output).
///
/// Quantized models (`.ftz`, product-quantized rows) are refused with one line. The file is read
/// as a stream (it may be compressed or a zip member, see `InputFile`) straight into the row
/// matrix, so a 7 GB model needs its matrix's memory and no copy of the file.
public enum FastTextModelReader {
    static let magic: Int32 = 793_712_314
    static let newestVersion: Int32 = 12

    /// True when the file is a fastText model: it starts with the magic number, or with the
    /// arguments of the older layout (plausible values that no text file gives).
    /// Compressed files and zip members are looked into; pipes are not (a look would consume them).
    public static func isModel(_ path: String) -> Bool {
        let input = InputFile(path)
        var info = stat()
        guard input.member != nil || (stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG),
              let source = try? input.open(), let head = try? PeekableByteSource(source).peek(64), head.count == 64 else { return false }
        let ints = (0..<14).map { i in head.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)) } }
        if ints[0] == magic { return true }
        let t = head.withUnsafeBytes { Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 48, as: UInt64.self))) }
        return FastTextArgs(integers: Array(ints.prefix(12)), t: t).isPlausible
    }

    /// Reads the model at `path`. `withOutput: false` skips the output matrix (evaluation needs
    /// the input rows only). Throws `.invalidInput` naming the file for anything it cannot read:
    /// a truncated file, an unknown version, a quantized model, implausible sizes.
    public static func read(_ path: String, withOutput: Bool = false) throws -> FastTextModel {
        let file = InputFile(path)
        var r = ModelByteReader(source: try file.open(), path: path)
        var info = stat()
        if try file.isPlainRegularFile(), stat(path, &info) == 0 { r.size = Int(info.st_size) }
        var version: Int32 = 0
        var first = try r.int32()
        if first == magic {
            version = try r.int32()
            guard version == 11 || version == 12 else {
                throw r.fail("fastText format version \(version) is not supported (wordvec reads 11, 12 and the older layout without a version)")
            }
            first = try r.int32()
        }
        var ints = [first]
        for _ in 0..<11 { ints.append(try r.int32()) }
        let args = FastTextArgs(integers: ints, t: try r.float64())
        guard args.isPlausible else { throw r.fail("not a fastText model (implausible arguments: dim \(args.dim), ws \(args.ws), bucket \(args.bucket))") }
        let dict = try readDictionary(&r, newFormat: version > 0)
        if version > 0 {
            guard try r.uint8() == 0 else {
                throw r.fail("quantized fastText models (.ftz) are not supported: their rows are product-quantized codes; use the model's .bin")
            }
        }
        let rowsExpected = dict.words.count + (dict.pruned.map(\.count) ?? Int(args.bucket))
        let input = try readMatrix(&r, rows: rowsExpected, dim: Int(args.dim), what: "input")
        var output: RowMatrix?
        if withOutput {
            let quantizedOutput = version > 0 ? try r.uint8() : 0
            if quantizedOutput != 0 { throw r.fail("quantized output matrix (.ftz) is not supported") }
            output = try readMatrix(&r, rows: nil, dim: Int(args.dim), what: "output")
        }
        return try FastTextModel(args: args, version: version, words: dict.words, counts: dict.counts, labels: dict.labels,
                                 tokens: dict.tokens, input: input, output: output, pruned: dict.pruned, place: path)
    }

    private struct Dictionary {
        var words: [String] = []
        var counts: [Int] = []
        var labels: [(label: String, count: Int)] = []
        var tokens = 0
        var pruned: [Int32: Int32]?
    }

    /// fastText's `Dictionary::save`: size, nwords, nlabels (int32), ntokens (int64), in the
    /// newer layout the pruning index's size (int64), then per entry the word's bytes, a NUL,
    /// its count (int64) and type (int8: 0 word, 1 label), then the pruning index's pairs.
    private static func readDictionary(_ r: inout ModelByteReader, newFormat: Bool) throws -> Dictionary {
        let size = Int(try r.int32()), nwords = Int(try r.int32()), nlabels = Int(try r.int32())
        var d = Dictionary()
        d.tokens = Int(try r.int64())
        let pruneSize = newFormat ? Int(try r.int64()) : -1
        // An entry takes at least 10 bytes (a NUL, its count, its type), a pruning pair 8.
        let room = r.size.map { max($0 - r.offset, 0) } ?? Int.max
        guard size >= 0, nwords >= 0, nlabels >= 0, size == nwords + nlabels, pruneSize < 1 << 31 else {
            throw r.fail("implausible dictionary (\(size) entries, \(nwords) words, \(nlabels) labels)")
        }
        guard size <= room / 10, pruneSize <= room / 8 else {
            throw r.fail("truncated fastText model: its dictionary of \(size) entries and \(max(pruneSize, 0)) pruned rows needs more than the \(room) bytes left")
        }
        d.words.reserveCapacity(min(nwords, 1 << 20))
        d.counts.reserveCapacity(min(nwords, 1 << 20))
        for i in 0..<size {
            let word = try r.cString()
            let count = Int(try r.int64())
            let type = try r.uint8()
            guard type == (i < nwords ? 0 : 1) else { throw r.fail("dictionary entry \(i + 1) ('\(word)') has type \(type), expected \(i < nwords ? "word (0)" : "label (1)")") }
            if i < nwords { d.words.append(word); d.counts.append(count) } else { d.labels.append((word, count)) }
        }
        if pruneSize >= 0 {
            var map: [Int32: Int32] = [:]
            for _ in 0..<pruneSize { map[try r.int32()] = try r.int32() }
            d.pruned = map
        }
        return d
    }

    /// fastText's `DenseMatrix::save`: rows and columns (int64), then the float32 values row by
    /// row, read straight into a padded `RowMatrix`. `rows` nil accepts any row count.
    private static func readMatrix(_ r: inout ModelByteReader, rows expected: Int?, dim: Int, what: String) throws -> RowMatrix {
        let rows = Int(try r.int64()), cols = Int(try r.int64())
        guard cols == dim, rows >= 0, expected == nil || rows == expected! else {
            throw r.fail("the \(what) matrix is \(rows) x \(cols), expected \(expected.map(String.init) ?? "N") x \(dim)")
        }
        // Sized from the file only within what it holds (a wrong count must be an error, not a
        // huge allocation): the bytes left in a plain file, else what a 64-bit size can express.
        let (cells, overflow) = rows.multipliedReportingOverflow(by: dim)
        let room = r.size.map { max($0 - r.offset, 0) / 4 } ?? Int.max / 16
        guard !overflow, cells <= room else {
            throw r.fail(overflow || r.size == nil ? "the \(what) matrix is \(rows) x \(cols), more floats than a file can hold"
                         : "truncated fastText model: the \(what) matrix's \(rows) x \(cols) floats need more than the \(r.size! - r.offset) bytes left")
        }
        let m: RowMatrix
        do { m = try RowMatrix(rows: rows, dim: dim) } catch { throw r.fail("the \(what) matrix (\(rows) x \(cols)): \(error)") }
        for i in 0..<rows { try r.floats(into: m.row(i), count: dim) }
        return m
    }
}

/// Buffered little-endian reads from a byte stream, with errors that name the file and offset.
struct ModelByteReader {
    let source: ByteSource
    let path: String
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var start = 0, end = 0
    private(set) var offset = 0
    /// The file's size in bytes when it is a plain file (bounds what a header may claim).
    var size: Int?

    init(source: ByteSource, path: String) {
        self.source = source
        self.path = path
    }

    func fail(_ why: String) -> WordVecError { .invalidInput("\(path): \(why)") }

    /// Makes at least `n` (≤ buffer size) bytes available; throws at the end of the stream.
    private mutating func need(_ n: Int) throws {
        if end - start >= n { return }
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                let p = b.baseAddress!
                (p).update(from: p + start, count: end - start)
            }
            end -= start
            start = 0
        }
        while end < n {
            let got = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress! + end, capacity: $0.count - end) }
            if got == 0 { throw fail("truncated fastText model (ends at byte \(offset + end - start), more data expected)") }
            end += got
        }
    }

    private mutating func load<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        try need(size)
        let v = buffer.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: T.self)) }
        start += size
        offset += size
        return v
    }

    mutating func int32() throws -> Int32 { try load(Int32.self) }
    mutating func int64() throws -> Int64 { try load(Int64.self) }
    mutating func uint8() throws -> UInt8 { try load(UInt8.self) }
    mutating func float64() throws -> Double { Double(bitPattern: try load(UInt64.self)) }

    /// Bytes up to a NUL, as a string (invalid UTF-8 replaced, as gensim's backslash-replace).
    mutating func cString() throws -> String {
        var bytes: [UInt8] = []
        while true {
            let b = try uint8()
            if b == 0 { break }
            bytes.append(b)
            if bytes.count > 1 << 20 { throw fail("implausible word of over 1 MiB at byte \(offset)") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` little-endian float32 values into `out` (x86-64 and arm64 are little-endian).
    mutating func floats(into out: UnsafeMutablePointer<Float>, count: Int) throws {
        var done = 0
        while done < count {
            try need(4)
            let n = min(count - done, (end - start) / 4)
            buffer.withUnsafeBytes { raw in
                _ = memcpy(out + done, raw.baseAddress! + start, 4 * n)
            }
            start += 4 * n
            offset += 4 * n
            done += n
        }
    }
}
