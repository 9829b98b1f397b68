import ArgumentParser
import WordVec

/// `wordvec train --method ppmi`.
struct PPMIArguments: MethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method ppmi",
        abstract: "PPMI (Church & Hanks 1990; Levy, Goldberg & Dagan 2015): sparse positive PMI vectors over context words.",
        discussion: "One dimension per vocabulary word, written in the sparse vector format (header N D sparse). See docs/methods/ppmi.md."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "PPMI") var ppmi: PPMIOptions
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { ppmiConfig }

    var ppmiConfig: PPMIConfig {
        var c = common(PPMIConfig())
        c.ppmi = ppmi.settings
        c.seed = ppmi.seed
        return c
    }

    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try PPMITrainer(config: ppmiConfig).train(corpus, progress: progress)
    }
}

/// `wordvec train --method ppmi-svd`.
struct PPMISVDArguments: MethodArguments {
    static let configuration = CommandConfiguration(
        commandName: "wordvec train --method ppmi-svd",
        abstract: "PPMI + truncated SVD (Levy, Goldberg & Dagan 2015): dense vectors U·Σ^eig of the PPMI matrix.",
        discussion: "The randomized SVD of Halko, Martinsson & Tropp (2011), as sklearn's randomized_svd. See docs/methods/ppmi.md."
    )

    @OptionGroup(title: "Corpus") var corpus: CorpusOptions
    @OptionGroup(title: "Vocabulary") var vocabulary: TrainVocabularyOptions
    @OptionGroup(title: "PPMI") var ppmi: PPMIOptions
    @OptionGroup(title: "SVD") var svd: PPMISVDOptions
    @OptionGroup(title: "Output") var output: TrainOutputOptions
    @OptionGroup(title: "Run") var run: RunOptions

    var config: any TrainerConfig { svdConfig }

    var svdConfig: PPMISVDConfig {
        var c = common(PPMISVDConfig())
        c.ppmi = ppmi.settings
        c.seed = ppmi.seed
        c.dim = svd.dim
        c.eig = svd.eig
        c.output = svd.vectors
        c.oversampling = svd.oversampling
        c.powerIterations = svd.powerIterations
        return c
    }

    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try PPMISVDTrainer(config: svdConfig).train(corpus, progress: progress)
    }
}

/// The counting and weighting flags of ppmi and ppmi-svd (defaults from `PPMISettings`).
struct PPMIOptions: ParsableArguments {
    private static let defaults = PPMISettings()

    @Option(parsing: .unconditional, help: "Context window: words up to this many tokens away, on both sides.")
    var window = defaults.window

    @Flag(name: .customLong("dynamic-window"), help: "word2vec's dynamic window, in expectation: distance d counts (window - d + 1) / window.")
    var dynamicWindow = defaults.dynamicWindow

    @Option(name: [.customLong("sub"), .customLong("sample")], parsing: .unconditional,
            help: "Subsampling threshold for frequent words before windowing (word2vec's formula; 0 disables).")
    var sample = defaults.sample

    @Option(parsing: .unconditional, help: "Context-distribution smoothing: P(c) ∝ #c^cds (1 disables).")
    var cds = defaults.cds

    @Option(parsing: .unconditional, help: "Shift k: PPMI = max(PMI - log k, 0) (SGNS with k negatives; 1 disables).")
    var shift = defaults.shift

    @Option(parsing: .unconditional, help: "Memory for counting, in GB (spills sorted runs to disk beyond it).")
    var memory = Double(defaults.memoryBytes) / 1e9

    @Option(parsing: .unconditional, help: "Random seed (the subsampling draws; with ppmi-svd also the SVD's random test matrix).")
    var seed: UInt64 = 1

    var settings: PPMISettings {
        var s = PPMISettings()
        s.window = window
        s.dynamicWindow = dynamicWindow
        s.sample = sample
        s.cds = cds
        s.shift = shift
        s.memoryBytes = memoryBytes(gigabytes: memory)
        return s
    }
}

/// The SVD flags of ppmi-svd (defaults from `PPMISVDConfig`).
struct PPMISVDOptions: ParsableArguments {
    private static let defaults = PPMISVDConfig()

    @Option(parsing: .unconditional, help: "Vector dimension (the SVD's rank).")
    var dim = defaults.dim

    @Option(parsing: .unconditional, help: "Eigenvalue weighting p: word vectors U·Σ^p (0, 0.5 or 1).")
    var eig = defaults.eig

    @Option(parsing: .unconditional, help: "Which vectors to write: word (W = U·Σ^p) or sum (W + C, C = V·Σ^p).")
    var vectors = defaults.output

    @Option(parsing: .unconditional, help: "Extra random columns of the randomized SVD (sklearn's n_oversamples).")
    var oversampling = defaults.oversampling

    @Option(name: .customLong("power-iterations"), parsing: .unconditional, help: "Power iterations of the randomized SVD (sklearn's n_iter).")
    var powerIterations = defaults.powerIterations
}
