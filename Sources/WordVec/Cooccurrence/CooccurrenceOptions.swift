import Foundation

/// How co-occurrences are counted: which neighbours, weighted how, and within what memory.
/// Shared by GloVe, PPMI and HAL, which differ only in the weighting and what they do with X.
public struct CooccurrenceOptions: Codable, Sendable, Equatable {
    /// How a pair at distance d (1...window) is weighted.
    public enum Weighting: String, Codable, Sendable, CaseIterable {
        /// 1/d, as GloVe's cooccur.c (Pennington et al. 2014, section 4.2).
        case harmonic
        /// window - d + 1, as HAL (Lund & Burgess 1996).
        case linear
        /// 1 for every pair in the window.
        case uniform
    }

    /// Largest distance between a word and a context word.
    public var window = 10
    /// true: context on both sides, X symmetric (GloVe's default, -symmetric 1).
    /// false: left context only, X[left][right] (GloVe's -symmetric 0).
    public var symmetric = true
    public var weighting: Weighting = .harmonic
    /// word2vec's frequent-word subsampling threshold t (`Subsampler`): each in-vocabulary token
    /// is kept with probability (sqrt(f/t) + 1)·t/f before windowing, so dropped tokens take no
    /// window position (as word2vec.c). 0 (the default, and GloVe's) keeps every token.
    public var sample = 0.0
    /// Seed of the subsampling draws (a byte range starting at offset b draws from seed + b, so results depend on the seed and the thread count only).
    public var seed: UInt64 = 1
    /// Memory for counting (and, for GloVe, for holding the records), in bytes.
    public var memoryBytes = 4 << 30
    /// Counting threads (each reads its own byte range of a plain-file corpus).
    public var threads = 1
    /// Most runs merged at once (open files, one read buffer each); more runs merge in levels.
    public var maxFanIn = 64
    public var tokenizer = TokenizerOptions()
    /// Where spilled runs go; nil: $TMPDIR, else /tmp.
    public var temporaryDirectory: String?

    public init(window: Int = 10, symmetric: Bool = true, weighting: Weighting = .harmonic,
                memoryBytes: Int = 4 << 30, threads: Int = 1, tokenizer: TokenizerOptions = TokenizerOptions()) {
        self.window = window
        self.symmetric = symmetric
        self.weighting = weighting
        self.memoryBytes = memoryBytes
        self.threads = threads
        self.tokenizer = tokenizer
    }
}
