import XCTest
import WordVec

/// fastText's n-grams and hash, so that an n-gram lands on the row fastText puts it on.
final class FastTextNgramsTests: XCTestCase {
    /// fastText's hashes of whole words (gensim's FTHashFunctionsTest table, checked against
    /// Facebook's implementation), Cyrillic and Japanese included: their bytes ≥ 0x80 are
    /// sign-extended before the xor, as fastText's `uint32_t(int8_t(c))`.
    static let knownHashes: [(String, UInt32)] = [
        ("команда", 1_725_507_386), ("маленьких", 3_011_324_125), ("друзей", 737_001_801), ("возит", 4_225_261_911),
        ("грузы", 1_301_826_944), ("всех", 706_328_732), ("быстрей", 1_379_730_754), ("mysterious", 1_903_186_891),
        ("asteroid", 1_988_297_200), ("odyssey", 310_195_777), ("introduction", 2_848_265_721),
        ("北海道", 4_096_045_468), ("札幌", 3_909_947_444), ("西区", 3_653_372_632),
    ]

    func testHashMatchesFastTextOnKnownWords() {
        for (word, expected) in Self.knownHashes {
            XCTAssertEqual(FastTextNgrams.hash(Array(word.utf8)), expected, word)
        }
        // Published FNV-1a 32-bit test vectors (ASCII is unaffected by the sign extension).
        XCTAssertEqual(FastTextNgrams.hash(Array("a".utf8)), 0xE40C_292C)
        XCTAssertEqual(FastTextNgrams.hash(Array("foobar".utf8)), 0xBF9C_F968)
        var h: UInt32 = 2_166_136_261
        h ^= 0xFFFF_FFC3; h = h &* 16_777_619
        XCTAssertEqual(FastTextNgrams.hash([0xC3]), h, "0xC3 is xor-ed as 0xFFFFFFC3")
    }

    func testNgramsAreCountedInCharactersWithBoundaryMarks() {
        let g = FastTextNgrams(minn: 3, maxn: 4, bucket: 100)
        XCTAssertEqual(g.ngrams("where"), ["<wh", "<whe", "whe", "wher", "her", "here", "ere", "ere>", "re>"])
        // "é" is one character of two bytes; single characters and the bare marks never count.
        XCTAssertEqual(FastTextNgrams(minn: 1, maxn: 2, bucket: 100).ngrams("é"), ["<é", "é", "é>"])
        XCTAssertEqual(g.buckets("where"), g.ngrams("where").map { Int(FastTextNgrams.hash(Array($0.utf8)) % 100) })
        XCTAssertEqual(FastTextNgrams(minn: 3, maxn: 0, bucket: 100).ngrams("where"), [])
    }
}
