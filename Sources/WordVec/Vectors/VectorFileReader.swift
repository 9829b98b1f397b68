import Foundation

/// Reads every vector format wordvec knows, detecting which one a file is in:
/// a `N D` header then text lines (.vec) or binary records (.bin), a `N D sparse` header, or no
/// header at all (GloVe). The file may be compressed, a zip member, a pipe or `-` (see
/// `InputFile`); a leading UTF-8 byte-order mark is skipped.
///
/// Malformed files fail with one line naming the path and the line (text) or the record number
/// and byte offset (binary). Words that are not valid UTF-8 follow `unicodeErrors`; records whose
/// word is blank (gensim writes a one-space word as a line starting with two spaces) are skipped.
/// Whatever was decoded or skipped is reported once through `warn`.
public enum VectorFileReader {
    /// Where warnings go by default: one line on standard error.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public static func read(_ path: String, format: VectorFormat? = nil, unicodeErrors: UnicodeErrors = .replace,
                            warn: @Sendable (String) -> Void = standardError) throws -> WordVectors {
        let data = try load(path)
        let (vectors, warnings) = try data.withUnsafeBytes { raw -> (WordVectors, VectorReadWarnings) in
            let p = raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!
            var parser = VectorFileParser(path: path, p: p, count: raw.count, unicodeErrors: unicodeErrors)
            return (try parser.parse(format: format), parser.warnings)
        }
        if let line = warnings.summary(path: path, unicodeErrors: unicodeErrors) { warn(line) }
        return vectors
    }

    /// Dense vectors from any format (sparse files are expanded).
    public static func readDense(_ path: String, format: VectorFormat? = nil, unicodeErrors: UnicodeErrors = .replace,
                                 warn: @Sendable (String) -> Void = standardError) throws -> Embeddings {
        try read(path, format: format, unicodeErrors: unicodeErrors, warn: warn).dense
    }

    /// The whole (decompressed) content of a file.
    static func load(_ path: String) throws -> Data {
        try InputFile(path).contents()
    }
}
