import Foundation

/// Writes quantized vectors (`convert --quantize int8|binary`) in wordvec's quantized format,
/// which every command reads back (as the floats the codes stand for):
///
///     N D int8\n            (or N D binary)
///     D little-endian float32 scales s_j, then \n
///     word␠code\n           N times; code = D bytes (int8) or ⌈D/8⌉ bytes (binary)
///
/// See `QuantizationScheme` for the codes and docs/formats.md for examples. Written atomically.
public enum QuantizedVectorFile {
    /// Throws `.invalidInput` for words a line format cannot hold, `.unwritable` on I/O errors.
    public static func write(_ q: QuantizedVectors, to path: String) throws {
        for w in q.words where w.isEmpty || w.utf8.contains(where: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            throw WordVecError.invalidInput("cannot write the word '\(w)': vector files need words without spaces")
        }
        try AtomicFile.write(to: path) { file in
            try file.write("\(q.count) \(q.dim) \(q.scheme.rawValue)\n")
            try q.scales.withUnsafeBytes { try file.write($0) }
            try file.write([10])
            let bytes = q.codeBytes
            var record: [UInt8] = []
            for i in 0..<q.count {
                record.removeAll(keepingCapacity: true)
                record.append(contentsOf: q.words[i].utf8)
                record.append(32)
                record.append(contentsOf: q.codes[(i * bytes)..<((i + 1) * bytes)])
                record.append(10)
                try file.write(record)
            }
        }
    }
}
