import ArgumentParser
import Foundation
import WordVec

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "Nearest neighbours by cosine similarity; with no words, reads queries from stdin (one or more words a line).",
        aliases: ["neighbours"]
    )

    @Argument(help: "A vector file (.vec, .bin, GloVe text or sparse).")
    var vectors: String

    @Argument(help: "Query words.")
    var words: [String] = []

    @Option(name: .shortAndLong, help: "How many neighbours.")
    var k = 10

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard k > 0 else { throw ValidationError("-k must be positive") }
        if vectors == "-" && words.isEmpty { throw ValidationError("the vectors come from stdin, so give the query words as arguments") }
    }

    func run() throws {
        let e = try VectorFileReader.readDense(vectors, unicodeErrors: input.unicodeErrors)
        let unit = e.normalized().vectors
        func answer(_ word: String) -> [String: Any] {
            guard let i = e.index[word] else { return ["word": word, "error": "not in the vocabulary"] }
            let hits = e.nearest(to: e.row(i), k: k, unitRows: unit, excluding: [i])
            return ["word": word, "neighbors": hits.map { ["word": $0.word, "similarity": Double($0.similarity)] }]
        }
        func show(_ r: [String: Any]) throws {
            if json {
                let data = try JSONSerialization.data(withJSONObject: r, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else if let err = r["error"] as? String {
                print("\(r["word"]!): \(err)")
            } else {
                print("\(r["word"]!):")
                for n in r["neighbors"] as! [[String: Any]] {
                    let word = n["word"] as! String
                    let pad = String(repeating: " ", count: max(1, 21 - word.count))
                    print("  " + word + pad + String(format: "%.4f", n["similarity"] as! Double))
                }
            }
        }
        if words.isEmpty {
            while let line = readLine() {
                for w in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) { try show(answer(String(w))) }
            }
        } else {
            var missing = 0
            for w in words {
                let r = answer(w)
                if r["error"] != nil { missing += 1 }
                try show(r)
            }
            if missing == words.count {
                throw WordVecError.invalidInput("none of the query words is in \(vectors)")
            }
        }
    }
}
