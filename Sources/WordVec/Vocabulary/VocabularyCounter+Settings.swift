extension VocabularyCounter {
    /// The vocabulary step every trainer shares: reads `settings.readVocab` when given (no
    /// counting pass; min-count and max-vocab still apply), else counts the corpus on `threads`
    /// threads. Corpus warnings go to `progress` as one note. Throws `.emptyCorpus` when no word
    /// is kept, and the reading errors of the corpus or the vocabulary file.
    public static func vocabulary(for corpus: Corpus, settings: VocabularySettings, threads: Int,
                                  progress: ProgressReporter) throws -> Vocabulary {
        let vocabulary: Vocabulary
        if let path = settings.readVocab {
            let read = try Vocabulary.load(from: path)
            vocabulary = Vocabulary.build(Array(zip(read.words, read.counts)), minCount: settings.minCount,
                                          maxSize: settings.maxVocab, corpusTokens: read.corpusTokens)
            guard vocabulary.count > 0 else { throw WordVecError.emptyCorpus(path) }
        } else {
            let counter = VocabularyCounter(options: settings.tokenizer, minCount: settings.minCount,
                                            maxVocab: settings.maxVocab, threads: threads)
            let counted = try counter.count(corpus, progress: progress)
            if let w = counted.warnings.summary { progress.note(w) }
            vocabulary = counted.vocabulary
            guard vocabulary.count > 0 else { throw WordVecError.emptyCorpus(corpus.name) }
        }
        return vocabulary
    }
}
