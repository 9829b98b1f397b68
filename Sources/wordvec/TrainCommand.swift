import ArgumentParser
import Foundation
import WordVec

/// The methods `wordvec train` knows; a new method is one case here plus its trainer.
enum Method: String, ExpressibleByArgument, CaseIterable {
    case sgns, cbow, glove
}

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train word vectors with any method and write them (with the run's settings beside them, as OUTPUT.config.json).",
        discussion: """
        Flags mean the same as in word2vec, fastText and GloVe. Method defaults:
          sgns   skip-gram, negative sampling: dim 100, window 5, negative 5, sample 1e-3, alpha 0.025, epochs 5
          cbow   CBOW (mean of context), negative sampling: as sgns with alpha 0.05
                 (--hs for hierarchical softmax instead of negative sampling, with either)
          glove  window 10 (1/distance weights), x-max 100, alpha 0.75 (weighting exponent), eta 0.05, epochs 15
        """
    )

    @Option(help: "Method: \(Method.allCases.map(\.rawValue).joined(separator: ", ")).")
    var method: Method = .sgns

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .shortAndLong, help: "Output vector file (- for stdout).")
    var output: String

    @Option(help: "Output format: vec, bin, glove or sparse (default: from the extension, else vec).")
    var format: VectorFormat?

    @Option(help: "Vector dimension.")
    var dim = 100

    @Option(help: "Context window (default: 5, GloVe 10).")
    var window: Int?

    @Option(help: "Passes over the corpus (default: 5, GloVe 15).")
    var epochs: Int?

    @Option(help: "Negative samples per positive (word2vec); 0 with --hs for pure hierarchical softmax.")
    var negative = 5

    @Flag(help: "Hierarchical softmax (Huffman tree) (word2vec); with --negative 0 instead of negative sampling, else both, as word2vec.c.")
    var hs = false

    @Option(help: "Subsampling threshold for frequent words (word2vec formula; 0 disables).")
    var sample = 1e-3

    @Option(help: "Learning rate (word2vec: 0.025 sgns, 0.05 cbow) or, for GloVe, the weighting exponent (0.75).")
    var alpha: Double?

    @Option(name: .customLong("x-max"), help: "GloVe: co-occurrence count where the weight reaches 1.")
    var xMax = 100.0

    @Option(help: "GloVe: AdaGrad initial learning rate.")
    var eta = 0.05

    @Option(help: "GloVe: memory for co-occurrence counting, in GB (spills sorted runs to disk beyond it).")
    var memory = 4.0

    @Flag(help: "GloVe: count left context only (the reference's -symmetric 0); default both sides.")
    var asymmetric = false

    @Option(help: "Random seed; with --threads 1 the output is byte-identical on every run.")
    var seed: UInt64 = 1

    @Option(name: .customLong("save-context"), help: "Also write the context (output) vectors to this file.")
    var saveContext: String?

    @Option(name: .customLong("save-vocab"), help: "Also write the vocabulary (`word count` lines) to this file.")
    var saveVocab: String?

    @Option(help: "Which vectors to write: word, context, or sum (W + C; GloVe's default).")
    var vectors: VectorChoice?

    func validate() throws {
        guard dim > 0 else { throw ValidationError("--dim must be positive") }
        if let window, window < 1 { throw ValidationError("--window must be at least 1") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        guard negative >= 0 else { throw ValidationError("--negative must be 0 or more") }
        guard hs || negative > 0 || method == .glove else { throw ValidationError("--negative 0 needs --hs") }
        if method != .glove && negative == 0 {
            // Hierarchical softmax alone has no per-word output vectors.
            guard (vectors ?? .word) == .word, saveContext == nil else {
                throw ValidationError("--vectors context|sum and --save-context need negative sampling (--negative > 0)")
            }
        }
        if let window, window > 1000 { throw ValidationError("--window must be at most 1000") }
        guard negative <= 1000, dim <= 100_000 else { throw ValidationError("--negative must be at most 1000 and --dim at most 100000") }
        guard sample >= 0 else { throw ValidationError("--sample must be 0 or more") }
        guard sample.isFinite else { throw ValidationError("--sample must be a finite number") }
        if let alpha, !(alpha > 0 && alpha.isFinite) { throw ValidationError("--alpha must be a positive number") }
        guard xMax > 0, eta > 0, memory > 0, xMax.isFinite, eta.isFinite else {
            throw ValidationError("--x-max, --eta and --memory must be positive numbers")
        }
        guard memory <= 1e6 else { throw ValidationError("--memory is in GB: at most 1000000") }
    }

    func run() throws {
        // A bad output path should fail now, not after the training.
        for path in [output, saveContext, saveVocab].compactMap({ $0 }) { try AtomicFile.checkWritable(path) }
        let progress = ProgressReporter("train \(method.rawValue)", mode: corpus.progressMode)
        let source = try Corpus(path: corpus.corpus)
        let (model, config) = try train(source, progress: progress)
        let format = self.format ?? VectorFormat.fromExtension(output)
        try VectorFileWriter.write(model.vectors, to: output, format: format)
        if let saveContext, let context = model.context {
            try VectorFileWriter.write(context, to: saveContext, format: VectorFormat.fromExtension(saveContext))
        }
        if let saveVocab { try model.vocabulary.save(to: saveVocab) }
        if output != "-" {
            try AtomicFile.write(to: output + ".config.json") { try $0.write(config + "\n") }
        }
    }

    /// Runs the chosen trainer; returns the model and its settings as JSON.
    func train(_ source: Corpus, progress: ProgressReporter) throws -> (TrainedModel, String) {
        switch method {
        case .sgns, .cbow:
            var c = Word2VecConfig()
            c.architecture = method == .sgns ? .skipGram : .cbow
            c.tokenizer = corpus.tokenizerOptions
            c.minCount = corpus.minCount
            c.maxVocab = corpus.maxVocab
            c.threads = corpus.threads
            c.dim = dim
            c.window = window ?? 5
            c.epochs = epochs ?? 5
            c.negative = negative
            c.hierarchicalSoftmax = hs
            c.sample = sample
            c.alpha = alpha ?? (method == .sgns ? 0.025 : 0.05)
            c.seed = seed
            c.output = vectors ?? .word
            return (try Word2VecTrainer(config: c).train(source, progress: progress), try jsonString(c))
        case .glove:
            var c = GloVeConfig()
            c.tokenizer = corpus.tokenizerOptions
            c.minCount = corpus.minCount
            c.maxVocab = corpus.maxVocab
            c.threads = corpus.threads
            c.dim = dim
            c.window = window ?? 10
            c.symmetric = !asymmetric
            c.epochs = epochs ?? 15
            c.xMax = xMax
            c.alpha = alpha ?? 0.75
            c.eta = eta
            c.seed = seed
            c.memoryBytes = Int(memory * 1e9)
            c.output = vectors ?? .sum
            return (try GloVeTrainer(config: c).train(source, progress: progress), try jsonString(c))
        }
    }

    func jsonString<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension VectorChoice: ExpressibleByArgument {}
