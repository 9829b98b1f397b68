import ArgumentParser
import Foundation
import WordVec

struct VocabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocab",
        abstract: "Count the words of a corpus and write `word count` lines (word2vec -save-vocab / GloVe vocab_count format)."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: VocabularyOptions
    @OptionGroup(title: "Run") var runOptions: RunOptions

    @Option(name: .shortAndLong, help: "Output file (- for stdout). Without it only the summary is printed.")
    var output: String?

    @Flag(help: "Print the summary as JSON on stdout.")
    var json = false

    func run() throws {
        if let output { try AtomicFile.checkWritable(output) }   // fail before counting the corpus
        let progress = ProgressReporter("vocab", mode: runOptions.progressMode)
        let source = try Corpus(path: corpus.corpus, multiPass: false)
        let counter = VocabularyCounter(options: corpus.tokenizerOptions, minCount: vocabulary.minCount,
                                        maxVocab: vocabulary.maxVocab, threads: runOptions.threads)
        let result = try counter.count(source, progress: progress)
        if let w = result.warnings.summary { progress.note(w) }
        if result.prunings > 0 {
            progress.note("note: the type table was pruned \(result.prunings) times to bound memory (types seen at most \(result.pruneThreshold - 1) times dropped early)")
        }
        if result.tokens == 0 { throw WordVecError.emptyCorpus(corpus.corpus) }
        let v = result.vocabulary
        if let output { try v.save(to: output) }
        let coverage = result.tokens > 0 ? Double(v.keptTokens) / Double(result.tokens) : 0
        if json {
            let obj: [String: Any] = ["tokens": result.tokens, "types": result.types, "kept_types": v.count,
                                      "kept_tokens": v.keptTokens, "coverage": coverage]
            let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else if output != "-" {
            print("tokens \(result.tokens)  types \(result.types)  kept types \(v.count) (min-count \(vocabulary.minCount))  coverage \(String(format: "%.2f", coverage * 100))%")
        }
    }
}
