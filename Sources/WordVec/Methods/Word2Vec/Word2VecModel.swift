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

    init(config c: Word2VecConfig, vocabulary: Vocabulary) {
        let v = vocabulary.count
        var initRng = FastRandom(seed: c.seed)
        input = RowMatrix(rows: v, dim: c.dim)
        input.randomize(&initRng)
        output = RowMatrix(rows: c.negative > 0 ? v : 0, dim: c.dim)
        tree = c.hierarchicalSoftmax ? HuffmanTree(counts: vocabulary.counts) : nil
        inner = tree.map { RowMatrix(rows: $0.innerCount, dim: c.dim) }
        noise = NoiseDistribution(counts: vocabulary.counts)
        subsampler = Subsampler(counts: vocabulary.counts, sample: c.sample)
    }
}
