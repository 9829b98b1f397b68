import Foundation

/// A fastText model (Bojanowski et al. 2017, "Enriching Word Vectors with Subword Information"):
/// the training arguments, the dictionary (words with counts, and a supervised model's labels),
/// the input matrix — one row per word, then `bucket` rows for the hashed character n-grams —
/// and the output matrix. A word's vector is the mean of its own row and its n-gram rows (§3.2;
/// fastText's `getWordVector`); a word outside the dictionary gets the mean of its n-gram rows.
///
/// Read from any fastText `.bin` (`FastTextModelReader`), written in fastText's own format
/// (`FastTextModelWriter`, the `--save-model` of `wordvec train --method fasttext`).
public final class FastTextModel: ModelArtifact, @unchecked Sendable {
    public let args: FastTextArgs
    /// The file format version (12 for fastText 0.9 and wordvec; 11 for 0.1–0.8; 0 for the
    /// older layout without a magic number).
    public let version: Int32
    /// The words (dictionary entries of type word), in row order.
    public let words: [String]
    public let counts: [Int]
    /// A supervised model's labels with their counts (dictionary entries after the words).
    public let labels: [(label: String, count: Int)]
    /// Tokens of the training corpus (fastText's `ntokens`).
    public let tokens: Int
    /// (words.count + bucket) × dim: word rows, then n-gram rows.
    let input: RowMatrix
    /// The output rows (words for unsupervised models, labels for supervised ones); nil when
    /// the file was read without it.
    let output: RowMatrix?
    /// A pruned model's map from n-gram bucket to its row among the kept buckets (nil: not pruned).
    let pruned: [Int32: Int32]?
    public let ngrams: FastTextNgrams
    private let index: WordIndex

    public var kind: String { "fastText model" }
    public var dim: Int { Int(args.dim) }

    init(args: FastTextArgs, version: Int32, words: [String], counts: [Int], labels: [(label: String, count: Int)] = [],
         tokens: Int, input: RowMatrix, output: RowMatrix?, pruned: [Int32: Int32]? = nil, place: String) throws {
        self.args = args
        self.version = version
        self.words = words
        self.counts = counts
        self.labels = labels
        self.tokens = tokens
        self.input = input
        self.output = output
        self.pruned = pruned
        // fastText 0.1–0.8 (version 11) supervised models use no character n-grams, whatever maxn says.
        let maxn = version == 11 && args.model == FastTextArgs.Model.supervised.rawValue ? 0 : Int(args.maxn)
        ngrams = FastTextNgrams(minn: Int(args.minn), maxn: maxn, bucket: Int(args.bucket))
        index = try WordIndex(words: words, place: place)
    }

    /// Writes the model as a fastText `.bin` (format version 12). Throws `.unwritable`.
    public func save(to path: String) throws { try FastTextModelWriter.write(self, to: path) }

    /// The row of a dictionary word, or nil.
    public func row(of word: String) -> Int? { index[word] }

    /// The input rows whose mean is `word`'s vector: its own row (if it is a dictionary word)
    /// and the rows of its n-grams (none for fastText's end-of-sentence token `</s>`).
    public func rows(of word: String) -> [Int] {
        let own = index[word]
        if own != nil && word == "</s>" { return [own!] }
        var rows = own.map { [$0] } ?? []
        for b in ngrams.buckets(word) {
            if let pruned {
                if let kept = pruned[Int32(b)] { rows.append(words.count + Int(kept)) }
            } else {
                rows.append(words.count + b)
            }
        }
        return rows
    }

    /// Input row `i` (`dim` values): a word's own row, or words.count + bucket for an n-gram.
    public func inputRow(_ i: Int) -> [Float] { Array(UnsafeBufferPointer(start: input.row(i), count: dim)) }

    /// fastText's vector of `word` (`print-word-vectors`): the mean of `rows(of:)`; nil when the
    /// word is unknown and has no n-gram.
    public func vector(_ word: String) -> [Float]? {
        let rows = rows(of: word)
        guard !rows.isEmpty else { return nil }
        var v = [Float](repeating: 0, count: dim)
        v.withUnsafeMutableBufferPointer { mean(rows, into: $0.baseAddress!) }
        return v
    }

    /// Writes the mean of `rows` into `out` (dim floats).
    func mean(_ rows: [Int], into out: UnsafeMutablePointer<Float>) {
        let d = dim
        out.initialize(repeating: 0, count: d)
        for r in rows {
            let p = input.row(r)
            for k in 0..<d { out[k] += p[k] }
        }
        let inv = 1 / Float(rows.count)
        for k in 0..<d { out[k] *= inv }
    }

    /// Every dictionary word's vector (what fastText's `.vec` output holds), words.count × dim,
    /// computed on `threads` threads.
    public func wordVectors(threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Embeddings {
        let d = dim, n = words.count
        var v = [Float](repeating: 0, count: n * d)
        let chunk = 4096
        v.withUnsafeMutableBufferPointer { buf in
            let base = UncheckedPointer(buf.baseAddress!)
            try? parallelFor((n + chunk - 1) / chunk, threads: threads) { c, _ in
                for i in (c * chunk)..<min(n, (c + 1) * chunk) { self.mean(self.rows(of: self.words[i]), into: base.p + i * d) }
            }
        }
        return try! Embeddings(words: words, dim: d, vectors: v)
    }
}
