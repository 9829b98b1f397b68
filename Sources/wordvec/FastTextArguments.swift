import ArgumentParser
import WordVec

/// `wordvec train --method fasttext`.
struct FastTextArguments: IterativeMethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method fasttext",
        abstract: "fastText (Bojanowski et al. 2017): skip-gram or CBOW over each word's row plus its character n-gram rows.",
        discussion: """
        Defaults are the fasttext CLI's; its flag names are accepted beside wordvec's (--ws, --epoch, --neg, --lr). \
        -o writes the word vectors (.vec, as fastText's); --save-model writes the model as a fastText .bin that \
        fasttext and gensim open and wordvec's vectors, neighbors, similarity and analogy read (unseen words are \
        composed from their n-grams). See docs/methods/fasttext.md.
        """
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "Model") var model: FastTextOptions
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Checkpoint") var checkpoint: CheckpointOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { fastTextConfig }
    var saveModel: String? { model.saveModel }

    var fastTextConfig: FastTextConfig {
        var c = common(FastTextConfig(architecture: model.model))
        c.dim = model.dim
        c.window = model.window
        c.epochs = model.epochs
        c.negative = model.negative
        c.sample = model.sample
        c.alpha = model.alpha
        c.minn = model.minn
        c.maxn = model.maxn
        c.bucket = model.bucket
        c.seed = model.seed
        return c
    }

    func train(_ corpus: Corpus, checkpoint policy: CheckpointPolicy?, progress: ProgressReporter) throws -> TrainedModel {
        try FastTextTrainer(config: fastTextConfig, checkpoint: policy).train(corpus, progress: progress)
    }
}

/// The model flags of fastText; defaults from `FastTextConfig` (the fasttext CLI's).
struct FastTextOptions: ParsableArguments {
    private static let defaults = FastTextConfig()

    @Option(parsing: .unconditional, help: "skipgram (the word's bag predicts its context) or cbow (the context's bags predict the word); fasttext's command.")
    var model = defaults.architecture

    @Option(parsing: .unconditional, help: "Vector dimension (fasttext -dim).")
    var dim = defaults.dim

    @Option(name: [.customLong("window"), .customLong("ws")], parsing: .unconditional, help: "Maximum context window; each position draws 1...window (fasttext -ws).")
    var window = defaults.window

    @Option(name: [.customLong("epochs"), .customLong("epoch")], parsing: .unconditional, help: "Passes over the corpus (fasttext -epoch).")
    var epochs = defaults.epochs

    @Option(name: [.customLong("negative"), .customLong("neg")], parsing: .unconditional, help: "Negative samples per positive, drawn ∝ count^0.5 (fasttext -neg).")
    var negative = defaults.negative

    @Option(parsing: .unconditional, help: "Subsampling threshold for frequent words (fasttext -t).")
    var sample = defaults.sample

    @Option(name: [.customLong("alpha"), .customLong("lr")], parsing: .unconditional, help: "Initial learning rate, decayed linearly (fasttext -lr).")
    var alpha = defaults.alpha

    @Option(parsing: .unconditional, help: "Shortest character n-gram (fasttext -minn).")
    var minn = defaults.minn

    @Option(parsing: .unconditional, help: "Longest character n-gram; 0 = no n-grams, plain word2vec (fasttext -maxn).")
    var maxn = defaults.maxn

    @Option(parsing: .unconditional, help: "Rows the n-grams are hashed into (fasttext -bucket).")
    var bucket = defaults.bucket

    @Option(name: .customLong("save-model"), help: "Also write the model as a fastText .bin (fasttext's -output PREFIX.bin): word and n-gram rows, output rows, dictionary, arguments.")
    var saveModel: String?

    @Option(parsing: .unconditional, help: "Random seed; with --threads 1 the output is byte-identical on every run.")
    var seed = defaults.seed
}

extension FastTextConfig.Architecture: ExpressibleByArgument {}
