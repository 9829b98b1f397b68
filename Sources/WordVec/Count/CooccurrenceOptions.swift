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

/// Integer weights per distance, so that every sum is exact: counts do not depend on the order
/// of additions (threads, spilling, merging), which is what makes spilled and in-memory runs
/// give bit-identical results. The weighted count is `sum / scale`.
public struct CooccurrenceWeights: Sendable, Equatable {
    /// `weights[d]` for d in 1...window (index 0 unused).
    public let weights: [UInt64]
    public let scale: Double

    public init(window: Int, weighting: CooccurrenceOptions.Weighting) {
        switch weighting {
        case .harmonic:
            // S = lcm(1...window) makes every S/d an integer (window <= 22 keeps S below 2^32);
            // beyond that, S = 2^32 and S/d is rounded (relative error below 1e-8).
            var s: UInt64 = 1
            for d in 1...max(window, 1) {
                s = s / CooccurrenceWeights.gcd(s, UInt64(d)) * UInt64(d)
                if s > 1 << 32 { s = 0; break }
            }
            let exact = s != 0
            let scale: UInt64 = exact ? s : 1 << 32
            weights = [0] + (1...max(window, 1)).map { d in
                exact ? scale / UInt64(d) : (scale + UInt64(d) / 2) / UInt64(d)
            }
            self.scale = Double(scale)
        case .linear:
            weights = [0] + (1...max(window, 1)).map { UInt64(window - $0 + 1) }
            scale = 1
        case .uniform:
            weights = [0] + (1...max(window, 1)).map { _ in 1 }
            scale = 1
        }
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
