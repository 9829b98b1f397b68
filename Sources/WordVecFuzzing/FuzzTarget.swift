import Foundation
import WordVec

/// One fuzzed reader: the bytes of a file in, the reader that commands use on such a file called
/// on them. Errors are the expected answer to bad bytes; a crash, a hang, a huge allocation or an
/// error that is not a `WordVecError` naming the file is a finding (see `FuzzFinding`).
///
/// `Fuzz/` (libFuzzer, `make fuzz`) and the test suite's replay of `Tests/FuzzCorpus/<name>/`
/// call the same `run`, so a replayed input runs exactly the code the fuzzer ran.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The corpus tokenizer (word2vec's whitespace rule): documents, then sentences of word ids.
    case tokenizer
    /// The same with `--tokenizer raw` (Unicode letters, marks and digits), lower-casing and NFC.
    case tokenizerRaw = "tokenizer-raw"
    /// Each decompressor libarchive runs for a corpus or any other input file.
    case gzip, bzip2, xz, zstd, zip
    /// Vector files: word2vec/fastText text, word2vec binary, GloVe text, sparse text, quantized.
    case vec, bin, glove, sparse, quantized
    /// A fastText model `.bin`.
    case fasttext
    /// A `word count` vocabulary file.
    case vocabulary
    /// Analogy questions (`: section` headers, `a b c d` lines).
    case analogy
    /// Word-similarity pairs (`a b score` lines).
    case similarity

    /// The input's file name extension (the CLI looks at it for compressed and vector files).
    var fileExtension: String {
        switch self {
        case .tokenizer, .tokenizerRaw, .vocabulary, .analogy: return "txt"
        case .gzip: return "txt.gz"
        case .bzip2: return "txt.bz2"
        case .xz: return "txt.xz"
        case .zstd: return "txt.zst"
        case .zip: return "zip"
        case .vec, .quantized: return "vec"
        case .bin, .fasttext: return "bin"
        case .glove: return "glove"
        case .sparse: return "sparse"
        case .similarity: return "tsv"
        }
    }

    /// Writes `bytes` to this process's input file and runs the target's reader on it.
    /// - Throws: `FuzzFinding` when the reader failed other than with a clear `WordVecError`.
    public func run(_ bytes: UnsafeRawBufferPointer) throws {
        let path = try FuzzInput.write(bytes, fileExtension: fileExtension)
        do {
            try read(path)
        } catch let error as WordVecError {
            guard error.description.contains(path) else {
                throw FuzzFinding(target: self, what: "the error does not name the file: \(error)")
            }
        } catch let error as FuzzFinding {
            throw error
        } catch {
            throw FuzzFinding(target: self, what: "not a WordVecError: \(type(of: error)): \(error)")
        }
    }

    public func run(_ data: Data) throws {
        try data.withUnsafeBytes { try run($0) }
    }

    private func read(_ path: String) throws {
        switch self {
        case .tokenizer: try CorpusHarness.tokenize(path, options: TokenizerOptions())
        case .tokenizerRaw: try CorpusHarness.tokenize(path, options: TokenizerOptions(style: .raw, lowercase: true, normalization: .nfc))
        case .gzip, .bzip2, .xz, .zstd, .zip: try CorpusHarness.decompress(path)
        case .vec: try VectorHarness.read(path, format: .vec)
        case .bin: try VectorHarness.read(path, format: .bin)
        case .glove: try VectorHarness.read(path, format: .glove)
        case .sparse: try VectorHarness.read(path, format: .sparse)
        case .quantized: try VectorHarness.read(path, format: nil)
        case .fasttext: try VectorHarness.readModel(path)
        case .vocabulary: _ = try Vocabulary.load(from: path)
        case .analogy: _ = try AnalogyQuestionSet.load(path)
        case .similarity: _ = try WordPairSet.load(path)
        }
    }
}

/// A reader misbehaved on an input: the fuzzer stops on it, the replay test fails on it.
public struct FuzzFinding: Error, CustomStringConvertible {
    public let target: FuzzTarget
    public let what: String
    public var description: String { "fuzz target \(target.rawValue): \(what)" }
}
