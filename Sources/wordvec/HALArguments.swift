import ArgumentParser
import WordVec

/// `wordvec train --method hal`.
struct HALArguments: MethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method hal",
        abstract: "HAL (Lund & Burgess 1996): distance-weighted left and right context counts, reduced to --dim.",
        discussion: "Each word's left and right context counts (weighted window - d + 1), reduced to the --dim columns of highest variance or by truncated SVD. See docs/methods/hal.md."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "Model") var model: HALOptions
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { halConfig }

    var halConfig: HALConfig {
        var c = common(HALConfig())
        c.dim = model.dim
        c.window = model.window
        c.reduce = model.reduce
        c.memoryBytes = memoryBytes(gigabytes: model.memory)
        c.seed = model.seed
        return c
    }

    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try HALTrainer(config: halConfig).train(corpus, progress: progress)
    }
}

/// The model flags of HAL (defaults from `HALConfig`).
struct HALOptions: ParsableArguments {
    private static let defaults = HALConfig()

    @Option(parsing: .unconditional, help: "Vector dimension: context columns kept, or the SVD's rank.")
    var dim = defaults.dim

    @Option(parsing: .unconditional, help: "Window: a word d tokens away counts window - d + 1.")
    var window = defaults.window

    @Option(parsing: .unconditional, help: "Reduction: variance (keep the --dim columns of highest variance) or svd (U·Σ).")
    var reduce = defaults.reduce

    @Option(parsing: .unconditional, help: "Memory for counting, in GB (spills sorted runs to disk beyond it).")
    var memory = Double(defaults.memoryBytes) / 1e9

    @Option(parsing: .unconditional, help: "Random seed (the SVD's test matrix).")
    var seed = defaults.seed
}

extension HALConfig.Reduction: ExpressibleByArgument {}
