import ArgumentParser
import WordVec

/// `wordvec train --method lsa`.
struct LSAArguments: MethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method lsa",
        abstract: "LSA (Deerwester et al. 1990): the word × document tf-idf matrix reduced by truncated SVD; vectors U·Σ^eig.",
        discussion: "The matrix is tfidf's (same document and weighting flags); the SVD is randomized (Halko, Martinsson & Tropp 2011). See docs/methods/lsa.md."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "Documents and weighting") var weighting: TfIdfFlags
    @OptionGroup(title: "Model") var model: LSAOptions
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { lsaConfig }

    var lsaConfig: LSAConfig {
        var c = common(LSAConfig())
        c.weighting = weighting.options
        c.dim = model.dim
        c.eig = model.eig
        c.oversampling = model.oversampling
        c.powerIterations = model.powerIterations
        c.seed = model.seed
        return c
    }

    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try LSATrainer(config: lsaConfig).train(corpus, progress: progress)
    }
}

/// The model flags of LSA (defaults from `LSAConfig`).
struct LSAOptions: ParsableArguments {
    private static let defaults = LSAConfig()

    @Option(parsing: .unconditional, help: "Vector dimension: the number of singular vectors kept.")
    var dim = defaults.dim

    @Option(parsing: .unconditional, help: "Eigenvalue weighting p of the word vectors U·Σ^p (1: Deerwester et al.; 0 or 0.5: Levy et al. 2015).")
    var eig = defaults.eig

    @Option(parsing: .unconditional, help: "Extra random columns of the randomized SVD.")
    var oversampling = defaults.oversampling

    @Option(name: .customLong("power-iterations"), parsing: .unconditional, help: "Power iterations of the randomized SVD.")
    var powerIterations = defaults.powerIterations

    @Option(parsing: .unconditional, help: "Random seed of the SVD.")
    var seed = defaults.seed
}
