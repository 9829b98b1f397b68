/// One analogy question answered with and without its own words among the candidates (see
/// `AnalogyExclusionView`).
public struct AnalogyExclusionExample: Codable, Sendable {
    public var a, b, c, expected: String
    /// The answer with a, b, c excluded (the benchmark's), and with them kept.
    public var excluded: String
    public var kept: String
}
