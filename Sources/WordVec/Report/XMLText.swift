/// Text made safe for XML (SVG) content and attribute values: `&`, `<`, `>`, `"` and `'` become
/// entities, and characters XML 1.0 forbids even as entities (C0 controls other than tab, line
/// feed and carriage return; U+FFFE, U+FFFF) become U+FFFD. Every word, file name and label from
/// untrusted input goes through this before it reaches a document.
public enum XMLText {
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                out.unicodeScalars.append(v < 0x20 || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
