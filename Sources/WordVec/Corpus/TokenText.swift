/// The words a token holding non-ASCII characters yields, after the tokenizer options: Unicode
/// normalization (`--normalize`), then lower-casing, then, for the raw tokenizer, a split into
/// runs of word characters.
///
/// Word characters (raw tokenizer) are letters, combining marks and digits (Unicode general
/// categories L, M and N) and the joiners U+200C/U+200D (needed inside Persian and Indic words).
/// Everything else separates words and is dropped: Unicode white space (no-break space, U+3000
/// ideographic space), punctuation (curly quotes, guillemets, dashes, ellipses, CJK full stops)
/// and symbols (currency, maths, emoji). ASCII tokens never get here: their byte classes in
/// `TokenScanner` apply the same rule.
enum TokenText {
    static func words(_ text: String, options: TokenizerOptions) -> [String] {
        var s = text
        if let n = options.normalization { s = n.apply(s) }
        if options.lowercase { s = s.lowercased() }
        guard options.style == .raw else { return [s] }
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isWordCharacter(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.value == 0x200C || scalar.value == 0x200D
        }
    }
}
