import Foundation

/// One thread of Random Indexing: subsamples a sentence, then for every focus word adds the
/// weighted (and, with permutations, rotated) index vectors of its context words to its context
/// vector in the shared matrix (unsynchronised, as word2vec's Hogwild updates: a rare lost
/// addition is noise on a count).
struct RandomIndexingWorker: StreamingWorker {
    let context: RowMatrix
    let index: IndexVectors
    let subsampler: Subsampler
    let window: Int
    let permutation: RandomIndexingConfig.Permutation
    /// weights[k] = 2^(1−k) for distance k (index 0 unused).
    let weights: [Float]
    var rng: FastRandom
    var kept: [Int32] = []

    /// No loss: `lossTerms` counts the context additions, so a run that added nothing is caught.
    var loss: Double = 0
    var lossTerms: Int = 0

    init(context: RowMatrix, index: IndexVectors, subsampler: Subsampler, config c: RandomIndexingConfig, seed: UInt64) {
        self.context = context
        self.index = index
        self.subsampler = subsampler
        window = c.window
        permutation = c.permutation
        weights = (0...c.window).map { Float(pow(2.0, 1.0 - Double($0))) }
        rng = FastRandom(seed: seed)
    }

    mutating func train(sentence: [Int32], alpha: Float) {
        kept.removeAll(keepingCapacity: true)
        for w in sentence where subsampler.keep(Int(w), &rng) { kept.append(w) }
        let n = kept.count
        if n < 2 { return }
        for pos in 0..<n {
            let row = context.row(Int(kept[pos]))
            for q in max(0, pos - window)...min(n - 1, pos + window) where q != pos {
                let offset = q - pos
                index.add(Int(kept[q]), weight: weights[abs(offset)], shift: shift(offset), to: row)
            }
            lossTerms += min(n - 1, pos + window) - max(0, pos - window)
        }
    }

    /// The rotation of the index vector of the word at `offset` from the focus word.
    @inline(__always)
    func shift(_ offset: Int) -> Int {
        switch permutation {
        case .none: return 0
        case .direction: return offset < 0 ? -1 : 1
        case .order: return offset
        }
    }

    func release() {}
}
