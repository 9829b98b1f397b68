import ArgumentParser
import Foundation
import WordVec

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "Nearest neighbours by cosine similarity; with no words, reads queries from stdin (one or more words a line).",
        discussion: "Dense and sparse vector files are searched as they are (sparse ones are never densified). With a fastText model (.bin), a word outside the vocabulary gets a vector composed from its character n-grams, marked 'composed'.",
        aliases: ["neighbours"]
    )

    @Argument(help: "A vector file (.vec, .bin, GloVe text or sparse) or a fastText model.")
    var vectors: String

    @Argument(help: "Query words.")
    var words: [String] = []

    @Option(name: .shortAndLong, help: "How many neighbours.")
    var k = 10

    @Option(help: "Query words outside the vocabulary: compose (default; a vector from their character n-grams, fastText .bin models only) or skip (reported as not in the vocabulary).")
    var oov: OOVPolicy = .compose

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON (one object per query).")
    var json = false

    func validate() throws {
        guard k > 0 else { throw ValidationError("-k must be positive") }
        if vectors == "-" && words.isEmpty { throw ValidationError("the vectors come from stdin, so give the query words as arguments") }
        if oov == .zero { throw ValidationError("--oov for neighbors is compose or skip") }
    }

    /// One query's answer, as printed (camelCase keys in JSON, as every other report).
    struct Answer: Encodable {
        struct Neighbor: Encodable { var word: String; var similarity: Double }
        var word: String
        var composed = false
        var neighbors: [Neighbor]?
        var error: String?
    }

    func run() throws {
        let set = try VectorSet.load(vectors, unicodeErrors: input.unicodeErrors)
        let index = CosineIndex(vectors: set.vectors)
        let words = set.vectors.words
        let rows = set.vectors.index
        var composedCount = 0
        defer {
            if composedCount > 0 {
                FileHandle.standardError.write(Data("neighbors: \(composedCount) query word\(composedCount == 1 ? "" : "s") outside the vocabulary composed from character n-grams\n".utf8))
            }
        }
        func answer(_ word: String) throws -> Answer {
            let hits: [(row: Int, similarity: Float)]
            var composed = false
            if let i = rows[word] {
                hits = try index.nearest(toRow: i, k: k)
            } else if oov == .compose, let v = set.composed(word) {
                hits = index.nearest(toVector: v, k: k)
                composed = true
                composedCount += 1
            } else {
                return Answer(word: word, error: "not in the vocabulary")
            }
            return Answer(word: word, composed: composed,
                          neighbors: hits.map { Answer.Neighbor(word: words[$0.row], similarity: Double($0.similarity)) })
        }
        if self.words.isEmpty {
            while let line = readLine() {
                for w in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) { try show(answer(String(w))) }
            }
            return
        }
        let answers = try self.words.map(answer)
        for a in answers { try show(a) }
        if answers.allSatisfy({ $0.error != nil }) {
            throw WordVecError.invalidInput("none of the query words is in \(vectors)")
        }
    }

    private func show(_ a: Answer) throws {
        if json { return print(try EvalJSON.encode(a, compact: true)) }
        if let error = a.error { return print("\(a.word): \(error)") }
        print("\(a.word):" + (a.composed ? " (composed from n-grams)" : ""))
        for n in a.neighbors ?? [] {
            let pad = String(repeating: " ", count: max(1, 21 - n.word.count))
            print("  " + n.word + pad + String(format: "%.4f", n.similarity))
        }
    }
}
