import Foundation
import CLapack

/// What happened to one question.
public struct AnalogyOutcome: Sendable, Equatable {
    /// The standard answer (inputs a, b, c excluded, exactly as gensim chooses it) is d.
    public var correct: Bool
    /// The best candidate over the whole restricted vocabulary, inputs included, is d.
    public var correctKept: Bool
    /// The best candidate with inputs included is one of a, b, c.
    public var nearestIsInput: Bool

    public init(correct: Bool, correctKept: Bool, nearestIsInput: Bool) {
        self.correct = correct; self.correctKept = correctKept; self.nearestIsInput = nearestIsInput
    }
}

/// A question with its words resolved to canonical rows of an `EvalVocabulary`.
public struct ResolvedQuestion: Sendable {
    public var a, b, c, d: Int32
    public init(a: Int32, b: Int32, c: Int32, d: Int32) { self.a = a; self.b = b; self.c = c; self.d = d }
}

/// Answers analogy questions in batches with Level-3 BLAS against the unit-length rows of the
/// restricted vocabulary, in one of two ways per batch:
/// - offsets: one sgemm of the batch's offset vectors (b̂ - â + ĉ) against all rows (3CosAdd only);
/// - word rows: one sgemm of the batch's *distinct* input words against all rows, then each
///   question's scores combined from its three rows of cosines (both methods).
/// Test sets reuse their words heavily (a Google-set batch of 1,024 questions has a few hundred
/// distinct inputs), so word rows usually needs far fewer flops; `.auto` picks whichever sgemm is
/// smaller. Each question's scores are then scanned once for its best few candidates.
public struct AnalogySolver {
    public enum Strategy: Sendable { case auto, offsets, wordRows }

    /// The rows in play, each scaled to unit length (zero rows stay zero and score 0).
    private let unit: CosineIndex
    private let canonical: [Int32]
    public let rows: Int
    /// The first `candidates` rows can be answers (the rest are query words only: vectors
    /// composed for words outside the vocabulary, `--oov compose`).
    public let candidates: Int
    public let threads: Int

    public init(vectors: WordVectors, vocabulary: EvalVocabulary, candidates: Int? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.unit = CosineIndex(vectors: vectors, rows: vocabulary.size)
        self.canonical = vocabulary.canonical
        self.rows = vocabulary.size
        self.candidates = min(candidates ?? vocabulary.size, vocabulary.size)
        self.threads = max(1, threads)
    }

    /// Score rows per batch: large enough for sgemm to run at full speed, small enough that a
    /// batch's score matrix stays near 128 MB whatever the vocabulary size.
    private var scoreRows: Int { max(24, min(1024, (32 << 20) / max(rows, 1))) }

    public func solve(_ questions: [ResolvedQuestion], method: AnalogyMethod, strategy: Strategy = .auto,
                      progress: ((Int) -> Void)? = nil) throws -> [AnalogyOutcome] {
        var outcomes = [AnalogyOutcome](repeating: AnalogyOutcome(correct: false, correctKept: false, nearestIsInput: false),
                                        count: questions.count)
        guard rows > 0, !questions.isEmpty else { return outcomes }
        // Offsets need a score row per question; word rows one per distinct input word, up to
        // three per question. 3CosAdd (auto) takes a full batch and uses word rows only when there
        // are fewer distinct words than questions; otherwise batches are a third as large.
        let capacity = scoreRows
        let wordRowsOnly = method == .mul || strategy == .wordRows || !unit.isDense
        let batch = wordRowsOnly ? capacity / 3 : capacity
        var scores = [Float](repeating: 0, count: capacity * rows)
        var start = 0
        while start < questions.count {
            try Interrupt.check()
            let part = Array(questions[start..<min(start + batch, questions.count)])
            try scores.withUnsafeMutableBufferPointer { s in
                try outcomes.withUnsafeMutableBufferPointer { out in
                    let dst = out.baseAddress! + start
                    let offsets: Bool
                    switch strategy {
                    case .offsets: offsets = true
                    case .wordRows: offsets = false
                    case .auto: offsets = Set(part.flatMap { [$0.a, $0.b, $0.c] }).count >= part.count
                    }
                    if !wordRowsOnly && offsets {
                        try solveAddDense(part, scores: s.baseAddress!, into: dst)
                    } else {
                        try solveFromWordRows(part, method: method, scores: s.baseAddress!, into: dst)
                    }
                }
            }
            start += part.count
            progress?(start)
        }
        return outcomes
    }

    /// 3CosAdd on dense rows: Q = (b̂ - â + ĉ) for each question, S = Q Uᵀ in one sgemm.
    /// (Ranking by Q·û is ranking by cos(d, b) - cos(d, a) + cos(d, c), and also by gensim's
    /// cosine with the normalized mean of b̂, ĉ and -â: they differ by a positive factor per row.)
    private func solveAddDense(_ qs: [ResolvedQuestion], scores: UnsafeMutablePointer<Float>,
                               into out: UnsafeMutablePointer<AnalogyOutcome>) throws {
        let dim = unit.dim
        var q = [Float](repeating: 0, count: qs.count * dim)
        unit.dense.withUnsafeBufferPointer { u in
            let u = u.baseAddress!
            for (i, x) in qs.enumerated() {
                let pa = u + Int(x.a) * dim, pb = u + Int(x.b) * dim, pc = u + Int(x.c) * dim
                for k in 0..<dim { q[i * dim + k] = pb[k] - pa[k] + pc[k] }
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(qs.count), Int32(rows), Int32(dim),
                        1, q, Int32(dim), u, Int32(dim), 0, scores, Int32(rows))
        }
        let n = rows
        let sc = UncheckedPointer(scores), o = UncheckedPointer(out)
        try parallelRows(qs.count) { i in
            var top = TopCandidates()
            let row = sc.p + i * n
            for j in 0..<candidates where row[j] > top.threshold { top.insert(row[j], Int32(j)) }
            o.p[i] = judge(top, qs[i])
        }
    }

    /// Both methods from the cosines of each distinct input word of the batch with every row.
    private func solveFromWordRows(_ qs: [ResolvedQuestion], method: AnalogyMethod, scores: UnsafeMutablePointer<Float>,
                                   into out: UnsafeMutablePointer<AnalogyOutcome>) throws {
        var slot: [Int32: Int] = [:]
        var words: [Int32] = []
        for x in qs { for w in [x.a, x.b, x.c] where slot[w] == nil { slot[w] = words.count; words.append(w) } }
        try unit.cosines(of: words, into: scores, threads: threads)
        let n = rows
        let sc = UncheckedPointer(scores), o = UncheckedPointer(out)
        try parallelRows(qs.count) { i in
            let x = qs[i]
            let ra = sc.p + slot[x.a]! * n, rb = sc.p + slot[x.b]! * n, rc = sc.p + slot[x.c]! * n
            var top = TopCandidates()
            if method == .add {
                for j in 0..<candidates {
                    let s = rb[j] - ra[j] + rc[j]
                    if s > top.threshold { top.insert(s, Int32(j)) }
                }
            } else {
                for j in 0..<candidates {
                    let s = ((rb[j] + 1) * 0.5) * ((rc[j] + 1) * 0.5) / ((ra[j] + 1) * 0.5 + 0.001)
                    if s > top.threshold { top.insert(s, Int32(j)) }
                }
            }
            o.p[i] = judge(top, x)
        }
    }

    /// Splits `count` score rows over the threads.
    private func parallelRows(_ count: Int, _ body: @escaping (Int) -> Void) throws {
        try parallelFor(count, threads: min(threads, max(1, count / 16))) { i, _ in body(i) }
    }

    /// Scores the best candidates of one question.
    ///
    /// The standard answer reproduces gensim 4.4.0 `evaluate_word_analogies`: take the best
    /// candidates without the input rows, look at the first five, and answer with the first whose
    /// (case-folded) word is not an input; if all five are inputs the fifth stands.
    private func judge(_ top: TopCandidates, _ x: ResolvedQuestion) -> AnalogyOutcome {
        guard top.count > 0 else { return AnalogyOutcome(correct: false, correctKept: false, nearestIsInput: false) }
        func isInput(_ w: Int32) -> Bool { w == x.a || w == x.b || w == x.c }
        let best = canonical[Int(top.index(0))]
        var predicted: Int32 = -1
        var taken = 0
        for k in 0..<top.count {
            let r = top.index(k)
            if isInput(r) { continue }          // the input rows themselves (gensim's all_keys)
            taken += 1
            predicted = canonical[Int(r)]
            if !isInput(predicted) || taken == 5 { break }   // case variants of inputs (gensim's ignore set)
        }
        return AnalogyOutcome(correct: predicted == x.d, correctKept: best == x.d, nearestIsInput: isInput(best))
    }
}
