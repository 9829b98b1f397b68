import ArgumentParser
import WordVec

/// One word2vec architecture as `train --method` names it.
protocol Word2VecVariant {
    static var architecture: Word2VecConfig.Architecture { get }
    static var abstract: String { get }
}

enum SkipGramVariant: Word2VecVariant {
    static let architecture = Word2VecConfig.Architecture.skipGram
    static let abstract = "skip-gram (Mikolov et al. 2013): each word predicts its context words."
}

enum CBOWVariant: Word2VecVariant {
    static let architecture = Word2VecConfig.Architecture.cbow
    static let abstract = "CBOW (Mikolov et al. 2013): the mean of the context words predicts the word."
}

/// `wordvec train --method sgns|cbow`.
struct Word2VecArguments<V: Word2VecVariant>: IterativeMethodArguments {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "wordvec train --method \(V.architecture.rawValue)", abstract: V.abstract,
                             discussion: "Negative sampling by default; --hs adds hierarchical softmax (with --negative 0, instead of it), as word2vec.c. See docs/methods/word2vec.md.")
    }

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "Model") var model: Word2VecOptions<V>
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Checkpoint") var checkpoint: CheckpointOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { word2vecConfig }

    var word2vecConfig: Word2VecConfig {
        var c = common(Word2VecConfig(architecture: V.architecture))
        c.dim = model.dim
        c.window = model.window
        c.epochs = model.epochs
        c.negative = model.negative
        c.hierarchicalSoftmax = model.hs
        c.sample = model.sample
        c.alpha = model.alpha
        c.seed = model.seed
        c.output = model.vectors
        return c
    }

    func train(_ corpus: Corpus, checkpoint policy: CheckpointPolicy?, progress: ProgressReporter) throws -> TrainedModel {
        try Word2VecTrainer(config: word2vecConfig, checkpoint: policy).train(corpus, progress: progress)
    }
}

/// The model flags of word2vec, named as word2vec.c's (defaults from `Word2VecConfig`).
struct Word2VecOptions<V: Word2VecVariant>: ParsableArguments {
    private static var defaults: Word2VecConfig { Word2VecConfig(architecture: V.architecture) }

    @Option(parsing: .unconditional, help: "Vector dimension.")
    var dim = Self.defaults.dim

    @Option(parsing: .unconditional, help: "Maximum context window (each position draws 1...window).")
    var window = Self.defaults.window

    @Option(parsing: .unconditional, help: "Passes over the corpus.")
    var epochs = Self.defaults.epochs

    @Option(parsing: .unconditional, help: "Negative samples per positive; 0 with --hs for hierarchical softmax alone.")
    var negative = Self.defaults.negative

    @Flag(help: "Hierarchical softmax (Huffman tree); with --negative 0 instead of negative sampling, else both.")
    var hs = Self.defaults.hierarchicalSoftmax

    @Option(parsing: .unconditional, help: "Subsampling threshold for frequent words (word2vec's formula; 0 disables).")
    var sample = Self.defaults.sample

    @Option(parsing: .unconditional, help: "Initial learning rate, decayed linearly.")
    var alpha = Self.defaults.alpha

    @Option(parsing: .unconditional, help: "Which vectors to write: word, context, or sum (W + C).")
    var vectors = Self.defaults.output

    @Option(parsing: .unconditional, help: "Random seed; with --threads 1 the output is byte-identical on every run.")
    var seed = Self.defaults.seed
}
