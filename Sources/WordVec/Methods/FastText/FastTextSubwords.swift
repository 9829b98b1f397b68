import Foundation

/// A fastText model file (`.bin`, format versions 11–12, as written by fastText 0.9 and gensim)
/// read for evaluation: its word vectors, and vectors *composed* for words it never saw, from
/// their character n-grams (Bojanowski et al. 2017, "Enriching Word Vectors with Subword
/// Information", §3.2: a word is the sum (fastText: the mean) of its n-gram vectors).
///
/// Only what evaluation needs is kept: the input matrix (word rows, then `bucket` n-gram rows)
/// and the n-gram settings. Quantized (`.ftz`) and pruned models are refused with a clear error.
public struct FastTextSubwords: Sendable {
    public let words: [String]
    public let dim: Int
    public let minn: Int, maxn: Int, bucket: Int
    /// (words.count + bucket) x dim, row-major.
    private let input: [Float]
    private let index: WordIndex

    static let magic: Int32 = 793_712_314

    /// True when the file starts with fastText's magic number.
    /// (Compressed files and zip members are looked into; pipes are not, since a look would consume them.)
    public static func isModel(_ path: String) -> Bool {
        let input = InputFile(path)
        var info = stat()
        guard input.member != nil || (stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG),
              let source = try? input.open(), let head = try? PeekableByteSource(source).peek(4), head.count == 4 else { return false }
        return head.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) } == Int32(littleEndian: magic)
    }

    public init(path: String) throws {
        let data = try VectorFileReader.load(path)
        var r = BinaryCursor(data: data, path: path)
        guard try r.int32() == Self.magic else { throw r.fail("not a fastText model (bad magic number)") }
        let version = try r.int32()
        guard version == 11 || version == 12 else { throw r.fail("fastText format version \(version) is not supported (11 or 12)") }
        // Args: dim ws epoch minCount neg wordNgrams loss model bucket minn maxn lrUpdateRate (int32), t (double).
        var args: [Int] = []
        for _ in 0..<12 { args.append(Int(try r.int32())) }
        _ = try r.float64()
        let (dim, model, bucket, minn, maxn) = (args[0], args[7], args[8], args[9], args[10])
        // Dictionary: size nwords nlabels (int32) ntokens pruneidx_size (int64), then entries.
        let size = Int(try r.int32()), nwords = Int(try r.int32())
        _ = try r.int32(); _ = try r.int64()
        let pruned = try r.int64()
        guard dim > 0, size >= nwords, nwords >= 0 else { throw r.fail("implausible header (dim \(dim), \(size) entries, \(nwords) words)") }
        var words: [String] = []
        words.reserveCapacity(nwords)
        for i in 0..<size {
            let w = try r.cString()
            _ = try r.int64()           // count
            let type = try r.uint8()    // 0 word, 1 label
            if i < nwords {
                guard type == 0 else { throw r.fail("entry \(i) should be a word") }
                words.append(w)
            }
        }
        guard pruned <= 0 else { throw r.fail("pruned (quantized) fastText models are not supported") }
        guard try r.uint8() == 0 else { throw r.fail("quantized fastText models (.ftz) are not supported") }
        let rows = Int(try r.int64()), cols = Int(try r.int64())
        guard cols == dim, rows == nwords + bucket else {
            throw r.fail("input matrix is \(rows) x \(cols), expected \(nwords + bucket) x \(dim)")
        }
        self.input = try r.floats(rows * cols)
        self.words = words
        self.dim = dim
        self.bucket = bucket
        // fastText 0.9 (version 11) supervised models have no subwords whatever maxn says.
        self.maxn = version == 11 && model == 3 ? 0 : maxn
        self.minn = minn
        self.index = try WordIndex(words: words, place: path)
    }

    /// fastText's hash: 32-bit FNV-1a over the bytes, each byte sign-extended first (the C++
    /// code casts through int8_t), which matters for non-ASCII n-grams.
    public static func hash<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var h: UInt32 = 2_166_136_261
        for b in bytes {
            h ^= UInt32(bitPattern: Int32(Int8(bitPattern: b)))
            h = h &* 16_777_619
        }
        return h
    }

    /// Rows of the character n-grams of `<word>`: lengths minn...maxn counted in UTF-8 characters,
    /// skipping the bare `<` and `>` (fastText's computeSubwords).
    func ngramRows(_ word: String) -> [Int] {
        guard maxn > 0, bucket > 0 else { return [] }
        let w = Array(("<" + word + ">").utf8)
        var out: [Int] = []
        for i in w.indices where w[i] & 0xC0 != 0x80 {
            var j = i, n = 1
            while j < w.count && n <= maxn {
                j += 1
                while j < w.count && w[j] & 0xC0 == 0x80 { j += 1 }
                if n >= minn && !(n == 1 && (i == 0 || j == w.count)) {
                    out.append(words.count + Int(Self.hash(w[i..<j]) % UInt32(bucket)))
                }
                n += 1
            }
        }
        return out
    }

    private func mean(of rows: [Int]) -> [Float] {
        var v = [Float](repeating: 0, count: dim)
        guard !rows.isEmpty else { return v }
        input.withUnsafeBufferPointer { m in
            for r in rows { for k in 0..<dim { v[k] += m[r * dim + k] } }
        }
        let inv = 1 / Float(rows.count)
        for k in 0..<dim { v[k] *= inv }
        return v
    }

    /// A word's vector as fastText prints it: the mean of its own row and its n-gram rows;
    /// for an unknown word the mean of its n-gram rows (nil when it has none).
    public func vector(_ word: String) -> [Float]? {
        if let i = index[word] { return mean(of: [i] + (word == "</s>" ? [] : ngramRows(word))) }
        let rows = ngramRows(word)
        return rows.isEmpty ? nil : mean(of: rows)
    }

    /// The vocabulary's word vectors (what fastText's `.vec` output holds).
    public func wordVectors() -> Embeddings {
        var v: [Float] = []
        v.reserveCapacity(words.count * dim)
        for w in words { v += vector(w)! }
        return try! Embeddings(words: words, dim: dim, vectors: v)
    }
}

/// Little-endian reads with bounds checks, for the fastText reader.
private struct BinaryCursor {
    let data: Data
    let path: String
    var pos = 0

    func fail(_ why: String) -> WordVecError { .invalidInput("\(path): \(why)") }

    mutating func take(_ n: Int) throws -> Data {
        guard n >= 0, pos + n <= data.count else { throw fail("truncated fastText model (needs \(pos + n) bytes, has \(data.count))") }
        defer { pos += n }
        return data.subdata(in: (data.startIndex + pos)..<(data.startIndex + pos + n))
    }

    mutating func int32() throws -> Int32 { Int32(littleEndian: try take(4).withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }) }
    mutating func int64() throws -> Int64 { Int64(littleEndian: try take(8).withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }) }
    mutating func uint8() throws -> UInt8 { try take(1).first! }
    mutating func float64() throws -> Double { Double(bitPattern: UInt64(bitPattern: try int64())) }

    mutating func cString() throws -> String {
        let start = pos
        while pos < data.count && data[data.startIndex + pos] != 0 { pos += 1 }
        guard pos < data.count else { throw fail("truncated fastText model (unterminated word)") }
        let bytes = data.subdata(in: (data.startIndex + start)..<(data.startIndex + pos))
        pos += 1
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `n` little-endian float32 values, copied straight from the file's bytes.
    mutating func floats(_ n: Int) throws -> [Float] {
        guard n >= 0, pos + 4 * n <= data.count else { throw fail("truncated fastText model (the matrix needs \(pos + 4 * n) bytes, the file has \(data.count))") }
        if n == 0 { return [] }
        let start = pos
        pos += 4 * n
        return data.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: n) { buf, count in
                memcpy(buf.baseAddress!, raw.baseAddress! + start, 4 * n)   // x86-64 and arm64 are little-endian
                count = n
            }
        }
    }
}
