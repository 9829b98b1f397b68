/// Two rows of a vector set (0-based), e.g. a word pair of a similarity set, or two words drawn
/// at random.
public struct RowPair: Sendable, Equatable, Hashable, Codable {
    public var a: Int
    public var b: Int
    public init(_ a: Int, _ b: Int) { self.a = a; self.b = b }
}
