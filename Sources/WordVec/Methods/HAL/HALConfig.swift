/// Options of a `hal` run (Hyperspace Analogue to Language, Lund & Burgess 1996).
public struct HALConfig: TrainerConfig, Equatable {
    /// How the 2V context columns (V left, V right) are brought down to `dim`.
    public enum Reduction: String, Codable, Sendable, CaseIterable {
        /// Keep the `dim` columns of highest variance over the words (Lund & Burgess's choice).
        case variance
        /// Truncated SVD of the V × 2V matrix: word vectors U·Σ (as LSA does with its matrix).
        case svd
    }

    public var vocabulary = VocabularySettings()
    /// Columns kept (`variance`) or SVD rank (`svd`); Lund & Burgess kept 100 to 200.
    public var dim = 200
    /// Window: a context word d ≤ window tokens away counts window − d + 1 (Lund & Burgess used 10).
    public var window = 10
    public var reduce: Reduction = .variance
    /// Memory for counting, in bytes; sorted runs spill to disk beyond it (results do not change).
    public var memoryBytes = 1_000_000_000
    /// Where spilled runs go (nil: $TMPDIR, else /tmp).
    public var temporaryDirectory: String?
    public var threads = 1
    /// Seed of the SVD's random test matrix (`--reduce svd`).
    public var seed: UInt64 = 1

    public init() {}

    public var method: String { "hal" }

    public func validate() throws {
        try validateCommon()
        try Check.range("--window", window, 1...1000)
        try Check.range("--memory", Double(memoryBytes) / 1e9, 1e-3...1e6)
    }

    /// The counter's options: left context only (X_ij: i before j), weights window − d + 1.
    public var cooccurrenceOptions: CooccurrenceOptions {
        var o = CooccurrenceOptions(window: window, symmetric: false, weighting: .linear, memoryBytes: memoryBytes,
                                    threads: threads, tokenizer: vocabulary.tokenizer)
        o.temporaryDirectory = temporaryDirectory
        return o
    }
}
