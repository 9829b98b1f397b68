import ArgumentParser
import WordVec

/// The flags of one training method, parsed on their own (after `train --method` picked the
/// method), so that `wordvec train --method X --help` lists X's flags only, grouped, each with
/// its default taken from the library's config.
protocol MethodArguments: ParsableCommand {
    var corpus: CorpusOptions { get }
    var vocabulary: TrainVocabularyOptions { get }
    var output: TrainOutputOptions { get }
    var run: RunOptions { get }
    /// The library config these flags describe (not yet validated).
    var config: any TrainerConfig { get }
    /// Where `--save-model` writes the model artefact (methods that have one; nil otherwise).
    var saveModel: String? { get }
    /// Trains the method on `corpus` with that config.
    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel
}

extension MethodArguments {
    var saveModel: String? { nil }

    /// The settings every config shares, from the shared flag groups.
    func common<C: TrainerConfig>(_ config: C) -> C {
        var c = config
        c.vocabulary = vocabulary.kept.settings(corpus, readVocab: vocabulary.readVocab)
        c.threads = run.threads
        return c
    }
}

/// The bytes of a `--memory GB` flag (glove, ppmi, ppmi-svd, hal); a value too large to be
/// meant (or infinite) means no limit. The config's `validate()` checks the range.
func memoryBytes(gigabytes: Double) -> Int {
    gigabytes.isFinite && gigabytes < 1e7 ? Int(gigabytes * 1e9) : Int.max
}
