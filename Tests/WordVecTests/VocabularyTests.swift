import Foundation
import XCTest
import WordVec

/// Vocabulary counting, order, trimming, pruning, the `word count` file format, and the shared
/// sampling pieces built from it (noise distribution, subsampling, RNG).
final class VocabularyTests: TempDirTestCase {
    func count(_ text: String, minCount: Int = 1, maxVocab: Int = 0, options: TokenizerOptions = TokenizerOptions()) throws -> VocabularyCounter.Result {
        try VocabularyCounter(options: options, minCount: minCount, maxVocab: maxVocab, threads: 1).count(try Corpus(path: file("c.txt", text)))
    }

    func testOrderIsCountDescendingThenWordAscendingByBytes() throws {
        let r = try count("b a c b a d b é Z z é\nz")
        XCTAssertEqual(r.vocabulary.words, ["b", "a", "z", "é", "Z", "c", "d"])
        XCTAssertEqual(r.vocabulary.counts, [3, 2, 2, 2, 1, 1, 1])
        XCTAssertEqual(r.tokens, 12)
        XCTAssertEqual(r.types, 7)
    }

    func testMinCountAndMaxVocab() throws {
        let text = "a a a a b b b c c d e e e"
        let min2 = try count(text, minCount: 2)
        XCTAssertEqual(min2.vocabulary.words, ["a", "b", "e", "c"])
        XCTAssertEqual(min2.vocabulary.corpusTokens, 13)
        XCTAssertEqual(min2.vocabulary.keptTokens, 12)
        // max-vocab keeps the most frequent; the tie between b and e is broken by the word.
        XCTAssertEqual(try count(text, minCount: 2, maxVocab: 2).vocabulary.words, ["a", "b"])
        XCTAssertEqual(try count(text, minCount: 1, maxVocab: 100).vocabulary.count, 5)
        XCTAssertEqual(try count(text, minCount: 5).vocabulary.count, 0)
    }

    func testLowercaseMergesTypes() throws {
        let r = try count("The the THE École école", options: TokenizerOptions(lowercase: true))
        XCTAssertEqual(r.vocabulary.words, ["the", "école"])
        XCTAssertEqual(r.vocabulary.counts, [3, 2])
    }

    func testCountIsIdenticalOnEveryRun() throws {
        let path = dir + "/syn.txt"
        try SyntheticCorpus(seed: 2).write(sentences: 3000, to: path)
        let a = try VocabularyCounter(minCount: 1, threads: 1).count(try Corpus(path: path))
        let b = try VocabularyCounter(minCount: 1, threads: 2).count(try Corpus(path: path))
        XCTAssertEqual(a.vocabulary, b.vocabulary)
        XCTAssertEqual(a.tokens, SyntheticCorpus(seed: 2).sentences(3000).reduce(0) { $0 + $1.count })
    }

    func testPruningBoundsTheTableAndKeepsFrequentCountsExact() throws {
        // 300 frequent words and 200k hapaxes: with room for 1,000 types the counter must prune.
        var text = ""
        text.reserveCapacity(4_000_000)
        for round in 0..<2000 {
            for w in 0..<300 { text += "f\(w) " }
            for h in 0..<100 { text += "h\(round)x\(h) " }
            text += "\n"
        }
        let path = file("c.txt", text)
        var counter = VocabularyCounter(minCount: 1, threads: 1)
        counter.maxTypesInMemory = 1000
        let r = try counter.count(try Corpus(path: path))
        XCTAssertEqual(r.tokens, 2000 * 400)
        XCTAssertGreaterThan(r.prunings, 0)
        XCTAssertLessThanOrEqual(r.types, 1000, "the table outgrew its limit")
        let index = r.vocabulary.makeIndex()
        for w in 0..<300 { XCTAssertEqual(index["f\(w)"].map { r.vocabulary.counts[$0] }, 2000, "f\(w)") }
        XCTAssertEqual(Array(r.vocabulary.words.prefix(3)), ["f0", "f1", "f10"])
        // Without the limit nothing is pruned.
        let full = try VocabularyCounter(minCount: 1, threads: 1).count(try Corpus(path: path))
        XCTAssertEqual(full.prunings, 0)
        XCTAssertEqual(full.types, 300 + 2000 * 100)
    }

    func testSaveWritesWordCountLinesAndLoadRoundTrips() throws {
        let v = try count("b a c b a d b é é é é").vocabulary
        let path = dir + "/vocab.txt"
        try v.save(to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "é 4\nb 3\na 2\nc 1\nd 1\n")
        let back = try Vocabulary.load(from: path)
        XCTAssertEqual(back.words, v.words)
        XCTAssertEqual(back.counts, v.counts)
        XCTAssertEqual(back.makeIndex(), v.makeIndex())
    }

    func testLoadReadsWord2vecAndGloveVocabularies() throws {
        // word2vec's -save-vocab writes `</s> N` first; GloVe's vocab_count uses the same `word count` lines.
        let path = file("w2v.txt", "</s> 0\nthe 1061396\nof 593677\r\nand 416629 \n\n")
        let v = try Vocabulary.load(from: path)
        XCTAssertEqual(v.words, ["</s>", "the", "of", "and"])
        XCTAssertEqual(v.counts, [0, 1_061_396, 593_677, 416_629])
    }

    func testLoadErrorsNameTheLine() throws {
        let cases: [(String, Int, String)] = [
            ("a 1\nb\n", 2, "expected `word count`"),
            ("a 1\nb two\n", 2, "expected `word count`"),
            ("a 1\nb -3\n", 2, "expected `word count`"),
            ("a 1\nb 2 3\n", 2, "expected `word count`"),
            ("a 2\nb 1\na 1\n", 3, "duplicate word 'a'"),
        ]
        for (i, (text, line, reason)) in cases.enumerated() {
            let path = file("bad\(i).txt", text)
            XCTAssertThrowsError(try Vocabulary.load(from: path), text) { error in
                XCTAssertEqual(error as? WordVecError, .malformedVectors(path: path, line: line, reason: reason))
            }
        }
        XCTAssertThrowsError(try Vocabulary.load(from: file("empty.txt", "\n"))) { XCTAssertNotNil($0 as? WordVecError) }
        let missing = dir + "/missing.txt"
        XCTAssertThrowsError(try Vocabulary.load(from: missing)) { XCTAssertEqual($0 as? WordVecError, .fileNotFound(missing)) }
    }

    func testWordTableMapsBytesToRows() throws {
        let v = Vocabulary(words: ["zeta", "alpha", "é"], counts: [3, 2, 1])
        let table = v.makeTable()
        for (i, w) in v.words.enumerated() { XCTAssertEqual(table.values[table.find(w)], i) }
        XCTAssertEqual(table.find("missing"), -1)
        XCTAssertEqual(table.find(""), -1)
    }

    func testWordTableGrowsAndFilters() {
        let table = WordTable(capacity: 4)
        for i in 0..<10_000 { table.values[table.findOrInsert("w\(i)")] += i % 3 + 1 }
        XCTAssertEqual(table.count, 10_000)
        table.filter { $0 > 2 }
        XCTAssertEqual(table.count, (0..<10_000).filter { $0 % 3 == 2 }.count)
        XCTAssertEqual(table.find("w0"), -1)
        XCTAssertEqual(table.values[table.find("w2")], 3)
    }

    // MARK: shared sampling pieces

    func testNoiseDistributionFollowsUnigramToThePower075() {
        let counts = [1000, 300, 100, 10, 1, 0]
        let noise = NoiseDistribution(counts: counts)
        var rng = FastRandom(seed: 9)
        var hits = [Int](repeating: 0, count: counts.count)
        let draws = 2_000_000
        for _ in 0..<draws { hits[noise.sample(&rng)] += 1 }
        let weights = counts.map { pow(Double($0), 0.75) }
        let total = weights.reduce(0, +)
        for i in counts.indices {
            let expected = weights[i] / total
            let observed = Double(hits[i]) / Double(draws)
            XCTAssertEqual(observed, expected, accuracy: 4 * (expected * (1 - expected) / Double(draws)).squareRoot() + 1e-6, "word \(i)")
        }
        XCTAssertEqual(hits[5], 0, "a zero count is never drawn")
    }

    func testSubsamplingFollowsWord2vecFormula() {
        // Keep probability (sqrt(f/t) + 1) * t / f with f the word's share of the tokens.
        let counts = [1_000_000, 10_000, 100]
        let sample = 1e-3
        let s = Subsampler(counts: counts, sample: sample)
        let total = Double(counts.reduce(0, +))
        for (i, c) in counts.enumerated() {
            let f = Double(c) / total
            XCTAssertEqual(s.keepProbability(i), min(1, ((f / sample).squareRoot() + 1) * sample / f), accuracy: 1e-6)
        }
        XCTAssertEqual(s.keepProbability(2), 1)   // rare words are always kept
        var rng = FastRandom(seed: 1)
        let kept = (0..<200_000).filter { _ in s.keep(0, &rng) }.count
        XCTAssertEqual(Double(kept) / 200_000, s.keepProbability(0), accuracy: 0.005)
        XCTAssertFalse(Subsampler(counts: counts, sample: 0).enabled)
        XCTAssertEqual(Subsampler(counts: counts, sample: 0).keepProbability(0), 1)
    }

    func testFastRandomIsSeededAndUniform() {
        var a = FastRandom(seed: 5), b = FastRandom(seed: 5), c = FastRandom(seed: 6)
        let sa = (0..<100).map { _ in a.next() }
        XCTAssertEqual(sa, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(sa, (0..<100).map { _ in c.next() })
        var r = FastRandom(seed: 1)
        var buckets = [Int](repeating: 0, count: 10)
        for _ in 0..<100_000 {
            let f = r.nextFloat()
            XCTAssertTrue(f >= 0 && f < 1)
            let k = r.next(below: 10)
            buckets[k] += 1
        }
        for n in buckets { XCTAssertEqual(Double(n), 10_000, accuracy: 500) }
    }
}
