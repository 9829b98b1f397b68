/// The settings of `wordvec bias` (defaults: the papers' lists, `BiasWordLists`).
public struct BiasOptions: Sendable {
    public var definitional = BiasWordLists.definitionalPairs
    public var occupations = BiasWordLists.occupations
    public var weat = BiasWordLists.weat
    /// Partitions of the WEAT permutation test (all of them when there are at most this many).
    public var permutations = 100_000
    public var seed: UInt64 = 1
    /// Rows searched for the analogy answers (the most frequent N; 0 = all).
    public var restrict = 30_000
    /// The analogy probe a : X :: b : ? (he : X :: she : ?).
    public var probe = (a: "he", b: "she")
    public init() {}
}
