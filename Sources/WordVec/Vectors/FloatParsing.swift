import Foundation

/// Decimal number parsing straight from bytes (vector files hold millions of numbers; going
/// through String or strtof per value costs several times more).
enum FloatParsing {
    private static let powersOf10: [Double] = (0...40).map { pow(10, Double($0)) }

    /// Parses a number filling `bytes[start..<end]` exactly; nil when it is not one
    /// (also for nan/inf, which vector files must not hold).
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Float? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if p[i] == 45 { negative = true; i += 1 } else if p[i] == 43 { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0
        var sawDigit = false
        while i < end, p[i] &- 48 < 10 {
            if digits < 19 { mantissa = mantissa * 10 + UInt64(p[i] &- 48); if mantissa > 0 { digits += 1 } } else { exponent += 1 }
            sawDigit = true
            i += 1
        }
        if i < end && p[i] == 46 {
            i += 1
            while i < end, p[i] &- 48 < 10 {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(p[i] &- 48); if mantissa > 0 { digits += 1 }; exponent -= 1 }
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < end && (p[i] == 101 || p[i] == 69) {
            i += 1
            var expNegative = false
            if i < end && p[i] == 45 { expNegative = true; i += 1 } else if i < end && p[i] == 43 { i += 1 }
            var e = 0
            var expDigits = 0
            while i < end, p[i] &- 48 < 10 { e = min(e * 10 + Int(p[i] &- 48), 10_000); expDigits += 1; i += 1 }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }
        var value = Double(mantissa)
        if exponent < 0 {
            value = -exponent <= 40 ? value / powersOf10[-exponent] : value * pow(10, Double(exponent))
        } else if exponent > 0 {
            value = exponent <= 40 ? value * powersOf10[exponent] : value * pow(10, Double(exponent))
        }
        let f = Float(negative ? -value : value)
        return f.isFinite ? f : nil
    }
}
