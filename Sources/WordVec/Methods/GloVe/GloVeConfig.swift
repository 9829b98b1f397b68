/// Options of a GloVe run (Pennington, Socher & Manning 2014), named and defaulted as the
/// reference tools (vocab_count, cooccur, shuffle, glove) where they mean the same.
public struct GloVeConfig: TrainerConfig, Equatable {
    public var vocabulary = VocabularySettings()
    public var dim = 100
    /// Context window (cooccur -window-size; the reference's default is 15, its demo uses 15 on
    /// text8; 10 here, the setting of the paper's smaller-corpus runs).
    public var window = 10
    /// Both sides (true) or left context only (cooccur -symmetric 0).
    public var symmetric = true
    /// f(x) = min(1, (x / xMax)^weightPower), equation (9) of the paper (glove -x-max, -alpha).
    public var xMax = 100.0
    public var weightPower = 0.75
    /// AdaGrad initial learning rate (glove -eta).
    public var eta = 0.05
    /// Per-element gradient clip (glove -grad-clip).
    public var gradientClip = 100.0
    /// Passes over the shuffled co-occurrence records (glove -iter; the reference's default
    /// is 25, its demo uses 15).
    public var epochs = 15
    public var threads = 1
    public var seed: UInt64 = 1
    /// Memory for counting and holding the records, in bytes (cooccur/shuffle -memory).
    public var memoryBytes = 4_000_000_000
    /// Which vectors to write: W + W~ (the paper's choice, glove -model 2) by default.
    public var output: VectorChoice = .sum
    /// Where spilled runs and records go (nil: $TMPDIR, else /tmp).
    public var temporaryDirectory: String?
    /// Most runs merged at once (lower it in tests to exercise multi-level merging).
    public var maxFanIn = 64

    public init() {}

    public var method: String { "glove" }

    /// W~, the context word vectors.
    public var hasContextVectors: Bool { true }

    public func validate() throws {
        try validateCommon()
        try Check.range("--window", window, 1...1000)
        try Check.range("--epochs", epochs, 1...1_000_000)
        try Check.positive("--x-max", xMax)
        try Check.positive("--weight-power", weightPower)
        try Check.positive("--eta", eta)
        try Check.positive("--grad-clip", gradientClip)
        try Check.range("--memory", Double(memoryBytes) / 1e9, 1e-6...1e6)
        try Check.range("maxFanIn", maxFanIn, 2...100_000)
    }
}
