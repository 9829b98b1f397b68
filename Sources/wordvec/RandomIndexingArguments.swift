import ArgumentParser
import WordVec

/// `wordvec train --method random-indexing`.
struct RandomIndexingArguments: MethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method random-indexing",
        abstract: "Random Indexing (Kanerva et al. 2000; Sahlgren 2005): sums of sparse random index vectors over context windows.",
        discussion: "One streaming pass, no co-occurrence matrix: memory is the vocabulary × dim context vectors whatever the corpus length. --permutation encodes word order (Sahlgren, Holst & Kanerva 2008). See docs/methods/random-indexing.md."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "Model") var model: RandomIndexingOptions
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { randomIndexingConfig }

    var randomIndexingConfig: RandomIndexingConfig {
        var c = common(RandomIndexingConfig())
        c.dim = model.dim
        c.nonzeros = model.nonzeros
        c.window = model.window
        c.sample = model.sample
        c.permutation = model.permutation
        c.seed = model.seed
        return c
    }

    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try RandomIndexingTrainer(config: randomIndexingConfig).train(corpus, progress: progress)
    }
}

/// The model flags of Random Indexing (defaults from `RandomIndexingConfig`).
struct RandomIndexingOptions: ParsableArguments {
    private static let defaults = RandomIndexingConfig()

    @Option(parsing: .unconditional, help: "Dimension of the index and context vectors.")
    var dim = defaults.dim

    @Option(parsing: .unconditional, help: "Non-zero entries (half +1, half -1) of each random index vector; even.")
    var nonzeros = defaults.nonzeros

    @Option(parsing: .unconditional, help: "Context words on each side; the one at distance k is weighted 2^(1-k).")
    var window = defaults.window

    @Option(parsing: .unconditional, help: "Subsampling threshold for frequent words (word2vec's formula; 0 disables).")
    var sample = defaults.sample

    @Option(parsing: .unconditional, help: "Word order: none, direction (before/after rotated -1/+1) or order (rotated by the offset).")
    var permutation = defaults.permutation

    @Option(parsing: .unconditional, help: "Random seed of the index vectors and the subsampling; with --threads 1 the output is byte-identical on every run.")
    var seed = defaults.seed
}

extension RandomIndexingConfig.Permutation: ExpressibleByArgument {}
