import Foundation

/// What the training threads of a fastText run share: the input rows (vocabulary + bucket) ×
/// dim, uniform in [−1/dim, 1/dim] as fastText's `input_->uniform(1.0 / dim)`; the output rows
/// (vocabulary × dim, zero); each word's bag of input rows; and the read-only noise (∝ count^0.5,
/// fastText's negative table), subsampling and sigmoid tables.
final class FastTextWeights: @unchecked Sendable {
    let input: RowMatrix
    let output: RowMatrix
    let bags: FastTextBags
    let noise: NoiseDistribution
    let subsampler: Subsampler
    let sigmoid = SigmoidTable()

    /// fastText draws negatives ∝ count^0.5 (word2vec: 0.75).
    static let noisePower = 0.5
    /// Rows initialised per parallel chunk (each chunk seeded from the run's seed and its index,
    /// so the start is the same whatever the thread count).
    static let initChunk = 65_536

    /// Throws `.invalidInput` when the matrices do not fit in memory.
    init(config c: FastTextConfig, vocabulary: Vocabulary) throws {
        let ngrams = c.ngrams
        input = try RowMatrix(rows: vocabulary.count + ngrams.bucket, dim: c.dim)
        output = try RowMatrix(rows: vocabulary.count, dim: c.dim)
        bags = FastTextBags(words: vocabulary.words, ngrams: ngrams)
        noise = NoiseDistribution(counts: vocabulary.counts, power: Self.noisePower)
        subsampler = Subsampler(counts: vocabulary.counts, sample: c.sample)
        try Self.initialize(input, seed: c.seed, threads: c.threads)
    }

    /// Uniform in [−1/dim, 1/dim], padding left at zero.
    private static func initialize(_ m: RowMatrix, seed: UInt64, threads: Int) throws {
        let bound = 1 / Float(m.dim), d = m.dim
        try parallelFor((m.rows + initChunk - 1) / initChunk, threads: threads) { chunk, _ in
            var rng = FastRandom(seed: seed &+ UInt64(chunk) &* 0x9E37_79B9_7F4A_7C15)
            for r in (chunk * initChunk)..<min(m.rows, (chunk + 1) * initChunk) {
                let p = m.row(r)
                for j in 0..<d { p[j] = (2 * rng.nextFloat() - 1) * bound }
            }
        }
    }
}
