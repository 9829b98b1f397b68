import Foundation

/// Parses the bytes of a vector file (see `VectorFileReader` for the formats and rules).
struct VectorFileParser {
    let path: String
    let p: UnsafePointer<UInt8>
    let count: Int
    let unicodeErrors: UnicodeErrors
    /// Where the content starts (3 past a UTF-8 byte-order mark).
    let start: Int
    var pos: Int
    var line = 0
    /// The binary record being read (1-based) and its byte offset, for messages.
    var record: (number: Int, offset: Int)?
    var warnings = VectorReadWarnings()
    private var seen = WordIndex()

    init(path: String, p: UnsafePointer<UInt8>, count: Int, unicodeErrors: UnicodeErrors) {
        self.path = path
        self.p = p
        self.count = count
        self.unicodeErrors = unicodeErrors
        start = count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        pos = start
    }

    /// An error at the current line, or at the current record of a binary file.
    func fail(_ reason: String, line l: Int? = nil) -> WordVecError {
        if let record, l == nil {
            return .malformedRecord(path: path, record: record.number, offset: record.offset, reason: reason)
        }
        return .malformedVectors(path: path, line: l ?? line, reason: reason)
    }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }

    /// The next line's [start, end) with trailing blanks trimmed; nil at end of file.
    mutating func nextLine() -> (Int, Int)? {
        guard pos < count else { return nil }
        let s = pos
        let nl = memchr(p + pos, 10, count - pos)
        var end = nl.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - p } ?? count
        pos = end + 1
        line += 1
        while end > s && Self.isBlank(p[end - 1]) { end -= 1 }
        return (s, end)
    }

    /// Field boundaries of [s, e), split on spaces and tabs.
    func fields(_ s: Int, _ e: Int) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var i = s
        while i < e {
            while i < e && Self.isBlank(p[i]) { i += 1 }
            if i == e { break }
            let f = i
            while i < e && !Self.isBlank(p[i]) { i += 1 }
            out.append((f, i))
        }
        return out
    }

    func text(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
    }

    func int(_ f: (Int, Int)) -> Int? { Int(text(f.0, f.1)) }

    /// The word of the record about to be stored as row `row`, or nil when the record is skipped
    /// (a blank word, or one that the Unicode policy turned into nothing or into a repeat).
    /// - Throws: for a word that is not UTF-8 under `strict`, and for a word whose bytes repeat.
    mutating func acceptWord(_ s: Int, _ e: Int, row: Int) throws -> String? {
        if s == e { warnings.blankWords += 1; return nil }
        let bytes = UnsafeBufferPointer(start: p + s, count: e - s)
        guard let w = unicodeErrors.decode(bytes) else {
            throw fail("the word '\(text(s, e))' is not valid UTF-8 (--unicode-errors replace or ignore reads such files)")
        }
        let decoded = !w.utf8.elementsEqual(bytes)
        if decoded { warnings.invalidUTF8Words += 1 }
        if decoded && w.isEmpty { warnings.droppedAfterDecoding += 1; return nil }
        if let first = seen.insert(w, row: row) {
            if decoded { warnings.droppedAfterDecoding += 1; return nil }
            throw fail("duplicate word '\(w)' (the same bytes as vector \(first + 1))")
        }
        return w
    }

    mutating func parse(format: VectorFormat?) throws -> WordVectors {
        guard let (s, e) = nextLine(), count > start else { throw fail("empty file", line: 1) }
        let head = fields(s, e)
        let kind = head.count == 3 ? text(head[2].0, head[2].1) : nil
        let isHeader = (head.count == 2 || kind == "sparse" || kind.flatMap(QuantizationScheme.init(rawValue:)) != nil)
            && int(head[0]) != nil && int(head[1]) != nil
        if !isHeader {
            if format == .vec || format == .bin || format == .sparse {
                throw fail("expected a header line `count dim`", line: 1)
            }
            guard head.count >= 2 else { throw fail("expected `word v1 … vD` (GloVe text) or a `count dim` header", line: 1) }
            pos = start; line = 0
            return .dense(try parseText(expected: nil, dim: head.count - 1))
        }
        let n = int(head[0])!, d = int(head[1])!
        guard n >= 0, d > 0 else { throw fail("the header's count and dimension must be positive", line: 1) }
        try checkHeaderSizes(n: n, d: d, sparse: kind == "sparse")
        if let kind, let scheme = QuantizationScheme(rawValue: kind) {
            return .dense(try parseQuantized(expected: n, dim: d, scheme: scheme).dequantized())
        }
        if head.count == 3 { return .sparse(try parseSparse(expected: n, dim: d)) }
        let binary: Bool
        switch format {
        case .bin?: binary = true
        case .vec?, .glove?: binary = false
        default: binary = !looksLikeText(dim: d)
        }
        return .dense(binary ? try parseBinary(expected: n, dim: d) : try parseText(expected: n, dim: d))
    }

    /// Buffers are sized from the header only within what the file holds (reservations are capped
    /// by its size; a short file is reported as truncated), so a wrong count (say 10^12 vectors)
    /// allocates nothing. What must be refused up front is a header whose sizes overflow: a dense
    /// dimension times 4 (binary and quantized records), the count times the dimension, and a
    /// sparse dimension beyond the 32-bit column indices.
    func checkHeaderSizes(n: Int, d: Int, sparse: Bool) throws {
        if sparse ? d > Int(Int32.max) : d > Int.max / 8 {
            throw fail("the header's dimension \(d) is more than the \(sparse ? "sparse format's \(Int32.max)" : "format's \(Int.max / 8)")", line: 1)
        }
        if !sparse && n.multipliedReportingOverflow(by: d).overflow {
            throw fail("the header's \(n) vectors of dimension \(d) cannot be right", line: 1)
        }
    }

    /// True when the first record after the header is text: `word` and `dim` numbers, or
    /// printable ASCII after the word starting like a number (so a bad text value gets a text
    /// error rather than a binary one). Raw float bytes practically never pass either test.
    func looksLikeText(dim: Int) -> Bool {
        var copy = self
        guard let (s, e) = copy.nextLine() else { return true }
        let f = fields(s, e)
        if (f.count == dim + 1 || f.count == dim) && f.suffix(dim).allSatisfy({ FloatParsing.parse(p, $0.0, $0.1) != nil }) { return true }
        if looksLikeBinaryRecord(dim: dim) { return false }
        if f.count < 2 { return true }   // binary records always have `word ` before the floats
        guard (f[1].0..<e).allSatisfy({ (p[$0] >= 32 && p[$0] < 127) || p[$0] == 9 }) else { return false }
        return "+-.0123456789nNiI".utf8.contains(p[f[1].0])
    }

    /// True when the bytes after the header have word2vec's binary layout: a word without
    /// newlines, a space, 4·dim bytes (not all printable), then a newline or the end of the file. (A float byte
    /// may be a newline, so line-based checks alone misjudge about 1 binary file in 256.)
    func looksLikeBinaryRecord(dim: Int) -> Bool {
        var i = pos
        while i < count && p[i] == 10 { i += 1 }
        let wordStart = i
        while i < count && p[i] != 32 && p[i] != 10 && i - wordStart < 1000 { i += 1 }
        guard i < count, p[i] == 32 else { return false }   // the word may be empty (a blank word)
        let end = i + 1 + 4 * dim
        guard end == count || (end < count && p[end] == 10) else { return false }
        // Text lines are printable (with tabs and line ends); raw floats almost never are, all
        // 4·dim bytes of them.
        return (i + 1..<end).contains { (p[$0] < 32 && p[$0] != 9 && p[$0] != 10 && p[$0] != 13) || p[$0] >= 127 }
    }

    /// The word field of a text line [s, e): leading blanks are skipped (as word2vec.c and fastText
    /// read words); a line holding only `dim` numbers after them had a blank word: (i, i).
    func wordField(_ s: Int, _ e: Int, dim: Int) -> (Int, Int) {
        var i = s
        while i < e && Self.isBlank(p[i]) { i += 1 }
        var j = i
        while j < e && !Self.isBlank(p[j]) { j += 1 }
        if i > s && fields(i, e).count == dim && FloatParsing.parse(p, i, j) != nil { return (i, i) }
        return (i, j)
    }

    mutating func parseText(expected: Int?, dim: Int) throws -> Embeddings {
        var words: [String] = []
        var values: [Float] = []
        if let expected {
            words.reserveCapacity(min(expected, count / 2))
            values.reserveCapacity(min(expected * dim, count / 2))
        }
        var records = 0
        while let (s, e) = nextLine() {
            if s == e { continue }
            if let expected, records == expected {
                throw fail("more vectors than the header's count \(expected)")
            }
            records += 1
            let (ws, we) = wordField(s, e, dim: dim)
            var i = we
            var k = 0
            while i < e {
                while i < e && Self.isBlank(p[i]) { i += 1 }
                if i == e { break }
                let fs = i
                while i < e && !Self.isBlank(p[i]) { i += 1 }
                k += 1
                if k > dim { break }
                guard let v = FloatParsing.parse(p, fs, i) else {
                    throw fail("value \(k) of '\(text(ws, we))' is not a finite number: '\(text(fs, i))'")
                }
                values.append(v)
            }
            if k != dim {
                throw fail("'\(text(ws, we))' has \(k > dim ? "more than \(dim)" : String(k)) values, expected \(dim)")
            }
            if let w = try acceptWord(ws, we, row: words.count) { words.append(w) } else { values.removeLast(dim) }
        }
        if let expected, records != expected {
            throw fail("truncated: the header says \(expected) vectors, the file has \(records)")
        }
        if words.isEmpty { throw fail("no vectors in the file", line: 1) }
        return try Embeddings(words: words, dim: dim, vectors: values)
    }

    mutating func parseBinary(expected: Int, dim: Int) throws -> Embeddings {
        var words: [String] = []
        words.reserveCapacity(min(expected, count / 4))
        var values: [Float] = []
        values.reserveCapacity(min(expected * dim, count / 4))
        let bytes = dim * 4
        for r in 0..<expected {
            while pos < count && p[pos] == 10 { pos += 1 }   // word2vec.c ends records with a newline
            record = (r + 1, pos)
            let s = pos
            while pos < count && p[pos] != 32 { pos += 1 }
            guard pos < count else { throw fail("truncated: record \(r + 1) of \(expected) ends inside its word") }
            let we = pos
            pos += 1
            guard pos + bytes <= count else {
                throw fail("truncated: record \(r + 1) of \(expected) ('\(text(s, we))') has fewer than \(dim) floats")
            }
            let row = words.count
            values.append(contentsOf: repeatElement(0, count: dim))
            values.withUnsafeMutableBytes { dst in _ = memcpy(dst.baseAddress! + row * bytes, p + pos, bytes) }
            pos += bytes
            for j in 0..<dim where !values[row * dim + j].isFinite {
                throw fail("value \(j + 1) of '\(text(s, we))' is not finite")
            }
            if let w = try acceptWord(s, we, row: row) { words.append(w) } else { values.removeLast(dim) }
        }
        while pos < count && (p[pos] == 10 || p[pos] == 32) { pos += 1 }
        record = nil
        if pos < count {
            throw WordVecError.malformedRecord(path: path, record: expected + 1, offset: pos,
                                               reason: "more data after the header's \(expected) vectors")
        }
        if words.isEmpty { throw fail("no vectors in the file", line: 1) }
        return try Embeddings(words: words, dim: dim, vectors: values)
    }

    mutating func parseSparse(expected: Int, dim: Int) throws -> SparseEmbeddings {
        var words: [String] = []
        var rowStarts = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        var records = 0
        while let (s, e) = nextLine() {
            if s == e { continue }
            if records == expected { throw fail("more vectors than the header's count \(expected)") }
            records += 1
            var f = fields(s, e)
            // A line starting with a blank has a blank word: all its fields are entries.
            let word = Self.isBlank(p[s]) ? (s, s) : f.removeFirst()
            let name = text(word.0, word.1)
            let mark = columns.count
            var last = -1
            for (fs, fe) in f {
                guard let colon = (fs..<fe).first(where: { p[$0] == 58 }),
                      let col = Int(text(fs, colon)), let v = FloatParsing.parse(p, colon + 1, fe) else {
                    throw fail("expected `index:value`, found '\(text(fs, fe))'")
                }
                guard col > last, col < dim else {
                    throw fail("index \(col) of '\(name)' is out of order or not below the dimension \(dim)")
                }
                last = col
                columns.append(Int32(col))
                values.append(v)
            }
            guard let w = try acceptWord(word.0, word.1, row: words.count) else {
                columns.removeLast(columns.count - mark)
                values.removeLast(values.count - mark)
                continue
            }
            words.append(w)
            rowStarts.append(columns.count)
        }
        if records != expected {
            throw fail("truncated: the header says \(expected) vectors, the file has \(records)")
        }
        return try SparseEmbeddings(words: words, dim: dim, rowStarts: rowStarts, columns: columns, values: values)
    }
}
