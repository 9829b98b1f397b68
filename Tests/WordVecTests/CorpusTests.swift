import CZstd
import Foundation
import XCTest
import WordVec

/// The streaming corpus reader: tokenizer rules, bad bytes, byte ranges, inputs (.zst, directory,
/// stdin), bad paths, and constant memory on one huge line.
final class CorpusTests: XCTestCase {
    var dir = ""

    override func setUp() { dir = TestSupport.tempDir() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    // MARK: helpers

    enum Piece: Equatable { case word(String), line }

    /// Every event of a scan: tokens and line ends (the trailing end-of-file line end included).
    static func scan(_ path: String, _ options: TokenizerOptions = TokenizerOptions(), range: Range<Int64>? = nil) throws -> ([Piece], CorpusWarnings) {
        let scanner = try TokenScanner(corpus: try Corpus(path: path), options: options, range: range)
        var out: [Piece] = []
        while true {
            switch try scanner.next() {
            case .token: out.append(.word(String(decoding: scanner.token, as: UTF8.self)))
            case .lineEnd: out.append(.line)
            case .end: return (out, scanner.warnings)
            }
        }
    }

    static func words(_ pieces: [Piece]) -> [String] {
        pieces.compactMap { if case .word(let w) = $0 { return w } else { return nil } }
    }

    func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        TestSupport.write(bytes: bytes, to: path)
        return path
    }

    func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// Compresses with libzstd (one frame).
    static func zstd(_ bytes: [UInt8], level: Int32 = 3) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let n = out.withUnsafeMutableBytes { o in
            bytes.withUnsafeBytes { i in ZSTD_compress(o.baseAddress, o.count, i.baseAddress, i.count, level) }
        }
        precondition(ZSTD_isError(n) == 0)
        return Array(out.prefix(n))
    }

    // MARK: tokenizer

    func testWhitespaceTokenizerSplitsLikeWord2vec() throws {
        let path = file("c.txt", "the  cat\tsat\non\u{0B}the\u{0C}mat\n\nend")
        let (pieces, warnings) = try Self.scan(path)
        XCTAssertEqual(pieces, [.word("the"), .word("cat"), .word("sat"), .line,
                                .word("on"), .word("the"), .word("mat"), .line, .line, .word("end"), .line])
        XCTAssertTrue(warnings.isEmpty)
    }

    func testPunctuationStaysInWhitespaceTokens() throws {
        let path = file("c.txt", "Hello, world! it's")
        XCTAssertEqual(Self.words(try Self.scan(path).0), ["Hello,", "world!", "it's"])
    }

    func testRawTokenizerKeepsLettersDigitsAndNonASCII() throws {
        let path = file("c.txt", "Hello, world! It's 3.14 (café) na\u{EF}ve--x_y")
        let raw = TokenizerOptions(style: .raw)
        XCTAssertEqual(Self.words(try Self.scan(path, raw).0), ["Hello", "world", "It", "s", "3", "14", "café", "naïve", "x", "y"])
    }

    func testLowercaseFoldsASCIIAndOtherScripts() throws {
        let path = file("c.txt", "The CAT ÉCOLE Straße ΑΘΗΝΑ МОСКВА mIxEd")
        let lower = TokenizerOptions(lowercase: true)
        XCTAssertEqual(Self.words(try Self.scan(path, lower).0), ["the", "cat", "école", "straße", "αθηνα", "москва", "mixed"])
        // Without the flag the bytes are untouched.
        XCTAssertEqual(Self.words(try Self.scan(path).0), ["The", "CAT", "ÉCOLE", "Straße", "ΑΘΗΝΑ", "МОСКВА", "mIxEd"])
    }

    func testCRLFLineEndsGiveNoCarriageReturnInTokens() throws {
        let path = file("c.txt", "a b\r\nc\r\n\r\nd")
        let (pieces, _) = try Self.scan(path)
        XCTAssertEqual(pieces, [.word("a"), .word("b"), .line, .word("c"), .line, .line, .word("d"), .line])
    }

    func testNULBytesSeparateTokensAndAreCounted() throws {
        let path = file("c.txt", [97, 0, 98, 32, 0, 0, 99, 10])
        let (pieces, warnings) = try Self.scan(path)
        XCTAssertEqual(Self.words(pieces), ["a", "b", "c"])
        XCTAssertEqual(warnings.nulBytes, 3)
        XCTAssertEqual(warnings.summary, "warning: 3 NUL bytes treated as spaces")
    }

    func testInvalidUTF8TokensAreCountedAndSkipped() throws {
        // 0xFF never occurs in UTF-8; "caf" + a lone lead byte is truncated; an overlong "/" (C0 AF).
        let bytes: [UInt8] = [0xFF, 0xFE, 32] + Array("good ".utf8) + [99, 97, 102, 0xC3, 32, 0xC0, 0xAF, 10] + Array("ok café".utf8)
        let path = file("c.txt", bytes)
        let (pieces, warnings) = try Self.scan(path)
        XCTAssertEqual(Self.words(pieces), ["good", "ok", "café"])
        XCTAssertEqual(warnings.invalidUTF8Tokens, 3)
        // Raw tokenization treats high bytes as letters, so the same bad tokens are caught there too.
        XCTAssertEqual(try Self.scan(path, TokenizerOptions(style: .raw)).1.invalidUTF8Tokens, 3)
    }

    func testOverlongTokensAreSkippedAndCounted() throws {
        var options = TokenizerOptions()
        options.maxTokenBytes = 1000
        let kept = String(repeating: "k", count: 1000)
        let long = String(repeating: "x", count: 1001)
        let huge = String(repeating: "y", count: 3_000_000)   // longer than the 1 MB read buffer
        let path = file("c.txt", "a \(kept) \(long) b \(huge) c\n\(huge)")
        let (pieces, warnings) = try Self.scan(path, options)
        XCTAssertEqual(Self.words(pieces), ["a", kept, "b", "c"])
        XCTAssertEqual(warnings.longTokens, 3)
        XCTAssertEqual(pieces.filter { $0 == .line }.count, 2)
    }

    func testTokenAcrossTheReadBufferBoundaryIsWhole() throws {
        // 1 MB buffer: put a token straddling byte 1<<20 and check it comes out whole.
        let pad = String(repeating: "a ", count: (1 << 20) / 2 - 2)
        let path = file("c.txt", pad + "straddling tail")
        let words = Self.words(try Self.scan(path).0)
        XCTAssertEqual(words.count, (1 << 20) / 2 - 2 + 2)
        XCTAssertEqual(words.suffix(2), ["straddling", "tail"])
    }

    func testSentencesAreCutAt1000Words() throws {
        let line = (0..<2500).map { "w\($0 % 7)" }.joined(separator: " ")
        let path = file("c.txt", line + "\nw1 w2\n")
        let vocabulary = Vocabulary(words: (0..<7).map { "w\($0)" }, counts: Array(repeating: 1, count: 7))
        let reader = try SentenceReader(corpus: try Corpus(path: path), table: vocabulary.makeTable(), options: TokenizerOptions())
        var ids: [Int32] = []
        var lengths: [Int] = []
        while try reader.next(into: &ids) { lengths.append(ids.count) }
        XCTAssertEqual(lengths, [1000, 1000, 500, 2])
    }

    func testSentenceReaderDropsOutOfVocabularyWords() throws {
        let path = file("c.txt", "a x b\ny z\nb")
        let vocabulary = Vocabulary(words: ["b", "a"], counts: [2, 1])
        let reader = try SentenceReader(corpus: try Corpus(path: path), table: vocabulary.makeTable(), options: TokenizerOptions())
        var ids: [Int32] = []
        var sentences: [[Int32]] = []
        while try reader.next(into: &ids) { sentences.append(ids) }
        XCTAssertEqual(sentences, [[1, 0], [0]])   // the all-OOV line gives no sentence
    }

    // MARK: byte ranges

    /// Random text mixing short and long tokens, multi-byte letters, newlines, tabs and NULs.
    static func randomText(bytes: Int, seed: UInt64) -> [UInt8] {
        var rng = FastRandom(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 64)
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8), accented = Array("é".utf8)
        while out.count < bytes {
            let length = rng.next(below: 10) == 0 ? 1 + rng.next(below: 40) : 1 + rng.next(below: 6)
            for _ in 0..<length {
                if rng.next(below: 15) == 0 { out += accented } else { out.append(letters[rng.next(below: letters.count)]) }
            }
            let separators = 1 + (rng.next(below: 4) == 0 ? rng.next(below: 3) : 0)
            for _ in 0..<separators {
                switch rng.next(below: 20) {
                case 0, 1: out.append(10)
                case 2: out.append(9)
                case 3: out.append(0)
                default: out.append(32)
                }
            }
        }
        return out
    }

    func testByteRangesReadEveryTokenExactlyOnce() throws {
        let path = file("c.txt", Self.randomText(bytes: 6_000, seed: 42))
        let (all, allWarnings) = try Self.scan(path)
        let expected = Self.words(all)
        let corpus = try Corpus(path: path)
        XCTAssertTrue(corpus.isSeekable)
        // Every split count from 1 to 64 parts, and 200 parts (ranges of ~30 bytes, many inside tokens).
        for parts in Array(1...64) + [200, 6_000] {
            var got: [String] = []
            var nuls = 0
            for r in corpus.byteRanges(parts) {
                let (pieces, w) = try Self.scan(path, range: r)
                got += Self.words(pieces)
                nuls += w.nulBytes
            }
            XCTAssertEqual(got, expected, "split into \(parts) parts")
            XCTAssertEqual(nuls, allWarnings.nulBytes, "NUL count with \(parts) parts")
        }
    }

    func testRandomCutPointsNeverSplitOrRepeatATokenEvenAcrossTheReadBuffer() throws {
        // 2.5 MB so that ranges also cross the scanner's 1 MB buffer refills.
        let path = file("c.txt", Self.randomText(bytes: 2_500_000, seed: 7))
        let expected = Self.words(try Self.scan(path).0)
        let size = Int64(try Corpus(path: path).byteSize)
        var rng = FastRandom(seed: 3)
        for trial in 0..<6 {
            var cuts = Set<Int64>([0, size])
            for _ in 0..<(1 + trial * 3) { cuts.insert(Int64(rng.next(below: Int(size)))) }
            let sorted = cuts.sorted()
            var got: [String] = []
            for i in 0..<(sorted.count - 1) {
                got += Self.words(try Self.scan(path, range: sorted[i]..<sorted[i + 1]).0)
            }
            XCTAssertEqual(got.count, expected.count, "cuts \(sorted)")
            XCTAssertTrue(got == expected, "cuts \(sorted)")
        }
    }

    func testByteRangesCoverTheFile() throws {
        let path = file("c.txt", String(repeating: "abc ", count: 1000))
        let corpus = try Corpus(path: path)
        for parts in [1, 2, 3, 7, 4000, 5000] {
            let ranges = corpus.byteRanges(parts)
            XCTAssertEqual(ranges.first?.lowerBound, 0)
            XCTAssertEqual(ranges.last?.upperBound, 4000)
            for (a, b) in zip(ranges, ranges.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
        }
    }

    func testParallelCountEqualsSerialCount() throws {
        // Over 4 MB, so the counter reads two byte ranges at once.
        let path = file("c.txt", Self.randomText(bytes: 5_000_000, seed: 11))
        let serial = try VocabularyCounter(minCount: 1, threads: 1).count(try Corpus(path: path))
        let parallel = try VocabularyCounter(minCount: 1, threads: 2).count(try Corpus(path: path))
        XCTAssertEqual(parallel.tokens, serial.tokens)
        XCTAssertEqual(parallel.vocabulary, serial.vocabulary)
        XCTAssertEqual(parallel.warnings, serial.warnings)
        XCTAssertGreaterThan(serial.warnings.nulBytes, 0)
    }

    // MARK: inputs

    func testZstdFileStreamsLikeThePlainFile() throws {
        let text = Self.randomText(bytes: 3_000_000, seed: 5)   // several decoder output buffers
        let plain = file("c.txt", text)
        let packed = file("c.txt.zst", Self.zstd(text))
        XCTAssertFalse(try Corpus(path: packed).isSeekable)
        let a = try Self.scan(plain), b = try Self.scan(packed)
        XCTAssertEqual(a.0, b.0)
        XCTAssertEqual(a.1, b.1)
    }

    func testZstdWithSeveralFramesReadsThemAll() throws {
        let path = file("c.zst", Self.zstd(Array("one two\n".utf8)) + Self.zstd([]) + Self.zstd(Array("three\n".utf8), level: 19))
        XCTAssertEqual(Self.words(try Self.scan(path).0), ["one", "two", "three"])
    }

    func testTruncatedZstdIsAClearError() throws {
        let whole = Self.zstd(Self.randomText(bytes: 200_000, seed: 9))
        let path = file("cut.zst", Array(whole.prefix(whole.count / 2)))
        XCTAssertThrowsError(try Self.scan(path)) { error in
            guard case WordVecError.corruptCompressed(let p, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    func testCorruptZstdIsAClearError() throws {
        var bytes = Self.zstd(Self.randomText(bytes: 200_000, seed: 9))
        for i in stride(from: 20, to: bytes.count - 8, by: 97) { bytes[i] ^= 0x5A }
        let flipped = file("flip.zst", bytes)
        let garbage = file("garbage.zst", "this is not zstd at all\n")
        for path in [flipped, garbage] {
            XCTAssertThrowsError(try Self.scan(path)) { error in
                guard case WordVecError.corruptCompressed = error else { return XCTFail("\(path): \(error)") }
            }
        }
    }

    func testDirectoryIsReadInSortedOrderSkippingHiddenFilesAndSubdirectories() throws {
        let sub = dir + "/corpus"
        try FileManager.default.createDirectory(atPath: sub + "/nested", withIntermediateDirectories: true)
        TestSupport.write("second", to: sub + "/b.txt")
        TestSupport.write("first\n", to: sub + "/a.txt")
        TestSupport.write(bytes: Self.zstd(Array("third".utf8)), to: sub + "/c.zst")
        TestSupport.write("hidden", to: sub + "/.hidden")
        TestSupport.write("nested", to: sub + "/nested/x.txt")
        let corpus = try Corpus(path: sub)
        XCTAssertEqual(corpus.files.map { ($0 as NSString).lastPathComponent }, ["a.txt", "b.txt", "c.zst"])
        XCTAssertFalse(corpus.isSeekable)
        let (pieces, _) = try Self.scan(sub)
        // Each file ends a line, so the last token of b.txt does not run into c.zst's.
        XCTAssertEqual(pieces, [.word("first"), .line, .line, .word("second"), .line, .word("third"), .line])
    }

    func testEmptyDirectoryIsAClearError() throws {
        let sub = dir + "/empty"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        XCTAssertThrowsError(try Corpus(path: sub)) { XCTAssertEqual($0 as? WordVecError, .emptyCorpus(sub)) }
    }

    func testMissingPathIsAClearError() {
        let path = dir + "/nope.txt"
        XCTAssertThrowsError(try Corpus(path: path)) { XCTAssertEqual($0 as? WordVecError, .fileNotFound(path)) }
    }

    func testUnreadablePathIsAClearError() throws {
        // A socket exists but cannot be opened for reading, even by root.
        let path = dir + "/sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { p in
            _ = path.utf8CString.withUnsafeBytes { memcpy(p.baseAddress!, $0.baseAddress!, min($0.count, p.count - 1)) }
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if bound == 0 {
            XCTAssertThrowsError(try Self.scan(path)) { error in
                guard case WordVecError.unreadable(let p, _)? = error as? WordVecError else { return XCTFail("\(error)") }
                XCTAssertEqual(p, path)
            }
        }
        // A file without read permission (only meaningful when not running as root).
        let locked = file("locked.txt", "words here")
        chmod(locked, 0)
        defer { chmod(locked, 0o644) }
        if getuid() != 0 {
            XCTAssertThrowsError(try Corpus(path: locked)) { error in
                guard case WordVecError.unreadable? = error as? WordVecError else { return XCTFail("\(error)") }
            }
        }
    }

    func testEmptyAndWhitespaceOnlyCorporaHaveNoTokens() throws {
        for (name, text) in [("empty.txt", ""), ("blank.txt", " \n\n\t \r\n  ")] {
            let path = file(name, text)
            let result = try VocabularyCounter(minCount: 1).count(try Corpus(path: path))
            XCTAssertEqual(result.tokens, 0)
            XCTAssertEqual(result.vocabulary.count, 0)
        }
        let packed = file("empty.zst", Self.zstd([]))
        XCTAssertEqual(try VocabularyCounter(minCount: 1).count(try Corpus(path: packed)).tokens, 0)
    }

    /// Resident set size now, from /proc (not the peak: this is what a leak would grow).
    static func residentBytes() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = s.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(getpagesize()) : 0
    }

    func testHugeSingleLineStreamsInConstantMemory() throws {
        // 32 MB on one line, no newline at all, written in 1 MB blocks.
        let path = dir + "/line.txt"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let block = Array(String(repeating: "alpha beta gamma delta ", count: (1 << 20) / 23).utf8)
        let blocks = 32
        for _ in 0..<blocks { handle.write(Data(block)) }
        try handle.close()
        let perBlock = (1 << 20) / 23 * 4

        let scanner = try TokenScanner(corpus: try Corpus(path: path), options: TokenizerOptions())
        let before = Self.residentBytes()
        var peak = before
        var tokens = 0, lines = 0
        loop: while true {
            switch try scanner.next() {
            case .token:
                tokens += 1
                if tokens % 500_000 == 0 { peak = max(peak, Self.residentBytes()) }
            case .lineEnd: lines += 1
            case .end: break loop
            }
        }
        XCTAssertEqual(tokens, perBlock * blocks)
        XCTAssertEqual(lines, 1)
        XCTAssertLessThan(peak - before, 16 << 20, "resident memory grew while scanning one 32 MB line")

        // Sentences are cut at 1000 words, and the parallel counter agrees.
        let v = Vocabulary(words: ["alpha", "beta", "gamma", "delta"], counts: [1, 1, 1, 1])
        let reader = try SentenceReader(corpus: try Corpus(path: path), table: v.makeTable(), options: TokenizerOptions())
        var ids: [Int32] = []
        var longest = 0, sentences = 0
        while try reader.next(into: &ids) { longest = max(longest, ids.count); sentences += 1 }
        XCTAssertEqual(longest, 1000)
        XCTAssertEqual(sentences, (perBlock * blocks + 999) / 1000)
        let counted = try VocabularyCounter(minCount: 1, threads: 2).count(try Corpus(path: path))
        XCTAssertEqual(counted.tokens, perBlock * blocks)
        XCTAssertEqual(counted.vocabulary.counts, Array(repeating: perBlock * blocks / 4, count: 4))
    }
}
