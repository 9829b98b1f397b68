import ArgumentParser
import Foundation
import WordVec

struct AnalogyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analogy",
        abstract: "Analogy accuracy (a : b :: c : ?) per section, semantic/syntactic and total, with input exclusion made visible.",
        discussion: """
        QUESTIONS is the Google format (`: section` lines, then `a b c d`) or MSR/BATS style (`a b c d` lines only). \
        Defaults match gensim's evaluate_word_analogies(restrict_vocab=30000, case_insensitive=True): the same \
        questions are covered and the same answers are chosen. Every row shows the standard accuracy (inputs \
        excluded), the accuracy over all questions (skipped ones count as wrong), the accuracy with the inputs kept \
        as candidates, and how often the best candidate is then an input word. See docs/evaluation.md.
        """
    )

    @Argument(help: "A vector file (.vec, .bin, GloVe text or sparse) or a fastText model .bin.")
    var vectors: String

    @Argument(help: "The questions file (or use --questions).")
    var questionsFile: String?

    @Option(name: .customLong("questions"), help: "The questions file.")
    var questionsOption: String?

    @Option(help: "add (3CosAdd) or mul (3CosMul, Levy & Goldberg 2014).")
    var method: AnalogyMethod = .add

    @Option(help: "Use only the N most frequent words (the first N rows of the file); 0 = all.")
    var restrict = 30_000

    @Flag(help: "Match words with their case (default: case-insensitive, as gensim and word2vec's compute-accuracy).")
    var keepCase = false

    @Option(help: "Threads for scanning the scores.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Question words outside the vocabulary: skip the question (default) or compose (vectors from character n-grams for a, b and c; fastText .bin models only; the answer must be a vocabulary word).")
    var oov: OOVPolicy = .skip

    @OptionGroup var input: InputOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    var questions: String { questionsOption ?? questionsFile ?? "" }

    func validate() throws {
        if questionsFile != nil && questionsOption != nil { throw ValidationError("give the questions file once (argument or --questions)") }
        if questionsFile == nil && questionsOption == nil { throw ValidationError("missing the questions file (e.g. questions-words.txt)") }
        if restrict < 0 { throw ValidationError("--restrict must be 0 (all) or positive") }
        if threads < 1 || threads > 1024 { throw ValidationError("--threads must be between 1 and 1024") }
        if oov == .zero { throw ValidationError("--oov for analogy is skip or compose") }
    }

    func run() throws {
        let progress = ProgressReporter("analogy", mode: quiet ? .quiet : .auto)
        let set = try AnalogyQuestionSet.load(questions, unicodeErrors: input.unicodeErrors)
        let loaded = try VectorSet.load(vectors, unicodeErrors: input.unicodeErrors)
        let options = AnalogyOptions(method: method, restrict: restrict, caseFolding: !keepCase, threads: threads)
        var report = try AnalogyBenchmark.evaluate(loaded, questions: set, options: options, oov: oov, questionsFile: questions, progress: progress)
        report.vectorsFile = vectors
        if json {
            print(try EvalJSON.encode(report))
        } else {
            print(report.renderText(), terminator: "")
        }
        progress.finish(String(format: "%d questions, %d covered, %@ accuracy %.2f%% in %.2f s", report.total.questions,
                               report.total.covered, method.displayName, 100 * (report.total.accuracy ?? 0), report.seconds))
    }
}

extension AnalogyMethod: ExpressibleByArgument {}
