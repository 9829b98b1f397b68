import ArgumentParser

/// The vocabulary flags of `train`: which words are kept, and the vocabulary files.
struct TrainVocabularyOptions: ParsableArguments {
    @OptionGroup var kept: VocabularyOptions

    @Option(name: .customLong("read-vocab"), help: "Use this vocabulary (`word count` lines) instead of counting the corpus (word2vec's -read-vocab; --min-count and --max-vocab still apply).")
    var readVocab: String?

    @Option(name: .customLong("save-vocab"), help: "Also write the vocabulary (`word count` lines) to this file.")
    var saveVocab: String?
}
