/// The vector file formats wordvec reads and writes (see docs/formats.md).
public enum VectorFormat: String, Codable, Sendable, CaseIterable {
    /// word2vec/fastText text: `N D` header, then `word v1 … vD` lines.
    case vec
    /// word2vec binary: `N D` header line, then `word` + space + D little-endian float32 (+ newline).
    case bin
    /// GloVe text: like `.vec` without the header line.
    case glove
    /// Sparse text: `N D sparse` header, then `word i:v i:v …` with increasing indices.
    case sparse

    /// The extension `fromExtension` maps back to this format.
    public var fileExtension: String {
        switch self {
        case .vec: return "vec"
        case .bin: return "bin"
        case .glove: return "txt"
        case .sparse: return "sparse"
        }
    }

    /// The format implied by a file name (`.bin` binary, `.sparse` sparse, `.txt` GloVe, else `.vec`).
    public static func fromExtension(_ path: String) -> VectorFormat {
        if path.hasSuffix(".bin") { return .bin }
        if path.hasSuffix(".sparse") { return .sparse }
        if path.hasSuffix(".txt") { return .glove }
        return .vec
    }
}
