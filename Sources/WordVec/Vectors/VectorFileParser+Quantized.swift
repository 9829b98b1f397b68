import Foundation

extension VectorFileParser {
    /// Reads the body of a quantized file (`N D int8` or `N D binary` header already read):
    /// D little-endian float32 scales and a newline, then N records `word␠code\n` with a code of
    /// D bytes (int8) or ⌈D/8⌉ bytes (binary). See docs/formats.md.
    mutating func parseQuantized(expected: Int, dim: Int, scheme: QuantizationScheme) throws -> QuantizedVectors {
        guard pos + 4 * dim + 1 <= count else { throw fail("truncated: the \(dim) scales of the \(scheme.rawValue) file are missing", line: 2) }
        var scales = [Float](repeating: 0, count: dim)
        scales.withUnsafeMutableBytes { _ = memcpy($0.baseAddress!, p + pos, 4 * dim) }
        if let bad = scales.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw fail("scale \(bad + 1) is not a finite non-negative number", line: 2)
        }
        pos += 4 * dim
        guard p[pos] == 10 else { throw fail("expected a newline after the \(dim) scales", line: 2) }
        pos += 1
        let bytes = scheme.codeBytes(dim: dim)
        var words: [String] = [], codes: [UInt8] = []
        words.reserveCapacity(min(expected, count / 2))
        codes.reserveCapacity(min(expected * bytes, count))
        for r in 0..<expected {
            record = (r + 1, pos)
            let s = pos
            while pos < count && p[pos] != 32 && p[pos] != 10 { pos += 1 }
            guard pos < count, p[pos] == 32 else { throw fail("truncated: record \(r + 1) of \(expected) ends inside its word") }
            let we = pos
            pos += 1
            guard pos + bytes < count || (pos + bytes == count && r == expected - 1) else {
                throw fail("truncated: record \(r + 1) of \(expected) ('\(text(s, we))') has fewer than \(bytes) code bytes")
            }
            let code = Array(UnsafeBufferPointer(start: p + pos, count: bytes))
            pos += bytes
            if pos < count {
                guard p[pos] == 10 else { throw fail("record \(r + 1) ('\(text(s, we))') is not followed by a newline") }
                pos += 1
            }
            if let w = try acceptWord(s, we, row: words.count) { words.append(w); codes += code }
        }
        record = nil
        if pos < count {
            throw WordVecError.malformedRecord(path: path, record: expected + 1, offset: pos,
                                               reason: "more data after the header's \(expected) vectors")
        }
        if words.isEmpty { throw fail("no vectors in the file", line: 1) }
        return QuantizedVectors(words: words, dim: dim, scheme: scheme, scales: scales, codes: codes)
    }
}
