import Foundation

/// Number formatting shared by the reports.
enum Fmt {
    static func percent(_ x: Double?) -> String { x.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
    static func fixed(_ x: Double?, _ digits: Int = 4) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "n/a" }
}
