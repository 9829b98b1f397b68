import ArgumentParser
import WordVec

/// Which words are kept: shared by `vocab` and every method of `train`.
struct VocabularyOptions: ParsableArguments {
    @Option(name: .customLong("min-count"), parsing: .unconditional, help: "Drop words seen fewer times.")
    var minCount = VocabularySettings().minCount

    @Option(name: .customLong("max-vocab"), parsing: .unconditional, help: "Keep at most this many most frequent words (0: no limit).")
    var maxVocab = VocabularySettings().maxVocab

    func validate() throws {
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
        guard maxVocab >= 0 else { throw ValidationError("--max-vocab must be 0 or more") }
    }

    /// The library's settings from these flags and the corpus's tokenizer.
    func settings(_ corpus: CorpusOptions, readVocab: String? = nil) -> VocabularySettings {
        var s = VocabularySettings()
        s.tokenizer = corpus.tokenizerOptions
        s.minCount = minCount
        s.maxVocab = maxVocab
        s.readVocab = readVocab
        return s
    }
}
