import Foundation
import XCTest
import WordVec

/// Issue 9, fault 6: `--tokenizer raw` follows Unicode properties: letters, marks and digits of
/// any script are word characters; Unicode white space, punctuation and symbols separate words
/// and are dropped.
final class RawTokenizerTests: TempDirTestCase {
    func words(_ text: String, _ options: TokenizerOptions = TokenizerOptions(style: .raw)) throws -> [String] {
        CorpusTests.words(try CorpusTests.scan(file("c.txt", text), options).0)
    }

    /// The example: curly quotes, guillemets, an em dash and an ellipsis.
    func testUnicodePunctuationIsDroppedLikeASCIIPunctuation() throws {
        XCTAssertEqual(try words("\u{201C}hello\u{201D} said \u{AB}bonjour\u{BB} \u{2014} ok\u{2026}\n"),
                       ["hello", "said", "bonjour", "ok"])
        let r = try TestSupport.wordvec("vocab", "--tokenizer", "raw", "--min-count", "1", "-o", "-", "-",
                                        stdin: Data("\u{201C}hello\u{201D} hello \u{2018}hello\u{2019}\n".utf8))
        XCTAssertEqual(r.stdout, "hello 3\n")
    }

    func testMultilingualSample() throws {
        let sample = """
        Привет, мир! «Ёлка»—ёлка. 東京は、日本の首都です。 naïve café\u{A0}crème x\u{3000}y \
        l’été – «vive» ¿Qué? ¡Sí! مرحبا، عالم؛ می\u{200C}خواهم हिन्दी। 2½ 10€ 😀emoji 3×4 a&b #tag @user ¹²
        """
        XCTAssertEqual(try words(sample), [
            "Привет", "мир", "Ёлка", "ёлка", "東京は", "日本の首都です", "naïve", "café", "crème", "x", "y",
            "l", "été", "vive", "Qué", "Sí", "مرحبا", "عالم", "می\u{200C}خواهم", "हिन्दी", "2½", "10", "emoji",
            "3", "4", "a", "b", "tag", "user", "¹²",
        ])
    }

    func testCombiningMarksStayInTheirWordAndLowercasingStillApplies() throws {
        XCTAssertEqual(try words("cafe\u{301}! ÉCOLE…", TokenizerOptions(style: .raw, lowercase: true)), ["cafe\u{301}", "école"])
        XCTAssertEqual(try words("cafe\u{301}! ÉCOLE…", TokenizerOptions(style: .raw, lowercase: true, normalization: .nfc)),
                       ["caf\u{E9}", "école"])
        // The whitespace tokenizer keeps its word2vec rule: bytes between ASCII blanks.
        XCTAssertEqual(try words("\u{201C}hello\u{201D} x\u{A0}y", TokenizerOptions()), ["\u{201C}hello\u{201D}", "x\u{A0}y"])
    }

    func testASCIIOnlyTextTokenizesAsBefore() throws {
        XCTAssertEqual(try words("Hello, world! It's 3.14 (x) --y_z"), ["Hello", "world", "It", "s", "3", "14", "x", "y", "z"])
    }
}
