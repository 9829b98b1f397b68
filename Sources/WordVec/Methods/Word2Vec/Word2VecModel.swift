/// The weights and tables of a word2vec run that all threads share: the input rows W
/// (vocabulary × dim, randomly initialised as word2vec.c: uniform in [−0.5, 0.5) / dim), the
/// negative-sampling output rows C (zero), the hierarchical-softmax inner-node rows (zero), and
/// the read-only noise, subsampling, Huffman and sigmoid tables.
final class Word2VecModel: @unchecked Sendable {
    let input: RowMatrix
    let output: RowMatrix
    let inner: RowMatrix?
    let tree: HuffmanTree?
    let noise: NoiseDistribution
    let subsampler: Subsampler
    let sigmoid = SigmoidTable()

    /// Throws `.invalidInput` when the matrices do not fit in memory.
    init(config c: Word2VecConfig, vocabulary: Vocabulary) throws {
        let v = vocabulary.count
        var initRng = FastRandom(seed: c.seed)
        input = try RowMatrix(rows: v, dim: c.dim)
        input.randomize(&initRng)
        output = try RowMatrix(rows: c.negative > 0 ? v : 0, dim: c.dim)
        tree = c.hierarchicalSoftmax ? HuffmanTree(counts: vocabulary.counts) : nil
        inner = try tree.map { try RowMatrix(rows: $0.innerCount, dim: c.dim) }
        noise = NoiseDistribution(counts: vocabulary.counts)
        subsampler = Subsampler(counts: vocabulary.counts, sample: c.sample)
    }

    /// The trained matrices, for checkpoints: W, then C (negative sampling) and the inner-node
    /// rows (hierarchical softmax) where the run has them.
    var checkpointSections: [CheckpointSection] {
        [input.checkpointSection("input")] + (output.rows > 0 ? [output.checkpointSection("output")] : [])
            + (inner.map { [$0.checkpointSection("inner")] } ?? [])
    }
}
