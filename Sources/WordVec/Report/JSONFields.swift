/// Encodes a report as a keyed object from an explicit list of (key, value) pairs, so a type
/// can put its computed figures (accuracy, coverage) beside its stored ones in one line each.
enum JSONFields {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes `fields` in order (a nil optional becomes `null`).
    static func encode(_ fields: [(String, any Encodable)], to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (key, value) in fields { try c.encode(value, forKey: Key(stringValue: key)) }
    }
}
