import Foundation
import XCTest
import WordVec

/// The analogy evaluator: parsing (Google and MSR/BATS styles, bad files), the batched BLAS solver
/// against a plain one-question-at-a-time reference, both methods, dense and sparse vectors,
/// restriction, case folding and the input-exclusion statistics.
final class AnalogyEvalTests: XCTestCase {
    // MARK: parsing

    func testParsesGoogleFormatWithSectionsAndCountsMalformedLines() throws {
        let text = ": capital-common\nathens greece baghdad iraq\n\n# comment\nparis france rome italy\n: gram1-adjective-to-adverb\ncalm calmly\nquick quickly slow slowly\n"
        let set = try AnalogyQuestionSet.parse(text, name: "q.txt")
        XCTAssertTrue(set.hasSections)
        XCTAssertEqual(set.sections.map(\.name), ["capital-common", "gram1-adjective-to-adverb"])
        XCTAssertEqual(set.sections.map { $0.questions.count }, [2, 1])
        XCTAssertEqual(set.sections.map(\.isSyntactic), [false, true])
        XCTAssertEqual(set.malformedLines, [7])
        XCTAssertEqual(set.sections[1].questions[0], AnalogyQuestion(a: "quick", b: "quickly", c: "slow", d: "slowly", line: 8))
    }

    func testParsesMSRStyleWithoutSections() throws {
        let set = try AnalogyQuestionSet.parse("good better bad worse\r\nbig bigger small smaller\n", name: "/x/msr.txt")
        XCTAssertFalse(set.hasSections)
        XCTAssertEqual(set.sections.count, 1)
        XCTAssertEqual(set.sections[0].name, "msr.txt")
        XCTAssertEqual(set.sections[0].questions.last?.d, "smaller")
    }

    func testBadQuestionFilesGiveClearErrors() {
        func message(_ text: String) -> String {
            do { _ = try AnalogyQuestionSet.parse(text, name: "q.txt"); return "no error" } catch { return "\(error)" }
        }
        XCTAssertTrue(message("").contains("q.txt: no analogy questions"), message(""))
        XCTAssertTrue(message(": capital\n: family\n").contains("no analogy questions"))
        XCTAssertTrue(message(":\na b c d\n").contains("q.txt:1: section header without a name"))
        XCTAssertTrue(message("a b c d\n: capital\ne f g h\n").contains("q.txt:2: section header"))
        XCTAssertTrue(message("love\tsex\t6.77\ntiger\tcat\t7.35\n").contains("q.txt:1:"))
        XCTAssertTrue(message("a b\nc d e\nf g h i\n").contains("are not `a b c d` questions"))
        XCTAssertThrowsError(try AnalogyQuestionSet.load("/nonexistent/q.txt")) {
            XCTAssertEqual($0 as? WordVecError, .fileNotFound("/nonexistent/q.txt"))
        }
    }

    // MARK: the solver against a reference

    /// gensim's rule, written plainly: cosines in double precision, candidates sorted, input rows
    /// dropped, first of the top five whose folded word is not an input.
    func reference(_ e: Embeddings, _ vocab: EvalVocabulary, _ q: ResolvedQuestion, _ method: AnalogyMethod) -> AnalogyOutcome {
        let n = vocab.size, d = e.dim
        func unit(_ i: Int) -> [Double] {
            let v = e.row(i).map(Double.init)
            let norm = v.map { $0 * $0 }.reduce(0, +).squareRoot()
            return norm > 0 ? v.map { $0 / norm } : v
        }
        let rows = (0..<n).map(unit)
        func cos(_ i: Int, _ j: Int) -> Double { (0..<d).reduce(0) { $0 + rows[i][$1] * rows[j][$1] } }
        let (a, b, c) = (Int(q.a), Int(q.b), Int(q.c))
        let scores: [Double] = (0..<n).map { j in
            method == .add ? cos(j, b) - cos(j, a) + cos(j, c)
                : ((cos(j, b) + 1) / 2) * ((cos(j, c) + 1) / 2) / ((cos(j, a) + 1) / 2 + 0.001)
        }
        let order = (0..<n).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let inputs: Set<Int32> = [q.a, q.b, q.c]
        let best = vocab.canonical[order[0]]
        let candidates = order.filter { !inputs.contains(Int32($0)) }.prefix(5)
        var predicted: Int32 = -1
        for r in candidates {
            predicted = vocab.canonical[r]
            if !inputs.contains(predicted) { break }
        }
        return AnalogyOutcome(correct: predicted == q.d, correctKept: best == q.d, nearestIsInput: inputs.contains(best))
    }

    func resolved(_ set: AnalogyQuestionSet, _ vocab: EvalVocabulary) -> [ResolvedQuestion] {
        set.sections.flatMap(\.questions).compactMap { q in
            guard let a = vocab.row(of: q.a), let b = vocab.row(of: q.b), let c = vocab.row(of: q.c), let d = vocab.row(of: q.d) else { return nil }
            return ResolvedQuestion(a: Int32(a), b: Int32(b), c: Int32(c), d: Int32(d))
        }
    }

    func testBatchedSolverMatchesReferenceForBothMethodsDenseAndSparse() throws {
        let f = EvalFixture()
        let e = f.embeddings
        let set = try AnalogyQuestionSet.parse(f.questions, name: "q")
        let vocab = EvalVocabulary(words: e.words, restrict: f.restrict, caseFolding: true)
        let qs = resolved(set, vocab)
        XCTAssertGreaterThan(qs.count, 250)
        let sparse = sparseCopy(e)
        for method in AnalogyMethod.allCases {
            let expected = qs.map { reference(e, vocab, $0, method) }
            for strategy in [AnalogySolver.Strategy.auto, .offsets, .wordRows] {
                let dense = try AnalogySolver(vectors: .dense(e), vocabulary: vocab, threads: 2).solve(qs, method: method, strategy: strategy)
                XCTAssertEqual(qs.indices.filter { dense[$0] != expected[$0] }.prefix(5), [], "\(method) dense \(strategy): questions answered differently")
            }
            let fromSparse = try AnalogySolver(vectors: .sparse(sparse), vocabulary: vocab, threads: 1).solve(qs, method: method)
            XCTAssertEqual(qs.indices.filter { fromSparse[$0] != expected[$0] }.prefix(5), [], "\(method) sparse: questions answered differently")
            // Not a degenerate fixture: some right, some wrong.
            let right = expected.filter(\.correct).count
            XCTAssertGreaterThan(right, qs.count / 5)
            XCTAssertLessThan(right, qs.count)
        }
    }

    /// The same rows in CSR form (nonzeros only).
    func sparseCopy(_ e: Embeddings) -> SparseEmbeddings {
        var starts = [0], cols: [Int32] = [], vals: [Float] = []
        for i in 0..<e.count {
            for j in 0..<e.dim where e.vectors[i * e.dim + j] != 0 { cols.append(Int32(j)); vals.append(e.vectors[i * e.dim + j]) }
            starts.append(cols.count)
        }
        return try! SparseEmbeddings(words: e.words, dim: e.dim, rowStarts: starts, columns: cols, values: vals)
    }

    func testManyQuestionsCrossBatchBoundaries() throws {
        // 40,000 rows make a batch 838 questions (279 with word rows): 2,600 questions span several batches.
        var rng = FastRandom(seed: 9)
        let n = 40_000, d = 8
        let words = (0..<n).map { "w\($0)" }
        let e = try Embeddings(words: words, dim: d, vectors: (0..<(n * d)).map { _ in rng.nextFloat() - 0.5 })
        let vocab = EvalVocabulary(words: words, restrict: 0, caseFolding: false)
        let qs = (0..<2_600).map { _ in
            ResolvedQuestion(a: Int32(rng.next(below: n)), b: Int32(rng.next(below: n)), c: Int32(rng.next(below: n)), d: Int32(rng.next(below: n)))
        }
        for strategy in [AnalogySolver.Strategy.offsets, .wordRows] {
            let out = try AnalogySolver(vectors: .dense(e), vocabulary: vocab).solve(qs, method: .add, strategy: strategy)
            for k in [0, 837, 838, 1_700, 2_599] {
                XCTAssertEqual(out[k], reference(e, vocab, qs[k], .add), "question \(k), \(strategy)")
            }
        }
    }

    // MARK: the benchmark

    /// Planted analogies b = a + r + noise, the noise as large as the small offset r: then b̂ - â + ĉ
    /// is usually closest to c itself, which the standard evaluation hides by excluding the inputs
    /// (and wordvec reports), while d is the best candidate once inputs are excluded.
    func testPlantedOffsetsAreFoundAndInputExclusionIsVisible() throws {
        var rng = FastRandom(seed: 5)
        let d = 16, pairs = 6
        var words: [String] = [], vectors: [Float] = []
        let offset = (0..<d).map { _ in (rng.nextFloat() - 0.5) * 0.3 }
        for i in 0..<pairs {
            let base = (0..<d).map { _ in rng.nextFloat() * 2 - 1 }
            words += ["x\(i)", "y\(i)"]
            vectors += base + zip(base, offset).map { $0 + $1 + (rng.nextFloat() - 0.5) * 0.4 }
        }
        for i in 0..<30 { words.append("noise\(i)"); vectors += (0..<d).map { _ in rng.nextFloat() * 2 - 1 } }
        var text = ": planted\n"
        for i in 0..<pairs { for j in 0..<pairs where i != j { text += "x\(i) y\(i) x\(j) y\(j)\n" } }
        text += "x0 y0 X1 Y1\nx0 y0 x1 missing\n"
        let set = try AnalogyQuestionSet.parse(text, name: "planted")
        let e = try Embeddings(words: words, dim: d, vectors: vectors)
        let report = try AnalogyBenchmark.evaluate(.dense(e), questions: set)
        XCTAssertEqual(report.total.questions, pairs * (pairs - 1) + 2)
        XCTAssertEqual(report.total.covered, pairs * (pairs - 1) + 1, "upper-case words fold; `missing` is skipped")
        XCTAssertEqual(report.total.skipped, 1)
        XCTAssertGreaterThanOrEqual(report.total.accuracy!, 0.9)
        XCTAssertEqual(report.total.accuracyAll!, Double(report.total.covered) / Double(report.total.questions), accuracy: 1e-12)
        XCTAssertGreaterThan(report.total.nearestIsInput, report.total.covered / 2, "the offset vector stays nearest to an input")
        XCTAssertLessThan(report.total.accuracyKept!, 0.5)
        XCTAssertEqual(report.semantic?.questions, report.total.questions, "a section not named gram… is semantic")
        XCTAssertEqual(report.syntactic?.questions, 0)
        // Case kept: the upper-case question is now out of vocabulary.
        let kept = try AnalogyBenchmark.evaluate(.dense(e), questions: set, options: AnalogyOptions(caseFolding: false))
        XCTAssertEqual(kept.total.covered, pairs * (pairs - 1))
        // 3CosMul finds the planted pairs too.
        let mul = try AnalogyBenchmark.evaluate(.dense(e), questions: set, options: AnalogyOptions(method: .mul))
        XCTAssertGreaterThanOrEqual(mul.total.accuracy!, 0.9)
    }

    func testRestrictionSkipsQuestionsWithRareWordsAndSplitsSemanticSyntactic() throws {
        let f = EvalFixture()
        let set = try AnalogyQuestionSet.parse(f.questions, name: "q")
        let all = try AnalogyBenchmark.evaluate(.dense(f.embeddings), questions: set, options: AnalogyOptions(restrict: 0))
        let cut = try AnalogyBenchmark.evaluate(.dense(f.embeddings), questions: set, options: AnalogyOptions(restrict: f.restrict))
        XCTAssertEqual(all.vocabularyUsed, f.words.count)
        XCTAssertEqual(cut.vocabularyUsed, f.restrict)
        XCTAssertEqual(all.total.questions, cut.total.questions)
        // Each relation's tenth pair is past the restriction: 18 of its 90 questions use it.
        XCTAssertEqual(all.total.covered - cut.total.covered, 4 * 18)
        XCTAssertEqual(cut.malformedLines, 1)
        let sem = try XCTUnwrap(cut.semantic), syn = try XCTUnwrap(cut.syntactic)
        XCTAssertEqual(sem.questions + syn.questions, cut.total.questions)
        XCTAssertEqual(sem.correct + syn.correct, cut.total.correct)
        XCTAssertEqual(cut.sections.map(\.name), ["capital", "family", "gram1-plural", "gram2-tense"])
    }

    func testReportRendersEveryColumnAndEncodesJSON() throws {
        let f = EvalFixture()
        let set = try AnalogyQuestionSet.parse(f.questions, name: "q")
        var r = try AnalogyBenchmark.evaluate(.dense(f.embeddings), questions: set, questionsFile: "q.txt")
        r.vectorsFile = "v.vec"
        let text = r.renderText()
        for s in ["analogy: q.txt on v.vec", "3CosAdd", "capital", "semantic", "syntactic", "total", "inputs kept", "NN is input", "malformed"] {
            XCTAssertTrue(text.contains(s), s)
        }
        let json = try JSONSerialization.jsonObject(with: Data(try EvalJSON.encode(r).utf8)) as! [String: Any]
        let total = json["total"] as! [String: Any]
        XCTAssertEqual(total["correct"] as? Int, r.total.correct)
        XCTAssertEqual(total["accuracy"] as! Double, r.total.accuracy!, accuracy: 1e-12)
        XCTAssertNotNil(json["semantic"])
        XCTAssertEqual(json["method"] as? String, "add")
    }

    func testEvalVocabularyFoldsCaseToTheFirstRow() {
        let v = EvalVocabulary(words: ["Paris", "the", "paris", "PARIS", "x"], restrict: 4, caseFolding: true)
        XCTAssertEqual(v.size, 4)
        XCTAssertEqual(v.row(of: "paris"), 0)
        XCTAssertEqual(v.row(of: "pArIs"), 0)
        XCTAssertEqual(v.canonical, [0, 1, 0, 0])
        XCTAssertNil(v.row(of: "x"), "past the restriction")
        let kept = EvalVocabulary(words: ["Paris", "the", "paris"], restrict: 0, caseFolding: false)
        XCTAssertEqual(kept.row(of: "paris"), 2)
        XCTAssertNil(kept.row(of: "PARIS"))
    }
}
