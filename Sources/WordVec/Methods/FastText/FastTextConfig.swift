/// Options of a fastText run (Bojanowski et al. 2017), defaulted as the fasttext CLI's
/// `skipgram`/`cbow` commands. wordvec's flag names are the ones every method shares; the
/// CLI's spelling is given beside each (see docs/methods/fasttext.md).
public struct FastTextConfig: TrainerConfig, Equatable {
    public enum Architecture: String, Codable, Sendable, CaseIterable {
        /// The word's bag of rows predicts each context word (`fasttext skipgram`).
        case skipgram
        /// The bag of the context words' rows predicts the word (`fasttext cbow`).
        case cbow
    }

    public var architecture: Architecture = .skipgram
    /// min-count 5 (CLI `-minCount 5`).
    public var vocabulary = VocabularySettings()
    /// `-dim 100`
    public var dim = 100
    /// Maximum distance; each position draws its window uniformly from 1...window (`-ws 5`).
    public var window = 5
    /// `-epoch 5`
    public var epochs = 5
    /// Initial learning rate, decayed linearly to 0 over the run (`-lr 0.05`).
    public var alpha = 0.05
    /// Negatives per positive (`-neg 5`), drawn ∝ count^0.5 as fastText.
    public var negative = 5
    /// Subsampling threshold t (`-t 1e-4`).
    public var sample = 1e-4
    /// Character n-gram lengths (`-minn 3 -maxn 6`); maxn 0 turns n-grams off (plain word2vec).
    public var minn = 3
    public var maxn = 6
    /// Rows the n-grams are hashed into (`-bucket 2000000`).
    public var bucket = 2_000_000
    public var threads = 1
    public var seed: UInt64 = 1

    public init(architecture: Architecture = .skipgram) {
        self.architecture = architecture
    }

    public var method: String { "fasttext" }

    /// The output rows are per-word context vectors (`--save-context`).
    public var hasContextVectors: Bool { true }

    /// The n-gram settings in effect: no buckets without n-grams, as the CLI (`maxn 0` sets `bucket 0`).
    public var ngrams: FastTextNgrams {
        maxn == 0 ? FastTextNgrams(minn: minn, maxn: 0, bucket: 0) : FastTextNgrams(minn: minn, maxn: maxn, bucket: bucket)
    }

    public func validate() throws {
        try validateCommon()
        try Check.range("--window", window, 1...1000)
        try Check.range("--epochs", epochs, 1...1_000_000)
        try Check.range("--negative", negative, 1...1000)
        try Check.range("--sample", sample, 0...1)
        try Check.positive("--alpha", alpha)
        try Check.range("--maxn", maxn, 0...100)
        try Check.range("--minn", minn, 1...100)
        try Check.range("--bucket", bucket, 0...1_000_000_000)
        if maxn > 0 && minn > maxn { throw WordVecError.invalidArgument("--minn \(minn) is larger than --maxn \(maxn)") }
        if maxn > 0 && bucket == 0 { throw WordVecError.invalidArgument("--bucket 0 leaves no rows for the n-grams; use --maxn 0 to train without them") }
    }
}
