import Foundation

/// Cuts a corpus into tokens and line ends, streaming through a fixed buffer (constant memory
/// whatever the line length). Tokens are handed out as byte slices valid until the next call.
package final class TokenScanner {
    package enum Event { case token, lineEnd, end }

    // Byte classes, bit flags: token bytes carry UPPER/HIGH, separators carry SEP.
    static let upper: UInt8 = 1, high: UInt8 = 2, sep: UInt8 = 8, newline: UInt8 = 16, nul: UInt8 = 32

    private let files: [String]
    private let corpus: Corpus
    private let options: TokenizerOptions
    private let classes: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 20
    private let buffer: UnsafeMutablePointer<UInt8>
    /// Holds a token rewritten by `TokenText` (grown as needed).
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int
    /// Further words split from the last token by the raw tokenizer, last one first.
    private var pieces: [String] = []
    /// Index in `corpus.files` of the file being read (`files.count` once all are read); a
    /// `.lineEnd` after which it changed marks the end of a file (a document boundary).
    package private(set) var fileIndex = -1
    private var source: ByteSource?
    private var p = 0, end = 0
    private var bufferOffset: Int64 = 0   // absolute file offset of buffer[0]
    private var rangeEnd: Int64 = .max
    private var pendingLineEnd = false
    private var finished = false

    /// The current token (valid until the next `next()`).
    package private(set) var token = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    package private(set) var warnings = CorpusWarnings()

    /// Reads `corpus` whole, or only the tokens whose first byte lies in `range` (seekable corpora).
    package init(corpus: Corpus, options: TokenizerOptions, range: Range<Int64>? = nil) throws {
        try corpus.checkUnchanged()
        files = corpus.files
        self.corpus = corpus
        self.options = options
        classes = .allocate(capacity: 256)
        buffer = .allocate(capacity: capacity)
        scratchCapacity = 4 * options.maxTokenBytes + 16
        scratch = .allocate(capacity: scratchCapacity)
        TokenScanner.fillClasses(classes, style: options.style)
        if let range {
            precondition(corpus.isSeekable, "byte ranges need a single plain file")
            fileIndex = 0
            rangeEnd = range.upperBound
            let start = max(range.lowerBound - 1, 0)
            source = try Corpus.openSource(files[0], start: start)
            bufferOffset = start
            if range.lowerBound > 0 {
                // A token straddling the range start belongs to the previous range: skip it.
                if try !refill(keepingFrom: 0) { finished = true; return }
                if classes[Int(buffer[0])] & TokenScanner.sep == 0 { try skipToken() } else { p = 1 }
            } else {
                try skipByteOrderMark()
            }
        } else {
            try openNextFile()
        }
    }

    deinit {
        classes.deallocate()
        buffer.deallocate()
        scratch.deallocate()
    }

    static func fillClasses(_ c: UnsafeMutablePointer<UInt8>, style: TokenizerOptions.Style) {
        for b in 0..<256 {
            var k: UInt8 = 0
            if b >= 0x80 { k = high }
            else if b >= 65 && b <= 90 { k = upper }
            else if style == .raw && !((b >= 97 && b <= 122) || (b >= 48 && b <= 57)) { k = sep }
            c[b] = k
        }
        for b in [9, 11, 12, 13, 32] { c[b] = sep }
        c[10] = sep | newline
        c[0] = sep | nul
    }

    private func openNextFile() throws {
        fileIndex += 1
        source = nil
        if fileIndex < files.count {
            source = try Corpus.openSource(files[fileIndex])
            p = 0; end = 0; bufferOffset = 0
            try skipByteOrderMark()
        }
    }

    /// Steps over a UTF-8 byte-order mark (EF BB BF) at the start of a file, so that it does not
    /// glue itself to the first word. Offsets stay file offsets (byte ranges rely on them).
    private func skipByteOrderMark() throws {
        while end < 3, try refill(keepingFrom: p) {}
        if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { p = 3 }
    }

    /// The end of this reader's pass (or byte range): the corpus must not have changed meanwhile.
    private func finishPass() throws {
        finished = true
        try corpus.checkUnchanged()
    }

    /// Moves buffer[from..<end] to the front and reads more. False at end of the current file.
    private func refill(keepingFrom from: Int) throws -> Bool {
        guard let source else { return false }
        let keep = end - from
        if keep > 0 && from > 0 { memmove(buffer, buffer + from, keep) }
        bufferOffset += Int64(from)
        p -= from
        end = keep
        let n = try source.read(into: buffer + end, capacity: capacity - end)
        end += n
        return n > 0
    }

    /// Skips the rest of a token (used for range starts and over-long tokens).
    private func skipToken() throws {
        while true {
            while p < end && classes[Int(buffer[p])] & TokenScanner.sep == 0 { p += 1 }
            if p < end { return }
            if try !refill(keepingFrom: p) { return }
        }
    }

    /// The next event. `.lineEnd` is reported once per newline and at the end of each file.
    package func next() throws -> Event {
        if let piece = pieces.popLast() {
            token = copyToScratch(piece)
            return .token
        }
        if finished { return .end }
        if pendingLineEnd { pendingLineEnd = false; return .lineEnd }
        while true {
            // Skip separators.
            while p < end {
                let c = classes[Int(buffer[p])]
                if c & TokenScanner.sep == 0 { break }
                p += 1
                if c & TokenScanner.newline != 0 { return .lineEnd }
                // Separators past the range end are also skipped by the next range: count them there.
                if c & TokenScanner.nul != 0 && bufferOffset + Int64(p) <= rangeEnd { warnings.nulBytes += 1 }
            }
            if p == end {
                if try refill(keepingFrom: p) { continue }
                if rangeEnd != .max { try finishPass(); return .lineEnd }
                try openNextFile()
                if source == nil { try finishPass() }
                return .lineEnd
            }
            // A token starts at p.
            if bufferOffset + Int64(p) >= rangeEnd { try finishPass(); return .lineEnd }
            var start = p
            var acc: UInt8 = 0
            while true {
                while p < end {
                    let c = classes[Int(buffer[p])]
                    if c & TokenScanner.sep != 0 { break }
                    acc |= c
                    p += 1
                }
                if p < end { break }
                if p - start > options.maxTokenBytes { break }
                let more = try refill(keepingFrom: start)
                start = 0
                if !more { break }
            }
            let length = p - start
            if length > options.maxTokenBytes {
                warnings.longTokens += 1
                try skipToken()
                continue
            }
            if let t = finishToken(start: start, length: length, flags: acc) {
                token = t
                return .token
            }
        }
    }

    /// Lower-cases and validates a token; nil when it is not valid UTF-8 or (raw tokenizer) holds
    /// no word character. A non-ASCII token may yield several words: the first is returned, the
    /// others are queued in `pieces`.
    private func finishToken(start: Int, length: Int, flags: UInt8) -> UnsafeBufferPointer<UInt8>? {
        let base = buffer + start
        if flags & TokenScanner.high == 0 {
            if options.lowercase && flags & TokenScanner.upper != 0 {
                for i in 0..<length where base[i] >= 65 && base[i] <= 90 { base[i] += 32 }
            }
            return UnsafeBufferPointer(start: base, count: length)
        }
        let raw = UnsafeBufferPointer(start: base, count: length)
        guard let text = String(validating: raw, as: UTF8.self) else {
            warnings.invalidUTF8Tokens += 1
            return nil
        }
        guard options.lowercase || options.normalization != nil || options.style == .raw else { return raw }
        var words = TokenText.words(text, options: options)
        guard !words.isEmpty else { return nil }
        let first = words.removeFirst()
        pieces = words.reversed()
        return copyToScratch(first)
    }

    /// `word`'s bytes in the scratch buffer (valid until the next call).
    private func copyToScratch(_ word: String) -> UnsafeBufferPointer<UInt8> {
        let n = word.utf8.count
        if n > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = n * 2
            scratch = .allocate(capacity: scratchCapacity)
        }
        _ = UnsafeMutableBufferPointer(start: scratch, count: n).initialize(from: word.utf8)
        return UnsafeBufferPointer(start: scratch, count: n)
    }
}
