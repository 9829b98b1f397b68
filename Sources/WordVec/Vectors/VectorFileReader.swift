import Foundation

/// Reads every vector format wordvec knows, detecting which one a file is in:
/// a `N D` header then text lines (.vec) or binary records (.bin), a `N D sparse` header, or no
/// header at all (GloVe). Malformed files fail with the path and line at fault.
public enum VectorFileReader {
    public static func read(_ path: String, format: VectorFormat? = nil) throws -> WordVectors {
        let data = try load(path)
        return try data.withUnsafeBytes { raw -> WordVectors in
            let p = raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!
            var parser = Parser(path: path, p: p, count: raw.count)
            return try parser.parse(format: format)
        }
    }

    /// Dense vectors from any format (sparse files are expanded).
    public static func readDense(_ path: String, format: VectorFormat? = nil) throws -> Embeddings {
        try read(path, format: format).dense
    }

    static func load(_ path: String) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw WordVecError.fileNotFound(path) }
        if isDir.boolValue { throw WordVecError.unreadable(path, "is a directory") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let code = errno
            throw WordVecError.unreadable(path, code != 0 ? systemError(code) : error.localizedDescription)
        }
    }

    private struct Parser {
        let path: String
        let p: UnsafePointer<UInt8>
        let count: Int
        var pos = 0
        var line = 0

        init(path: String, p: UnsafePointer<UInt8>, count: Int) {
            self.path = path
            self.p = p
            self.count = count
        }

        func fail(_ reason: String, line l: Int? = nil) -> WordVecError {
            .malformedVectors(path: path, line: l ?? line, reason: reason)
        }

        @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }

        /// The next line's [start, end) with trailing blanks trimmed; nil at end of file.
        mutating func nextLine() -> (Int, Int)? {
            guard pos < count else { return nil }
            let start = pos
            let nl = memchr(p + pos, 10, count - pos)
            var end = nl.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - p } ?? count
            pos = end + 1
            line += 1
            while end > start && Parser.isBlank(p[end - 1]) { end -= 1 }
            return (start, end)
        }

        /// Field boundaries of [start, end), split on spaces and tabs.
        func fields(_ start: Int, _ end: Int) -> [(Int, Int)] {
            var out: [(Int, Int)] = []
            var i = start
            while i < end {
                while i < end && Parser.isBlank(p[i]) { i += 1 }
                if i == end { break }
                let s = i
                while i < end && !Parser.isBlank(p[i]) { i += 1 }
                out.append((s, i))
            }
            return out
        }

        func text(_ s: Int, _ e: Int) -> String {
            String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
        }

        func word(_ s: Int, _ e: Int) throws -> String {
            guard let w = String(validating: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self) else {
                throw fail("the word is not valid UTF-8")
            }
            return w
        }

        func int(_ f: (Int, Int)) -> Int? { Int(text(f.0, f.1)) }

        mutating func parse(format: VectorFormat?) throws -> WordVectors {
            guard count > 0 else { throw fail("empty file", line: 1) }
            guard let (s, e) = nextLine() else { throw fail("empty file", line: 1) }
            let head = fields(s, e)
            let isHeader = (head.count == 2 || (head.count == 3 && text(head[2].0, head[2].1) == "sparse"))
                && int(head[0]) != nil && int(head[1]) != nil
            if !isHeader {
                if format == .vec || format == .bin || format == .sparse {
                    throw fail("expected a header line `count dim`", line: 1)
                }
                guard head.count >= 2 else { throw fail("expected `word v1 … vD` (GloVe text) or a `count dim` header", line: 1) }
                pos = 0; line = 0
                return .dense(try parseText(expected: nil, dim: head.count - 1))
            }
            let n = int(head[0])!, d = int(head[1])!
            guard n >= 0, d > 0 else { throw fail("the header's count and dimension must be positive", line: 1) }
            if head.count == 3 { return .sparse(try parseSparse(expected: n, dim: d)) }
            // Buffers are sized from the header only within what the file can hold (2 bytes a text
            // value, 4 a binary one): a wrong header must give an error, not a huge allocation.
            guard !n.multipliedReportingOverflow(by: d).overflow else { throw fail("the header's \(n) vectors of dimension \(d) cannot be right", line: 1) }
            let binary: Bool
            switch format {
            case .bin?: binary = true
            case .vec?, .glove?: binary = false
            default: binary = !looksLikeText(dim: d)
            }
            return .dense(binary ? try parseBinary(expected: n, dim: d) : try parseText(expected: n, dim: d))
        }

        /// True when the first record after the header is text: `word` and `dim` numbers, or
        /// printable ASCII after the word starting like a number (so a bad text value gets a text
        /// error rather than a binary one). Raw float bytes practically never pass either test.
        func looksLikeText(dim: Int) -> Bool {
            var copy = self
            guard let (s, e) = copy.nextLine() else { return true }
            let f = fields(s, e)
            if f.count == dim + 1 && f.dropFirst().allSatisfy({ FloatParsing.parse(p, $0.0, $0.1) != nil }) { return true }
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
            guard i < count, p[i] == 32, i > wordStart else { return false }
            let end = i + 1 + 4 * dim
            guard end == count || (end < count && p[end] == 10) else { return false }
            // Text lines are printable (with tabs and line ends); raw floats almost never are, all
            // 4·dim bytes of them.
            return (i + 1..<end).contains { (p[$0] < 32 && p[$0] != 9 && p[$0] != 10 && p[$0] != 13) || p[$0] >= 127 }
        }

        mutating func parseText(expected: Int?, dim: Int) throws -> Embeddings {
            var words: [String] = []
            var values: [Float] = []
            if let expected {
                words.reserveCapacity(min(expected, count / 2))
                values.reserveCapacity(min(expected * dim, count / 2))
            }
            var seen = Set<String>()
            while let (s, e) = nextLine() {
                if s == e { continue }
                if let expected, words.count == expected {
                    throw fail("more vectors than the header's count \(expected)")
                }
                var i = s
                while i < e && !Parser.isBlank(p[i]) { i += 1 }
                let w = try word(s, i)
                var k = 0
                while i < e {
                    while i < e && Parser.isBlank(p[i]) { i += 1 }
                    if i == e { break }
                    let fs = i
                    while i < e && !Parser.isBlank(p[i]) { i += 1 }
                    k += 1
                    if k > dim { break }
                    guard let v = FloatParsing.parse(p, fs, i) else {
                        throw fail("value \(k) of '\(w)' is not a finite number: '\(text(fs, i))'")
                    }
                    values.append(v)
                }
                if k != dim {
                    throw fail("'\(w)' has \(k > dim ? "more than \(dim)" : String(k)) values, expected \(dim)")
                }
                guard seen.insert(w).inserted else { throw fail("duplicate word '\(w)'") }
                words.append(w)
            }
            if let expected, words.count != expected {
                throw fail("truncated: the header says \(expected) vectors, the file has \(words.count)")
            }
            if words.isEmpty { throw fail("no vectors in the file", line: 1) }
            return try Embeddings(words: words, dim: dim, vectors: values)
        }

        mutating func parseBinary(expected: Int, dim: Int) throws -> Embeddings {
            var words: [String] = []
            words.reserveCapacity(min(expected, count / 4))
            var values: [Float] = []
            values.reserveCapacity(min(expected * dim, count / 4))
            var seen = Set<String>()
            let bytes = dim * 4
            for r in 0..<expected {
                while pos < count && (p[pos] == 10 || p[pos] == 32) { pos += 1 }
                let s = pos
                while pos < count && p[pos] != 32 { pos += 1 }
                guard pos < count else { throw fail("truncated: record \(r + 1) of \(expected) ends inside its word", line: r + 2) }
                let w = try word(s, pos)
                pos += 1
                guard pos + bytes <= count else {
                    throw fail("truncated: record \(r + 1) of \(expected) ('\(w)') has fewer than \(dim) floats", line: r + 2)
                }
                values.append(contentsOf: repeatElement(0, count: dim))
                values.withUnsafeMutableBytes { dst in
                    memcpy(dst.baseAddress! + r * bytes, p + pos, bytes)
                }
                pos += bytes
                for j in 0..<dim where !values[r * dim + j].isFinite {
                    throw fail("value \(j + 1) of '\(w)' is not finite", line: r + 2)
                }
                guard seen.insert(w).inserted else { throw fail("duplicate word '\(w)'", line: r + 2) }
                words.append(w)
            }
            while pos < count && (p[pos] == 10 || p[pos] == 32) { pos += 1 }
            if pos < count { throw fail("more data after the header's \(expected) vectors", line: expected + 2) }
            return try Embeddings(words: words, dim: dim, vectors: values)
        }

        mutating func parseSparse(expected: Int, dim: Int) throws -> SparseEmbeddings {
            var words: [String] = []
            var rowStarts = [0]
            var columns: [Int32] = []
            var values: [Float] = []
            var seen = Set<String>()
            while let (s, e) = nextLine() {
                if s == e { continue }
                if words.count == expected { throw fail("more vectors than the header's count \(expected)") }
                let f = fields(s, e)
                let w = try word(f[0].0, f[0].1)
                var last = -1
                for (fs, fe) in f.dropFirst() {
                    guard let colon = (fs..<fe).first(where: { p[$0] == 58 }),
                          let col = Int(text(fs, colon)), let v = FloatParsing.parse(p, colon + 1, fe) else {
                        throw fail("expected `index:value`, found '\(text(fs, fe))'")
                    }
                    guard col > last, col < dim else {
                        throw fail("index \(col) of '\(w)' is out of order or not below the dimension \(dim)")
                    }
                    last = col
                    columns.append(Int32(col))
                    values.append(v)
                }
                guard seen.insert(w).inserted else { throw fail("duplicate word '\(w)'") }
                words.append(w)
                rowStarts.append(columns.count)
            }
            if words.count != expected {
                throw fail("truncated: the header says \(expected) vectors, the file has \(words.count)")
            }
            return try SparseEmbeddings(words: words, dim: dim, rowStarts: rowStarts, columns: columns, values: values)
        }
    }
}
