/// Escaping for text placed in HTML and SVG (XML) documents. Words, file names and labels come
/// from untrusted corpora and vector files, so everything that is not markup wordvec wrote
/// itself goes through `escape`: `&`, `<`, `>`, `"` and `'` become character references, which
/// is safe both in element content and in quoted attribute values.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
