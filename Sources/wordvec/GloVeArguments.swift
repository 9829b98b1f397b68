import ArgumentParser
import WordVec

/// `wordvec train --method glove`.
struct GloVeArguments: IterativeMethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method glove",
        abstract: "GloVe (Pennington, Socher & Manning 2014): weighted least squares on log co-occurrence counts.",
        discussion: "The reference's four stages (vocab_count, cooccur, shuffle, glove) in one process, within --memory. Its -alpha (the weighting exponent) is --weight-power here, since --alpha is word2vec's learning rate. See docs/methods/glove.md."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "Model") var model: GloVeOptions
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Checkpoint") var checkpoint: CheckpointOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { gloveConfig }

    var gloveConfig: GloVeConfig {
        var c = common(GloVeConfig())
        c.dim = model.dim
        c.window = model.window
        c.symmetric = !model.asymmetric
        c.epochs = model.epochs
        c.xMax = model.xMax
        c.weightPower = model.weightPower
        c.eta = model.eta
        c.seed = model.seed
        c.memoryBytes = memoryBytes(gigabytes: model.memory)
        c.output = model.vectors
        return c
    }

    func train(_ corpus: Corpus, checkpoint policy: CheckpointPolicy?, progress: ProgressReporter) throws -> TrainedModel {
        try GloVeTrainer(config: gloveConfig, checkpoint: policy).train(corpus, progress: progress)
    }
}

/// The model flags of GloVe, named as the reference tools' (defaults from `GloVeConfig`).
struct GloVeOptions: ParsableArguments {
    private static let defaults = GloVeConfig()

    @Option(parsing: .unconditional, help: "Vector dimension.")
    var dim = defaults.dim

    @Option(parsing: .unconditional, help: "Context window (counts weighted 1/distance).")
    var window = defaults.window

    @Option(parsing: .unconditional, help: "Passes over the shuffled co-occurrence records (glove -iter).")
    var epochs = defaults.epochs

    @Option(name: .customLong("x-max"), parsing: .unconditional, help: "Co-occurrence count where the weight f(x) reaches 1.")
    var xMax = defaults.xMax

    @Option(name: .customLong("weight-power"), parsing: .unconditional, help: "Exponent of the weighting f(x) = (x/x-max)^p (the reference's -alpha).")
    var weightPower = defaults.weightPower

    @Option(parsing: .unconditional, help: "AdaGrad initial learning rate.")
    var eta = defaults.eta

    @Option(parsing: .unconditional, help: "Memory for counting and the records, in GB (spills sorted runs to disk beyond it).")
    var memory = Double(defaults.memoryBytes) / 1e9

    @Flag(help: "Count left context only (the reference's -symmetric 0); default both sides.")
    var asymmetric = !defaults.symmetric

    @Option(parsing: .unconditional, help: "Which vectors to write: word, context, or sum (W + W~, the paper's choice).")
    var vectors = defaults.output

    @Option(parsing: .unconditional, help: "Random seed; with --threads 1 the output is byte-identical on every run.")
    var seed = defaults.seed
}
