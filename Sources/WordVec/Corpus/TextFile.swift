import Foundation

/// Reads a small text file whole (a vocabulary, analogy questions, word pairs) with wordvec's
/// input rules: any `InputFile` (compressed, zip member, pipe, `-`), a leading UTF-8 byte-order
/// mark skipped, and bytes that are not UTF-8 handled by a `UnicodeErrors` policy: `strict`
/// fails naming the first such line; `replace` and `ignore` decode and warn once with the count
/// of lines affected (their words then simply match nothing).
enum TextFile {
    static func read(_ path: String, unicodeErrors: UnicodeErrors = .replace,
                     warn: @Sendable (String) -> Void = VectorFileReader.standardError) throws -> String {
        let data = try InputFile(path).contents()
        return try data.withUnsafeBytes { raw -> String in
            let all = raw.bindMemory(to: UInt8.self)
            let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            var lines = 0, bad = 0, firstBad = 0
            for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
                lines += 1
                if String(validating: line, as: UTF8.self) == nil {
                    bad += 1
                    if firstBad == 0 { firstBad = lines }
                }
            }
            guard unicodeErrors != .strict, let text = unicodeErrors.decode(bytes) else {
                throw WordVecError.invalidInput("\(path):\(firstBad): not valid UTF-8 (--unicode-errors replace or ignore reads such files)")
            }
            warn("warning: \(path): \(bad) line\(bad == 1 ? "" : "s") not valid UTF-8 (\(unicodeErrors == .ignore ? "invalid bytes dropped" : "invalid bytes replaced by U+FFFD"), first line \(firstBad))")
            return text
        }
    }
}
