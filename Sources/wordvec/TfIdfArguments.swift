import ArgumentParser
import WordVec

/// `wordvec train --method tfidf`.
struct TfIdfArguments: MethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method tfidf",
        abstract: "tf-idf (Salton; Spärck Jones 1972): each word is its row of the word × document tf-idf matrix.",
        discussion: "Sparse vectors, one dimension per document, rows of unit length; written as sparse text unless -o names a dense format. Words that never share a document have cosine 0. See docs/methods/tfidf.md."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "Documents and weighting") var weighting: TfIdfFlags
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { tfidfConfig }

    var tfidfConfig: TfIdfConfig {
        var c = common(TfIdfConfig())
        c.weighting = weighting.options
        return c
    }

    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try TfIdfTrainer(config: tfidfConfig).train(corpus, progress: progress)
    }
}

/// The documents and the weighting of a word × document matrix (`tfidf`, `lsa`; defaults from
/// `TfIdfOptions`).
struct TfIdfFlags: ParsableArguments {
    private static let defaults = TfIdfOptions()

    @Option(parsing: .unconditional, help: "What a document is: lines, paragraphs (separated by blank lines) or chunks:N (N tokens).")
    var documents = defaults.documents

    @Option(name: .customLong("doc-size"), parsing: .unconditional, help: "Documents of N consecutive tokens, ignoring line breaks (the same as --documents chunks:N; for one-line corpora such as text8).")
    var docSize: Int?

    @Option(parsing: .unconditional, help: "Term frequency: raw (the count) or log (1 + ln count).")
    var tf = defaults.tf

    @Option(parsing: .unconditional, help: "Inverse document frequency: smooth (ln((1+N)/(1+df)) + 1), plain (ln(N/df)) or none.")
    var idf = defaults.idf

    @Option(name: .customLong("doc-norm"), parsing: .unconditional, help: "Document normalisation: l2 (each document's weights scaled to unit length) or none.")
    var docNorm = defaults.documentNorm

    func validate() throws {
        if let docSize {
            guard docSize >= 1 else { throw ValidationError("--doc-size must be at least 1 (got \(docSize))") }
            if documents != Self.defaults.documents {
                throw ValidationError("--doc-size and --documents both say what a document is; give one")
            }
        }
    }

    var options: TfIdfOptions {
        var o = TfIdfOptions()
        o.documents = docSize.map { .chunks($0) } ?? documents
        o.tf = tf
        o.idf = idf
        o.documentNorm = docNorm
        return o
    }
}

extension DocumentMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public var defaultValueDescription: String { description }
}
extension TermFrequency: ExpressibleByArgument {}
extension InverseDocumentFrequency: ExpressibleByArgument {}
extension DocumentNormalization: ExpressibleByArgument {}
