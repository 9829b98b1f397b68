import Foundation

/// JSON output of the evaluation commands (sorted keys, readable, non-finite numbers as strings).
public enum EvalJSON {
    /// `compact`: one line (JSON Lines, for commands that answer query by query).
    public static func encode<T: Encodable>(_ value: T, compact: Bool = false) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}
