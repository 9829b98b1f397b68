import Foundation

/// Writes a `FastTextModel` in fastText's `.bin` layout, format version 12 (fastText 0.9's
/// `FastText::saveModel`): magic number and version, `Args::save`, `Dictionary::save`, the
/// `quant` flag (0), the input matrix (`DenseMatrix::save`: rows, columns as int64, then
/// float32 row by row), the `qout` flag (0) and the output matrix. All little-endian.
/// fastText (`print-word-vectors`, `nn`) and gensim (`load_facebook_model`) read it.
public enum FastTextModelWriter {
    /// Writes atomically (a failure leaves no partial file). Throws `.unwritable`.
    public static func write(_ model: FastTextModel, to path: String) throws {
        try AtomicFile.write(to: path) { file in
            var head = BinaryWriter()
            head.int32(FastTextModelReader.magic)
            head.int32(FastTextModelReader.newestVersion)
            for v in model.args.integers { head.int32(v) }
            head.int64(Int64(model.args.t.bitPattern))
            head.int32(Int32(model.words.count + model.labels.count))
            head.int32(Int32(model.words.count))
            head.int32(Int32(model.labels.count))
            head.int64(Int64(model.tokens))
            head.int64(model.pruned.map { Int64($0.count) } ?? -1)
            for (w, c) in zip(model.words, model.counts) { head.entry(w, count: c, type: 0) }
            for (l, c) in model.labels { head.entry(l, count: c, type: 1) }
            for (k, v) in (model.pruned ?? [:]).sorted(by: { $0.key < $1.key }) { head.int32(k); head.int32(v) }
            head.bytes.append(0)                       // quant_: not quantized
            try file.write(head.bytes)
            try writeMatrix(model.input, dim: model.dim, to: file)
            try file.write([0])                        // qout: not quantized
            try writeMatrix(model.output ?? (try RowMatrix(rows: 0, dim: model.dim)), dim: model.dim, to: file)
        }
    }

    /// Rows and columns (int64), then each row's `dim` floats (the padding is not written).
    private static func writeMatrix(_ m: RowMatrix, dim: Int, to file: AtomicFile) throws {
        var size = BinaryWriter()
        size.int64(Int64(m.rows))
        size.int64(Int64(dim))
        try file.write(size.bytes)
        for r in 0..<m.rows { try file.write(UnsafeRawBufferPointer(start: m.row(r), count: 4 * dim)) }
    }
}

/// Little-endian encoding of the header fields.
private struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func int32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    /// A dictionary entry: the word's bytes, NUL, count (int64), type (int8).
    mutating func entry(_ word: String, count: Int, type: UInt8) {
        bytes.append(contentsOf: Array(word.utf8) + [0])
        int64(Int64(count))
        bytes.append(type)
    }
}
