/// fastText's character n-grams (Bojanowski et al. 2017, §3.2): a word w is written `<w>`, and
/// every substring of `minn...maxn` characters (UTF-8 characters, not bytes) is one n-gram,
/// except the bare boundary marks `<` and `>`. Each n-gram is hashed into one of `bucket` rows
/// that follow the word rows of the input matrix, so row = words + hash(n-gram) mod bucket,
/// exactly as fastText's `Dictionary::computeSubwords`, so the same n-gram lands on the same row.
public struct FastTextNgrams: Sendable, Equatable {
    public let minn: Int
    public let maxn: Int
    public let bucket: Int

    public init(minn: Int, maxn: Int, bucket: Int) {
        self.minn = minn
        self.maxn = maxn
        self.bucket = bucket
    }

    /// Whether words have any n-gram rows at all (`--maxn 0` or `--bucket 0`: plain word2vec).
    public var isEnabled: Bool { maxn > 0 && bucket > 0 && maxn >= minn }

    /// fastText's hash: 32-bit FNV-1a over the bytes, each byte sign-extended first (the C++
    /// code xors `uint32_t(int8_t(c))`), which changes the hash of every non-ASCII n-gram.
    @inline(__always)
    public static func hash<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var h: UInt32 = 2_166_136_261
        for b in bytes {
            h ^= UInt32(bitPattern: Int32(Int8(bitPattern: b)))
            h = h &* 16_777_619
        }
        return h
    }

    /// The bucket (0..<bucket) of every n-gram of `word`, in fastText's order: by start
    /// character, then by length.
    public func buckets(_ word: String) -> [Int] {
        var out: [Int] = []
        forEachNgram(word) { out.append(Int(Self.hash($0) % UInt32(bucket))) }
        return out
    }

    /// The n-grams of `word` as strings (for documentation and tests).
    public func ngrams(_ word: String) -> [String] {
        var out: [String] = []
        forEachNgram(word) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Calls `body` with the bytes of each n-gram of `<word>`.
    private func forEachNgram(_ word: String, _ body: (ArraySlice<UInt8>) -> Void) {
        guard isEnabled else { return }
        let w = Array(("<" + word + ">").utf8)
        for i in w.indices where w[i] & 0xC0 != 0x80 {
            var j = i, n = 1
            while j < w.count && n <= maxn {
                j += 1
                while j < w.count && w[j] & 0xC0 == 0x80 { j += 1 }
                if n >= minn && !(n == 1 && (i == 0 || j == w.count)) { body(w[i..<j]) }
                n += 1
            }
        }
    }
}
