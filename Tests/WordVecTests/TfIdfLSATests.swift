import Foundation
import XCTest
import WordVec

/// tf-idf equals its definition on a small corpus, finds the planted topics, and gives cosine 0
/// to words that never share a document; LSA brings those words together and its singular
/// values are LAPACK's.
final class TfIdfLSATests: TempDirTestCase {
    static let quiet = ProgressReporter("test", mode: .quiet)

    static func tfidf(_ path: String, minCount: Int = 1, _ set: (inout TfIdfOptions) -> Void = { _ in }) throws -> SparseEmbeddings {
        var c = TfIdfConfig()
        c.vocabulary.minCount = minCount
        c.threads = 2
        set(&c.weighting)
        guard case .sparse(let s) = try TfIdfTrainer(config: c).train(Corpus(path: path), progress: quiet).vectors else {
            throw XCTSkip("tfidf did not return sparse vectors")
        }
        return s
    }

    /// Every weighting against a computation from the definitions, word by word.
    func testWeightsEqualTheDefinitions() throws {
        let docs = [["a", "b", "a", "c"], ["b", "c", "c", "c", "d"], ["a", "d"], ["e"]]
        let path = file("docs.txt", docs.map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n")
        for tf in TermFrequency.allCases {
            for idf in InverseDocumentFrequency.allCases {
                for norm in DocumentNormalization.allCases {
                    let s = try Self.tfidf(path) { $0.tf = tf; $0.idf = idf; $0.documentNorm = norm }
                    XCTAssertEqual(s.dim, 4)
                    let expected = Self.reference(docs, words: s.words, tf: tf, idf: idf, norm: norm)
                    for (i, w) in s.words.enumerated() {
                        for (d, v) in s.row(i).enumerated() {
                            XCTAssertEqual(v, expected[w]![d], accuracy: 1e-5, "\(tf) \(idf) \(norm): \(w) in document \(d)")
                        }
                    }
                }
            }
        }
    }

    /// tf · idf per (word, document), documents scaled to unit length (l2), word rows to unit length.
    static func reference(_ docs: [[String]], words: [String], tf: TermFrequency, idf: InverseDocumentFrequency,
                          norm: DocumentNormalization) -> [String: [Float]] {
        let n = Double(docs.count)
        var m: [String: [Double]] = [:]
        for w in words {
            let df = Double(docs.filter { $0.contains(w) }.count)
            let i: Double = idf == .none ? 1 : idf == .plain ? log(n / df) : log((1 + n) / (1 + df)) + 1
            m[w] = docs.map { d in
                let c = Double(d.filter { $0 == w }.count)
                return c == 0 ? 0 : (tf == .raw ? c : 1 + log(c)) * i
            }
        }
        if norm == .l2 {
            for d in docs.indices {
                let length = words.map { m[$0]![d] * m[$0]![d] }.reduce(0, +).squareRoot()
                if length > 0 { for w in words { m[w]![d] /= length } }
            }
        }
        return m.mapValues { row in
            let length = row.map { $0 * $0 }.reduce(0, +).squareRoot()
            return row.map { Float(length > 0 ? $0 / length : 0) }
        }
    }

    /// Topic words are each other's neighbours; the two members of a relation pair (a country
    /// and its capital) occur on different lines, so tf-idf gives them cosine 0.
    func testFindsTopicsAndWordsThatNeverShareADocumentHaveCosineZero() throws {
        let s = try Self.tfidf(TestSupport.syntheticCorpus.path, minCount: 3)
        let synthetic = TestSupport.syntheticCorpus.corpus
        XCTAssertEqual(s.dim, 20_000, "one dimension per line")
        XCTAssertGreaterThan(LearningProbes.topicPurity(s.dense(), synthetic), 0.9)
        let index = CosineIndex(vectors: .sparse(s))
        for rel in synthetic.relations where rel.name != "plural" {
            for (a, b) in rel.pairs {
                XCTAssertEqual(index.cosine(s.index[a]!, s.index[b]!), 0, "\(a) and \(b) share no line")
            }
        }
        let t = synthetic.topics
        XCTAssertEqual(index.cosine(s.index[t[0][0]]!, s.index[t[1][0]]!), 0, "topics never share a line")
        XCTAssertGreaterThan(index.cosine(s.index[t[0][0]]!, s.index[t[0][1]]!), 0.2)
    }

    func testDocumentModesAndTooFewDocuments() throws {
        let path = file("p.txt", "a b\nc a\n\nb c d\n\n\na d\n")
        XCTAssertEqual(try Self.tfidf(path).dim, 4)
        XCTAssertEqual(try Self.tfidf(path) { $0.documents = .paragraphs }.dim, 3)
        XCTAssertEqual(try Self.tfidf(path) { $0.documents = .chunks(3) }.dim, 3)
        let one = file("one.txt", "a b c a b c\n")
        XCTAssertThrowsError(try Self.tfidf(one)) { XCTAssertTrue("\($0)".contains("--doc-size"), "\($0)") }
        let r = try TestSupport.wordvec("train", "--method", "tfidf", one, "--min-count", "1", "-o", dir + "/one.sparse")
        assertOneLineError(r, "--doc-size")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/one.sparse"))
    }

    /// The command line writes sparse text by default and refuses a huge dense expansion only
    /// when asked for a dense format; `compare` reads the result.
    func testCommandLineWritesSparseTextByDefault() throws {
        let corpus = TestSupport.syntheticCorpus.path
        let r = try TestSupport.run(TestSupport.binary, ["train", "--method", "tfidf", corpus, "--threads", "2", "--tf", "log"],
                                    directory: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = dir + "/corpus.tfidf.sparse"
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("254 20000 sparse\n") ||
                      (try String(contentsOfFile: out, encoding: .utf8)).contains(" 20000 sparse\n"))
        let config = try String(contentsOfFile: out + ".config.json", encoding: .utf8)
        XCTAssertTrue(config.contains("\"tf\" : \"log\"") && config.contains("\"method\" : \"tfidf\""), config)
        let both = try TestSupport.wordvec("train", "--method", "tfidf", corpus, "--doc-size", "10", "--documents", "paragraphs",
                                           "-o", dir + "/x.sparse")
        XCTAssertEqual(both.status, 64, both.stderr)
    }

    static func lsa(_ path: String, dim: Int, eig: Double = 1, minCount: Int = 3, powerIterations: Int = 5) throws -> Embeddings {
        var c = LSAConfig()
        c.vocabulary.minCount = minCount
        c.dim = dim
        c.eig = eig
        c.powerIterations = powerIterations
        c.threads = 2
        return try LSATrainer(config: c).train(Corpus(path: path), progress: quiet).vectors.dense
    }

    /// A country and its capital never share a line, so tf-idf cannot relate them; they share
    /// their pair's context words, and LSA puts them close (closer than to the other pairs' words
    /// of the same role).
    func testLSABringsTogetherWordsThatShareContextsButNoDocument() throws {
        let e = try Self.lsa(TestSupport.syntheticCorpus.path, dim: 40)
        let synthetic = TestSupport.syntheticCorpus.corpus
        let index = CosineIndex(vectors: .dense(e))
        var together = 0, total = 0
        for rel in synthetic.relations where rel.name != "plural" {
            for (a, b) in rel.pairs {
                total += 1
                let ia = e.index[a]!, ib = e.index[b]!
                let partner = index.cosine(ia, ib)
                let others = rel.pairs.filter { $0.0 != a }.map { index.cosine(ia, e.index[$0.1]!) }
                if partner > 0.3 && partner > others.max()! { together += 1 }
            }
        }
        XCTAssertGreaterThan(Double(together) / Double(total), 0.9, "\(together) of \(total) pairs brought together")
        XCTAssertGreaterThan(LearningProbes.topicPurity(e, synthetic), 0.9)
    }

    /// With p = 1 column j of U·Σ has length σ_j: those lengths equal LAPACK's full SVD of the
    /// tf-idf matrix; p = 0 gives unit columns.
    func testSingularValuesEqualAFullSVDOfTheTfIdfMatrix() throws {
        let path = file("small.txt", (try String(contentsOfFile: TestSupport.syntheticCorpus.path, encoding: .utf8))
                            .split(separator: "\n").prefix(600).joined(separator: "\n") + "\n")
        let x = try Self.tfidfMatrix(path)
        let full = try LAPACK.svd(x).singularValues
        let k = 12
        let e = try Self.lsa(path, dim: k, minCount: 1, powerIterations: 6)
        let lengths = Self.columnLengths(e)
        for j in 0..<k { XCTAssertEqual(lengths[j], full[j], accuracy: 1e-3 * full[j], "σ\(j + 1)") }
        for l in Self.columnLengths(try Self.lsa(path, dim: k, eig: 0, minCount: 1)) { XCTAssertEqual(l, 1, accuracy: 1e-4) }
    }

    /// The tf-idf matrix LSA factors (documents normalised, rows not), rebuilt from tfidf's unit rows
    /// would lose the row scale, so it is taken from the library's weighting directly.
    static func tfidfMatrix(_ path: String) throws -> DenseMatrix {
        var c = TfIdfConfig()
        c.vocabulary.minCount = 1
        let corpus = try Corpus(path: path)
        let vocabulary = try VocabularyCounter.vocabulary(for: corpus, settings: c.vocabulary, threads: 1, progress: quiet)
        var m = try TermDocumentCounts.count(corpus, vocabulary: vocabulary, tokenizer: c.vocabulary.tokenizer,
                                             documents: .lines, progress: quiet)
        c.weighting.weigh(&m)
        return m.densified()
    }

    static func columnLengths(_ e: Embeddings) -> [Float] {
        (0..<e.dim).map { j in (0..<e.count).map { e.vectors[$0 * e.dim + j] * e.vectors[$0 * e.dim + j] }.reduce(0, +).squareRoot() }
    }
}

final class CountDocumentConfigTests: XCTestCase {
    func roundTrip<C: TrainerConfig & Equatable>(_ c: C) throws -> C {
        try JSONDecoder().decode(C.self, from: JSONEncoder().encode(c))
    }

    func testConfigsRoundTripThroughJSONWithReadableDocuments() throws {
        var t = TfIdfConfig()
        t.weighting.documents = .chunks(1000); t.weighting.tf = .log; t.weighting.idf = .plain; t.weighting.documentNorm = .none
        var l = LSAConfig()
        l.weighting.documents = .paragraphs; l.eig = 0.5; l.powerIterations = 3
        var r = RandomIndexingConfig()
        r.permutation = .order; r.nonzeros = 4
        XCTAssertEqual(try roundTrip(t), t)
        XCTAssertEqual(try roundTrip(l), l)
        XCTAssertEqual(try roundTrip(r), r)
        let json = try TrainingOutputs.configJSON(t)
        XCTAssertTrue(json.contains("\"documents\" : \"chunks:1000\""), json)
        XCTAssertTrue(try TrainingOutputs.configJSON(r).contains("\"method\" : \"random-indexing\""))
    }
}
