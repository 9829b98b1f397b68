/// The settings of `wordvec stats` (defaults are the CLI's).
public struct GeometryOptions: Sendable {
    /// Use only the first N rows (the N most frequent words); 0 = all.
    public var restrict = 0
    /// How many random pairs to draw.
    public var randomPairs = 10_000
    public var seed: UInt64 = 1
    /// How many principal components to report the variance share of.
    public var components = 10
    /// Wang & Isola's exponents.
    public var alpha = 2.0
    public var t = 2.0
    public init() {}
}
