import Foundation

/// Quantized vectors: per-dimension scales and one code per word (see `QuantizationScheme`).
/// Rows are words in the order of the source vectors; `codes` holds `count × codeBytes` bytes.
public struct QuantizedVectors: Sendable {
    public let words: [String]
    public let dim: Int
    public let scheme: QuantizationScheme
    /// s_j, `dim` values.
    public let scales: [Float]
    /// Row i's code is `codes[i * codeBytes ..< (i + 1) * codeBytes]`; int8 codes are
    /// two's-complement bytes, binary codes hold dimension j in bit j % 8 (least significant
    /// first) of byte j / 8.
    public let codes: [UInt8]

    public var count: Int { words.count }
    public var codeBytes: Int { scheme.codeBytes(dim: dim) }

    public init(words: [String], dim: Int, scheme: QuantizationScheme, scales: [Float], codes: [UInt8]) {
        precondition(scales.count == dim && codes.count == words.count * scheme.codeBytes(dim: dim), "quantized shapes")
        self.words = words; self.dim = dim; self.scheme = scheme; self.scales = scales; self.codes = codes
    }

    /// Quantizes `e` (count × dim floats).
    public init(quantizing e: Embeddings, scheme: QuantizationScheme) {
        let (n, d) = (e.count, e.dim)
        var scales = [Float](repeating: 0, count: d)
        for i in 0..<n {
            for j in 0..<d {
                let a = abs(e.vectors[i * d + j])
                if scheme == .int8 { scales[j] = max(scales[j], a) } else { scales[j] += a }
            }
        }
        for j in 0..<d { scales[j] = scheme == .int8 ? scales[j] / 127 : scales[j] / Float(max(n, 1)) }
        let bytes = scheme.codeBytes(dim: d)
        var codes = [UInt8](repeating: 0, count: n * bytes)
        for i in 0..<n {
            for j in 0..<d {
                let x = e.vectors[i * d + j]
                switch scheme {
                case .int8:
                    let q = scales[j] > 0 ? max(-127, min(127, (x / scales[j]).rounded())) : 0
                    codes[i * bytes + j] = UInt8(bitPattern: Int8(q))
                case .binary:
                    if x > 0 { codes[i * bytes + j / 8] |= 1 << UInt8(j % 8) }
                }
            }
        }
        self.init(words: e.words, dim: d, scheme: scheme, scales: scales, codes: codes)
    }

    /// The floats the codes stand for (count × dim): q_ij·s_j (int8) or ±s_j (binary).
    public func dequantized() throws -> Embeddings {
        let (n, d, bytes) = (count, dim, codeBytes)
        var v = [Float](repeating: 0, count: n * d)
        for i in 0..<n {
            for j in 0..<d {
                switch scheme {
                case .int8: v[i * d + j] = Float(Int8(bitPattern: codes[i * bytes + j])) * scales[j]
                case .binary: v[i * d + j] = codes[i * bytes + j / 8] & (1 << UInt8(j % 8)) != 0 ? scales[j] : -scales[j]
                }
            }
        }
        return try Embeddings(words: words, dim: d, vectors: v)
    }
}
