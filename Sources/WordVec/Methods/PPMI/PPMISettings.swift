import Foundation

/// How the PPMI matrix of a corpus is counted and weighted: the options `ppmi` and `ppmi-svd`
/// share (Church & Hanks 1990; Levy, Goldberg & Dagan 2015, whose hyperparameter names are in
/// brackets). Defaults are Levy et al.'s recommendations for PPMI.
public struct PPMISettings: Codable, Sendable, Equatable {
    /// Context window: words up to this many (in-vocabulary, kept) tokens away on either side [win].
    public var window = 2
    /// word2vec's dynamic window [dyn]: a context at distance d counts (window − d + 1)/window,
    /// the probability that word2vec's window drawn uniformly from 1...window reaches it
    /// (counted in expectation rather than sampled, as Levy et al. 2015 §3.2 describe it).
    public var dynamicWindow = false
    /// Frequent-word subsampling threshold t before windowing, word2vec's formula [sub]; 0: off.
    public var sample = 0.0
    /// Context-distribution smoothing exponent α [cds]: P_α(c) = #c^α / Σ_c' #c'^α (1: none).
    public var cds = 0.75
    /// k of the shift [neg]: PPMI = max(PMI − log k, 0) (Levy & Goldberg 2014: SGNS with k
    /// negative samples factorizes PMI − log k). 1: no shift.
    public var shift = 1.0
    /// Memory for counting, in bytes; sorted runs spill to disk beyond it (results do not change).
    public var memoryBytes = 1_000_000_000
    /// Where spilled runs go (nil: $TMPDIR, else /tmp).
    public var temporaryDirectory: String?

    public init() {}

    /// Checks every option; throws `WordVecError.invalidArgument` naming the flag.
    public func validate() throws {
        try Check.range("--window", window, 1...1000)
        try Check.range("--sub", sample, 0...1)
        try Check.range("--cds", cds, 0...1)
        try Check.range("--shift", shift, 1...1e6)
        try Check.range("--memory", Double(memoryBytes) / 1e9, 1e-3...1e6)
    }

    /// The counter's options: symmetric window, uniform weights (linear with the dynamic window).
    public func cooccurrenceOptions(threads: Int, seed: UInt64, tokenizer: TokenizerOptions) -> CooccurrenceOptions {
        var o = CooccurrenceOptions(window: window, symmetric: true, weighting: dynamicWindow ? .linear : .uniform,
                                    memoryBytes: memoryBytes, threads: threads, tokenizer: tokenizer)
        o.sample = sample
        o.seed = seed
        o.temporaryDirectory = temporaryDirectory
        return o
    }
}
