import CPrefetch

/// One fastText training thread: its rng, scratch rows and loss tally, kept apart from the
/// shared weights (fastText's `Model::State`), and the updates of skip-gram and CBOW with
/// negative sampling over subword bags (Bojanowski et al. 2017, §3).
///
/// Skip-gram: the hidden vector of centre word w is the mean of its bag's input rows,
/// h = (1/|B_w|) Σ_{r∈B_w} x_r. Each context word c and its own `negative` draws n (none equal
/// to c, as the reference) are scored against h:
///   g_c = α (1 − σ(h·u_c)),   g_n = −α σ(h·u_n),   e = Σ_t g_t u_t,   u_t += g_t h,
/// then every bag row gets x_r += e (fastText adds the whole gradient to each row, not e/|B|).
/// Unlike the reference, which recomputes h and rewrites every bag row once per (centre,
/// context) pair, h is computed once per centre word and its gradient applied once. Negatives
/// are not shared between the pairs: sharing them (as the word2vec trainer does) cost 20 points
/// of analogy accuracy on the benchmark; see docs/methods/fasttext.md.
///
/// CBOW: the bag is the union (with repeats) of the context words' bags, and it predicts the
/// centre word against `negative` draws that differ from it, as the reference.
struct FastTextWorker: StreamingWorker {
    let input: RowMatrix
    let output: RowMatrix
    let bags: FastTextBags
    let noise: NoiseDistribution
    let subsampler: Subsampler
    let sigmoid: SigmoidTable
    let architecture: FastTextConfig.Architecture
    let stride: Int
    let negative: Int
    let window: Int
    var rng: FastRandom

    // Scratch: the hidden row, the bag's and the targets' row pointers, scores/gradients,
    // negative weights, the kept words of the sentence and one window's context ids.
    let hidden: UnsafeMutablePointer<Float>
    let bagRows: UnsafeMutablePointer<UnsafeMutablePointer<Float>>
    let targetRows: UnsafeMutablePointer<UnsafeMutablePointer<Float>>
    let gradients: UnsafeMutablePointer<Float>
    let weights: UnsafeMutablePointer<Float>
    let contextIds: UnsafeMutablePointer<Int32>
    var kept: KeptWords

    var loss: Double = 0
    var lossTerms: Int = 0

    init(weights w: FastTextWeights, config c: FastTextConfig, seed: UInt64) {
        input = w.input
        output = w.output
        bags = w.bags
        noise = w.noise
        subsampler = w.subsampler
        sigmoid = w.sigmoid
        architecture = c.architecture
        stride = w.input.stride
        negative = c.negative
        window = c.window
        rng = FastRandom(seed: seed)
        hidden = RowKernels.allocateRows(stride)
        let bagCapacity = c.architecture == .cbow ? 2 * c.window * w.bags.maxSize : w.bags.maxSize
        bagRows = .allocate(capacity: bagCapacity)
        let targetCapacity = 2 * c.window * (c.negative + 1) + c.negative + 1
        targetRows = .allocate(capacity: targetCapacity)
        gradients = .allocate(capacity: targetCapacity)
        weights = .allocate(capacity: targetCapacity)
        contextIds = .allocate(capacity: 2 * c.window)
        kept = KeptWords(capacity: c.vocabulary.tokenizer.maxSentenceLength)
    }

    func release() {
        RowKernels.deallocateRows(hidden)
        bagRows.deallocate()
        targetRows.deallocate()
        gradients.deallocate()
        weights.deallocate()
        contextIds.deallocate()
        kept.release()
    }

    /// Subsamples the sentence, then makes one update per kept position with a window drawn
    /// from 1...window, prefetching the next centre word's bag rows one step ahead.
    mutating func train(sentence: [Int32], alpha: Float) {
        let n = kept.fill(sentence, subsampler, &rng)
        if n < 2 { return }
        let ids = kept.ids, ctx = contextIds
        if architecture == .skipgram { prefetchBag(ids[0]) }
        for pos in 0..<n {
            let k = KeptWords.window(ids, count: n, around: pos, window - rng.next(below: window), into: ctx)
            if architecture == .skipgram {
                if pos + 1 < n { prefetchBag(ids[pos + 1]) }
                if pos + 1 + window < n { prefetchRow(output.row(Int(ids[pos + 1 + window]))) }
                skipgram(center: ids[pos], contexts: ctx, k: k, alpha: alpha)
            } else {
                if pos + 1 + window < n { prefetchBag(ids[pos + 1 + window]) }
                cbow(center: ids[pos], contexts: ctx, k: k, alpha: alpha)
            }
        }
    }

    /// One skip-gram update for a centre word and its k context words (see the type's comment).
    mutating func skipgram(center: Int32, contexts: UnsafePointer<Int32>, k: Int, alpha: Float) {
        let m = gatherBag(center, at: 0)
        RowKernels.scaledSum(bagRows, k: m, scale: 1 / Float(m), into: hidden, stride: stride)
        for i in 0..<k { targetRows[i] = output.row(Int(contexts[i])); weights[i] = 1 }
        var n = k
        for i in 0..<k {
            for _ in 0..<negative {
                var w: Int32
                repeat { w = Int32(truncatingIfNeeded: noise.sample(&rng)) } while w == contexts[i] && noise.count > 1
                targetRows[n] = output.row(Int(w))
                weights[n] = 1
                n += 1
            }
        }
        let lossSum = scores(n: n, positives: k, alpha: alpha)
        RowKernels.cbowUpdate(h: hidden, t: targetRows, n: n, g: gradients, x: bagRows, k: m, stride: stride)
        loss += Double(lossSum)
        lossTerms += k
    }

    /// One CBOW update: the mean of the context words' bags predicts the centre word.
    mutating func cbow(center: Int32, contexts: UnsafePointer<Int32>, k: Int, alpha: Float) {
        var m = 0
        for i in 0..<k { m += gatherBag(contexts[i], at: m) }
        if m == 0 { return }
        RowKernels.scaledSum(bagRows, k: m, scale: 1 / Float(m), into: hidden, stride: stride)
        targetRows[0] = output.row(Int(center))
        weights[0] = 1
        for j in 1...negative {
            var w: Int32
            repeat { w = Int32(truncatingIfNeeded: noise.sample(&rng)) } while w == center && noise.count > 1
            targetRows[j] = output.row(Int(w))
            weights[j] = 1
        }
        let lossSum = scores(n: negative + 1, positives: 1, alpha: alpha)
        RowKernels.cbowUpdate(h: hidden, t: targetRows, n: negative + 1, g: gradients, x: bagRows, k: m, stride: stride)
        loss += Double(lossSum)
        lossTerms += 1
    }

    /// Puts the row pointers of `word`'s bag at `bagRows[at...]`; returns the bag's size.
    @inline(__always)
    func gatherBag(_ word: Int32, at: Int) -> Int {
        let (s, e) = bags.bag(word)
        bags.rows.withUnsafeBufferPointer { r in
            for q in s..<e { bagRows[at + q - s] = input.row(Int(r[q])) }
        }
        return e - s
    }

    /// Scores the n target rows against the hidden row, four at a time, and writes their
    /// gradients: α(1 − σ(f)) for the first `positives` (label 1), −α·weight·σ(f) for the
    /// negatives. Returns the loss −Σ log σ(f) − Σ weight·log σ(−f).
    @inline(__always)
    func scores(n: Int, positives: Int, alpha: Float) -> Float {
        let g = gradients
        var j = 0
        while j + 4 <= n {
            let f = RowKernels.dot4(hidden, targetRows[j], targetRows[j + 1], targetRows[j + 2], targetRows[j + 3], stride)
            for q in 0..<4 { g[j + q] = f[q] }
            j += 4
        }
        while j < n { g[j] = RowKernels.dot(hidden, targetRows[j], stride); j += 1 }
        var lossSum: Float = 0
        for j in 0..<n {
            let f = g[j]
            if j < positives {
                g[j] = alpha * (1 - sigmoid(f))
                lossSum -= sigmoid.log(f)
            } else {
                g[j] = -alpha * weights[j] * sigmoid(f)
                lossSum -= weights[j] * sigmoid.log(-f)
            }
        }
        return lossSum
    }

    @inline(__always)
    func prefetchBag(_ word: Int32) {
        let (s, e) = bags.bag(word)
        bags.rows.withUnsafeBufferPointer { r in
            for q in s..<e { prefetchRow(input.row(Int(r[q]))) }
        }
    }

    @inline(__always)
    func prefetchRow(_ p: UnsafeMutablePointer<Float>) {
        var o = 0
        while o < stride { wordvec_prefetch(p + o); o += 16 }
    }
}
