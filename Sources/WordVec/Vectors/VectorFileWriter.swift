import Foundation

/// Writes vectors atomically in any of wordvec's formats; refuses NaN/Inf and words that would
/// break the line format.
public enum VectorFileWriter {
    public static func write(_ e: Embeddings, to path: String, format: VectorFormat = .vec) throws {
        try check(words: e.words)
        if let bad = e.vectors.firstIndex(where: { !$0.isFinite }) {
            throw WordVecError.invalidInput("refusing to write \(path): the vector of '\(e.words[bad / e.dim])' holds NaN or Inf")
        }
        try AtomicFile.write(to: path) { file in
            switch format {
            case .vec, .glove:
                if format == .vec { try file.write("\(e.count) \(e.dim)\n") }
                var line: [UInt8] = []
                line.reserveCapacity(e.dim * 14 + 64)
                for i in 0..<e.count {
                    line.removeAll(keepingCapacity: true)
                    line.append(contentsOf: e.words[i].utf8)
                    for j in 0..<e.dim {
                        line.append(32)
                        appendFloat(e.vectors[i * e.dim + j], to: &line)
                    }
                    line.append(10)
                    try file.write(line)
                }
            case .bin:
                try file.write("\(e.count) \(e.dim)\n")
                for i in 0..<e.count {
                    try file.write(e.words[i] + " ")
                    try e.vectors.withUnsafeBytes { raw in
                        try file.write(UnsafeRawBufferPointer(rebasing: raw[(i * e.dim * 4)..<((i + 1) * e.dim * 4)]))
                    }
                    try file.write([10])
                }
            case .sparse:
                try writeSparseBody(sparse(of: e), to: file)
            }
        }
    }

    public static func write(_ s: SparseEmbeddings, to path: String) throws {
        try check(words: s.words)
        if let bad = s.values.firstIndex(where: { !$0.isFinite }) {
            let row = s.rowStarts.lastIndex(where: { $0 <= bad }) ?? 0
            throw WordVecError.invalidInput("refusing to write \(path): the vector of '\(s.words[row])' holds NaN or Inf")
        }
        try AtomicFile.write(to: path) { try writeSparseBody(s, to: $0) }
    }

    public static func write(_ v: WordVectors, to path: String, format: VectorFormat) throws {
        switch (v, format) {
        case (.sparse(let s), .sparse): try write(s, to: path)
        default: try write(v.dense, to: path, format: format)
        }
    }

    private static func writeSparseBody(_ s: SparseEmbeddings, to file: AtomicFile) throws {
        try file.write("\(s.count) \(s.dim) sparse\n")
        var line: [UInt8] = []
        for i in 0..<s.count {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: s.words[i].utf8)
            for j in s.rowStarts[i]..<s.rowStarts[i + 1] {
                line.append(32)
                line.append(contentsOf: String(s.columns[j]).utf8)
                line.append(58)
                appendFloat(s.values[j], to: &line)
            }
            line.append(10)
            try file.write(line)
        }
    }

    private static func sparse(of e: Embeddings) -> SparseEmbeddings {
        var starts = [0], cols: [Int32] = [], vals: [Float] = []
        for i in 0..<e.count {
            for j in 0..<e.dim where e.vectors[i * e.dim + j] != 0 {
                cols.append(Int32(j))
                vals.append(e.vectors[i * e.dim + j])
            }
            starts.append(cols.count)
        }
        return try! SparseEmbeddings(words: e.words, dim: e.dim, rowStarts: starts, columns: cols, values: vals)
    }

    private static func check(words: [String]) throws {
        for w in words where w.isEmpty || w.utf8.contains(where: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            throw WordVecError.invalidInput("cannot write the word '\(w)': vector files need words without spaces")
        }
    }

    /// One `.vec` line without its newline: the word, then each value (shortest round-trip decimal).
    public static func line(_ word: String, _ vector: [Float]) -> String {
        var line = Array(word.utf8)
        for v in vector { line.append(32); appendFloat(v, to: &line) }
        return String(decoding: line, as: UTF8.self)
    }

    /// Shortest decimal that reads back as the same Float32 (Swift's description).
    @inline(__always)
    static func appendFloat(_ v: Float, to line: inout [UInt8]) {
        if v == 0 { line.append(48); return }
        var s = v.description
        s.withUTF8 { line.append(contentsOf: $0) }
    }
}
