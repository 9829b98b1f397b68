/// How the vocabulary of a run is made: counted from the corpus with these settings, or read
/// from a `word count` file (`--read-vocab`, as word2vec.c's -read-vocab), which skips the
/// counting pass. Shared by every method's config.
public struct VocabularySettings: Codable, Sendable, Equatable {
    public var tokenizer = TokenizerOptions()
    /// Words seen fewer times are dropped (word2vec, fastText, GloVe: min-count).
    public var minCount = 5
    /// Keep at most this many most frequent words (0: no limit; GloVe's -max-vocab).
    public var maxVocab = 0
    /// A `word count` file to use instead of counting (min-count and max-vocab still apply).
    public var readVocab: String?

    public init() {}
}

/// The options of one training method: Codable (written beside the output as
/// `OUTPUT.config.json`, so a run can be reproduced), with every default in one place (the
/// type's property initialisers) and every range check in `validate()`.
public protocol TrainerConfig: Codable, Sendable {
    /// The method's name as `wordvec train --method` spells it (also the progress label).
    var method: String { get }
    var vocabulary: VocabularySettings { get set }
    var dim: Int { get set }
    /// Worker threads (≥ 1).
    var threads: Int { get set }
    /// Seed of every random choice; with one thread the output is byte-identical per seed.
    var seed: UInt64 { get set }
    /// Whether the method trains per-word context vectors (`--save-context`, `--vectors context|sum`).
    var hasContextVectors: Bool { get }
    /// Whether the word vectors are sparse (tf-idf, PPMI): written as sparse text unless asked
    /// otherwise (default false).
    var writesSparseVectors: Bool { get }
    /// Checks every option; throws `WordVecError.invalidArgument` naming the flag.
    func validate() throws
    /// Bytes of the dense matrices a run over `words` words allocates (`MemoryLimit`; 0: none to check).
    func matrixBytes(words: Int) -> Int
}

extension TrainerConfig {
    public var hasContextVectors: Bool { false }
    public var writesSparseVectors: Bool { false }

    /// The checks every method shares: dimension, threads, vocabulary thresholds.
    public func validateCommon() throws {
        try Check.range("--dim", dim, 1...100_000)
        try validateThreadsAndVocabulary()
    }

    /// The checks of methods without a `--dim` (sparse outputs: one dimension per context word).
    public func validateThreadsAndVocabulary() throws {
        try Check.range("--threads", threads, 1...4096)
        try Check.range("--min-count", vocabulary.minCount, 1...Int.max)
        try Check.range("--max-vocab", vocabulary.maxVocab, 0...Int.max)
    }
}

/// Range checks whose messages name the flag: `--window must be from 1 to 1000 (got 0)`.
public enum Check {
    public static func range(_ flag: String, _ value: Int, _ allowed: ClosedRange<Int>) throws {
        guard allowed.contains(value) else { throw WordVecError.invalidArgument(message(flag, "\(value)", allowed)) }
    }

    public static func range(_ flag: String, _ value: Double, _ allowed: ClosedRange<Double>) throws {
        guard value.isFinite, allowed.contains(value) else {
            throw WordVecError.invalidArgument(message(flag, "\(value)", allowed))
        }
    }

    /// A number that must be positive and finite (`> 0`).
    public static func positive(_ flag: String, _ value: Double) throws {
        guard value > 0, value.isFinite else { throw WordVecError.invalidArgument("\(flag) must be a positive number (got \(value))") }
    }

    private static func message<T: Comparable & Numeric>(_ flag: String, _ got: String, _ r: ClosedRange<T>) -> String {
        let maxText = "\(r.upperBound)"
        if maxText == "\(Int.max)" || maxText == "\(Double.greatestFiniteMagnitude)" {
            return "\(flag) must be at least \(r.lowerBound) (got \(got))"
        }
        return "\(flag) must be from \(r.lowerBound) to \(r.upperBound) (got \(got))"
    }
}
