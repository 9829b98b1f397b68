import CPrefetch

/// One training thread's state (rng, scratch rows, loss tally) kept apart from the shared
/// weights, and the update steps of word2vec (Mikolov et al. 2013).
///
/// Skip-gram with negative sampling uses the minibatched form of Ji et al. 2016 (pWord2Vec):
/// all context words of one centre word share one set of negatives, so the k×(n+1) scores are a
/// small matrix product and every row is read once per centre word, not once per pair.
/// For context row h_i and target row t_j (label 1 for the centre word, 0 for negatives):
///   g_ij = α (label_j − σ(h_i·t_j)),   Δh_i = Σ_j g_ij t_j,   Δt_j = Σ_i g_ij h_i.
struct Word2VecWorker: StreamingWorker {
    let input: RowMatrix
    let output: RowMatrix          // negative-sampling output rows (one per word)
    let inner: RowMatrix?          // hierarchical-softmax inner-node rows
    let stride: Int
    let negative: Int
    let noise: NoiseDistribution
    let tree: HuffmanTree?
    let sigmoid: SigmoidTable
    let subsampler: Subsampler
    let architecture: Word2VecConfig.Architecture
    let hierarchical: Bool
    let window: Int
    var rng: FastRandom

    // Scratch: up to 2·window context gradients, n+1 target gradients, scores.
    let contextGrad: UnsafeMutablePointer<Float>
    let targetGrad: UnsafeMutablePointer<Float>
    let hidden: UnsafeMutablePointer<Float>
    let targets: UnsafeMutablePointer<Int32>
    var preparedCount = 0
    let gradients: UnsafeMutablePointer<Float>
    let contextRows: UnsafeMutablePointer<UnsafeMutablePointer<Float>>
    let targetRows: UnsafeMutablePointer<UnsafeMutablePointer<Float>>
    // The kept (subsampled) words of the current sentence and one window's context ids.
    var kept: KeptWords
    let contextIds: UnsafeMutablePointer<Int32>
    var plan = CBOWPlan()

    var loss: Double = 0
    var lossTerms: Int = 0

    init(model: Word2VecModel, config c: Word2VecConfig, seed: UInt64) {
        input = model.input
        output = model.output
        inner = model.inner
        stride = input.stride
        negative = c.negative
        noise = model.noise
        tree = model.tree
        sigmoid = model.sigmoid
        subsampler = model.subsampler
        architecture = c.architecture
        hierarchical = c.hierarchicalSoftmax
        window = c.window
        rng = FastRandom(seed: seed)
        kept = KeptWords(capacity: c.vocabulary.tokenizer.maxSentenceLength)
        contextIds = .allocate(capacity: 2 * window)
        contextGrad = RowKernels.allocateRows(2 * window * stride)
        targetGrad = RowKernels.allocateRows((negative + 1) * stride)
        hidden = RowKernels.allocateRows(2 * stride)
        targets = .allocate(capacity: negative + 1)
        gradients = .allocate(capacity: 2 * window * (negative + 1))
        contextRows = .allocate(capacity: 2 * window)
        targetRows = .allocate(capacity: negative + 1)
    }

    func release() {
        RowKernels.deallocateRows(contextGrad)
        RowKernels.deallocateRows(targetGrad)
        RowKernels.deallocateRows(hidden)
        targets.deallocate()
        gradients.deallocate()
        contextRows.deallocate()
        targetRows.deallocate()
        kept.release()
        contextIds.deallocate()
        plan.release()
    }

    /// Subsamples the sentence, then (skip-gram) slides the randomly shrunk window over what is
    /// kept, one update per position, or (CBOW) hands the kept words to `cbowSentence`.
    mutating func train(sentence: [Int32], alpha: Float) {
        let n = kept.fill(sentence, subsampler, &rng)
        if n < 2 { return }
        let ids = kept.ids, ctx = contextIds
        if architecture == .cbow {
            return cbowSentence(UnsafeBufferPointer(start: ids, count: n), alpha: alpha)
        }
        // Negative sampling: each step's targets are drawn (and their rows prefetched) one step ahead.
        let prepare = negative > 0
        if prepare { prepareTargets(center: ids[0], incoming: -1) }
        for pos in 0..<n {
            let b = window - rng.next(below: window)   // effective window 1...window
            let k = KeptWords.window(ids, count: n, around: pos, b, into: ctx)
            if prepare { skipGramNegative(contexts: ctx, k: k, alpha: alpha) }
            if hierarchical { skipGramHierarchical(center: ids[pos], contexts: ctx, k: k, alpha: alpha) }
            if prepare && pos + 1 < n {
                prepareTargets(center: ids[pos + 1], incoming: pos + 1 + window < n ? ids[pos + 1 + window] : -1)
            }
        }
    }

    /// The centre word and `negative` draws from the noise distribution (draws equal to the
    /// centre word are skipped, as in word2vec.c). Returns how many targets there are.
    @inline(__always)
    mutating func drawTargets(center: Int32) -> Int {
        targets[0] = center
        var n = 1
        for _ in 0..<negative {
            let w = Int32(truncatingIfNeeded: noise.sample(&rng))
            if w != center { targets[n] = w; n += 1 }
        }
        return n
    }

    /// Draws the targets of the next negative-sampling step ahead of time and prefetches their output
    /// rows and the input row of `incoming` (the word about to enter the window), so the next
    /// step does not wait on memory.
    @inline(__always)
    mutating func prepareTargets(center: Int32, incoming: Int32) {
        preparedCount = drawTargets(center: center)
        for j in 0..<preparedCount { prefetchRow(output.row(Int(targets[j]))) }
        if incoming >= 0 { prefetchRow(input.row(Int(incoming))) }
    }

    @inline(__always)
    func prefetchRow(_ p: UnsafeMutablePointer<Float>) {
        var o = 0
        while o < stride { wordvec_prefetch(p + o); o += 16 }
    }

    /// g_j = α (label_j − σ(h·t_j)) for the n prepared target rows (the first is the centre word,
    /// label 1; the rest are negatives, label 0), scored four at a time. Returns the loss
    /// −Σ log σ(±h·t_j) of these predictions.
    @inline(__always)
    func negativeSamplingGradients(h: UnsafePointer<Float>, n: Int, alpha: Float, into g: UnsafeMutablePointer<Float>) -> Float {
        let s = stride
        var j = 0
        while j + 4 <= n {
            let f = RowKernels.dot4(h, targetRows[j], targetRows[j + 1], targetRows[j + 2], targetRows[j + 3], s)
            for q in 0..<4 { g[j + q] = f[q] }
            j += 4
        }
        while j < n { g[j] = RowKernels.dot(h, targetRows[j], s); j += 1 }
        let f0 = g[0]
        g[0] = alpha * (1 - sigmoid(f0))
        var loss = -sigmoid.log(f0)
        for j in 1..<n {
            let f = g[j]
            g[j] = -alpha * sigmoid(f)
            loss -= sigmoid.log(-f)
        }
        return loss
    }

    /// Skip-gram, negative sampling, shared negatives for the `k` contexts of one centre word
    /// (targets prepared by `prepareTargets`).
    mutating func skipGramNegative(contexts: UnsafePointer<Int32>, k: Int, alpha: Float) {
        let n = preparedCount
        let s = stride
        for i in 0..<k { contextRows[i] = input.row(Int(contexts[i])) }
        for j in 0..<n { targetRows[j] = output.row(Int(targets[j])) }
        var lossSum: Float = 0
        for i in 0..<k {
            lossSum += negativeSamplingGradients(h: contextRows[i], n: n, alpha: alpha, into: gradients + i * n)
        }
        RowKernels.blockUpdate(h: contextRows, k: k, t: targetRows, n: n, g: gradients, stride: s, scratch: contextGrad)
        loss += Double(lossSum)
        lossTerms += k * n
    }

    /// Skip-gram, hierarchical softmax: each context word predicts the centre word's path.
    mutating func skipGramHierarchical(center: Int32, contexts: UnsafePointer<Int32>, k: Int, alpha: Float) {
        for i in 0..<k {
            let h = input.row(Int(contexts[i]))
            RowKernels.zero(hidden, stride)
            hierarchicalUpdate(center: center, h: h, accumulate: hidden, alpha: alpha)
            RowKernels.add(hidden, h, stride)
        }
    }

    /// CBOW over one subsampled sentence. The random numbers of the whole sentence are drawn
    /// first (`planSentence`, in the order a position-by-position loop draws them), so each
    /// position can prefetch the rows of the position `CBOWPlan.lookahead` steps ahead: one
    /// CBOW step is short (k row sums, n dot products, n + k row updates), too short for a
    /// prefetch issued one step ahead to arrive from memory in time.
    mutating func cbowSentence(_ ids: UnsafeBufferPointer<Int32>, alpha: Float) {
        let useNegative = negative > 0
        let n = ids.count
        planSentence(ids, useNegative: useNegative)
        let width = negative + 1
        for pos in 0..<min(n, CBOWPlan.lookahead) { prefetchPlanned(pos, ids: ids, useNegative: useNegative) }
        let ctx = contextIds
        for pos in 0..<n {
            if pos + CBOWPlan.lookahead < n {
                prefetchPlanned(pos + CBOWPlan.lookahead, ids: ids, useNegative: useNegative)
            }
            let k = KeptWords.window(ids.baseAddress!, count: n, around: pos, Int(plan.window[pos]), into: ctx)
            cbow(center: ids[pos], contexts: ctx, k: k, targets: plan.targets + pos * width, n: Int(plan.counts[pos]),
                 alpha: alpha, useNegative: useNegative, useHierarchical: hierarchical)
        }
    }

    /// Draws, for every position of the sentence, its negative-sampling targets (if any) and
    /// then its effective window 1...window: the order in which word2vec's per-position loop
    /// draws them (targets one step ahead), so the stream of random numbers is unchanged.
    @inline(__always)
    mutating func planSentence(_ ids: UnsafeBufferPointer<Int32>, useNegative: Bool) {
        plan.reserve(ids.count, width: negative + 1)
        let width = negative + 1
        for pos in 0..<ids.count {
            if useNegative {
                plan.counts[pos] = Int32(drawTargets(center: ids[pos]))
                (plan.targets + pos * width).update(from: targets, count: Int(plan.counts[pos]))
            } else {
                plan.counts[pos] = 0
            }
            plan.window[pos] = Int32(window - rng.next(below: window))
        }
    }

    /// Prefetches the output rows of position `pos`'s targets and the input row of the word
    /// that enters the widest window there.
    @inline(__always)
    func prefetchPlanned(_ pos: Int, ids: UnsafeBufferPointer<Int32>, useNegative: Bool) {
        if useNegative {
            let t = plan.targets + pos * (negative + 1)
            for j in 0..<Int(plan.counts[pos]) { prefetchRow(output.row(Int(t[j]))) }
        }
        if pos + window < ids.count { prefetchRow(input.row(Int(ids[pos + window]))) }
    }

    /// One CBOW step: the mean h = (1/k) Σ_i v_{c_i} of the context rows predicts the centre
    /// word; with negative sampling the n targets (centre word first) get g_j = α(l_j − σ(h·u_j)),
    /// e = Σ_j g_j u_j, u_j += g_j h; hierarchical softmax adds its path's terms to e; then every
    /// context row gets v_{c_i} += e (word2vec.c and gensim with cbow_mean add the whole e to
    /// each). Negative sampling alone runs the fused `RowKernels.cbowUpdate`.
    mutating func cbow(center: Int32, contexts: UnsafePointer<Int32>, k: Int, targets: UnsafePointer<Int32>, n: Int,
                       alpha: Float, useNegative: Bool, useHierarchical: Bool) {
        let s = stride
        let h = hidden, e = hidden + s
        for i in 0..<k { contextRows[i] = input.row(Int(contexts[i])) }
        RowKernels.scaledSum(contextRows, k: k, scale: 1 / Float(k), into: h, stride: s)
        if useNegative {
            for j in 0..<n { targetRows[j] = output.row(Int(targets[j])) }
            let lossSum = negativeSamplingGradients(h: h, n: n, alpha: alpha, into: gradients)
            loss += Double(lossSum)
            lossTerms += n
            if !useHierarchical {
                RowKernels.cbowUpdate(h: h, t: targetRows, n: n, g: gradients, x: contextRows, k: k, stride: s)
                return
            }
            RowKernels.outerUpdate(h: h, t: targetRows, n: n, g: gradients, e: e, stride: s)
        } else {
            RowKernels.zero(e, s)
        }
        if useHierarchical { hierarchicalUpdate(center: center, h: h, accumulate: e, alpha: alpha) }
        for i in 0..<k { RowKernels.add(e, contextRows[i], s) }
    }

    /// Walks the centre word's Huffman path: g = α(1 − code − σ(h·p)), e += g p, p += g h.
    @inline(__always)
    mutating func hierarchicalUpdate(center: Int32, h: UnsafeMutablePointer<Float>, accumulate e: UnsafeMutablePointer<Float>, alpha: Float) {
        guard let tree, let inner else { return }
        let codes = tree.codes[Int(center)], points = tree.points[Int(center)]
        var lossSum: Float = 0
        for d in 0..<points.count {
            let p = inner.row(Int(points[d]))
            let f = RowKernels.dot(h, p, stride)
            let label: Float = 1 - Float(codes[d])
            lossSum -= sigmoid.log(label == 1 ? f : -f)
            if f <= -SigmoidTable.maxExp || f >= SigmoidTable.maxExp { continue }
            let g = alpha * (label - sigmoid(f))
            RowKernels.axpy(g, p, e, stride)
            RowKernels.axpy(g, h, p, stride)
        }
        loss += Double(lossSum)
        lossTerms += points.count
    }
}
