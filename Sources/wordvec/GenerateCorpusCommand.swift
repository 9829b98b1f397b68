import ArgumentParser
import Foundation
import WordVec

struct GenerateCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-corpus",
        abstract: "Write a deterministic synthetic corpus with planted topics, analogies and morphology (for tests and demos)."
    )

    @Option(name: .shortAndLong, help: "The corpus file to write.")
    var output: String

    @Option(help: "Number of sentences.")
    var sentences = 20_000

    @Option(help: "Random seed (the same seed gives the same bytes).")
    var seed: UInt64 = 1

    @Option(help: "Also write the planted analogies here (Google questions-words format).")
    var questions: String?

    @Option(help: "Also write word pairs with similarity scores here (WordSim-353 format).")
    var pairs: String?

    func validate() throws {
        guard sentences > 0 else { throw ValidationError("--sentences must be positive") }
    }

    func run() throws {
        for path in [output, questions, pairs].compactMap({ $0 }) { try AtomicFile.checkWritable(path) }
        let corpus = SyntheticCorpus(seed: seed)
        try corpus.write(sentences: sentences, to: output)
        if let questions { try AtomicFile.write(to: questions) { try $0.write(corpus.analogyQuestions()) } }
        if let pairs { try AtomicFile.write(to: pairs) { try $0.write(corpus.similarityPairs()) } }
    }
}
