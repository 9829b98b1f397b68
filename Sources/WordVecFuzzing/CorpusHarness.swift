import Foundation
import WordVec

/// Corpus reading as the trainers do it: the tokenizer over a file, and the decompressors.
enum CorpusHarness {
    /// Every document's tokens (as tf-idf reads them), then every sentence of word ids over the
    /// table they filled (as word2vec reads them). A token is never empty.
    static func tokenize(_ path: String, options: TokenizerOptions) throws {
        let corpus = try Corpus(path: path)
        let table = WordTable(capacity: 1 << 10)
        let documents = try DocumentReader(corpus: corpus, options: options, mode: .paragraphs)
        while let tokens = try documents.nextTokens() {
            for t in tokens {
                if t.isEmpty { throw FuzzFinding(target: options.style == .raw ? .tokenizerRaw : .tokenizer, what: "an empty token") }
                let e = table.findOrInsert(t)
                table.values[e] = e
            }
        }
        var sentenceOptions = options
        sentenceOptions.maxSentenceLength = 7
        let sentences = try SentenceReader(corpus: corpus, table: table, options: sentenceOptions)
        var ids: [Int32] = []
        while try sentences.next(into: &ids) {
            if ids.isEmpty || ids.count > 7 || ids.contains(where: { $0 < 0 || Int($0) >= table.count }) {
                throw FuzzFinding(target: options.style == .raw ? .tokenizerRaw : .tokenizer, what: "a sentence of ids \(ids) for \(table.count) words")
            }
        }
    }

    /// Most decompressed bytes read per input: a small input may expand to gigabytes (a
    /// decompression bomb is not a reader bug; the readers stream).
    static let maximumOutput = 64 << 20

    /// The decompressed stream read to its end (or `maximumOutput`), in 64 KiB reads.
    static func decompress(_ path: String) throws {
        let source = try InputFile(path).open()
        let capacity = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var total = 0
        while total < maximumOutput {
            let n = try source.read(into: buffer, capacity: capacity)
            if n == 0 { break }
            total += n
        }
    }
}
