/// Refuses runs that learned nothing and warns about runs that learned almost nothing: random
/// initial vectors are not a result.
enum TrainingCheck {
    /// Fewer predictions than this many per vocabulary word draws a warning.
    static let fewPredictionsPerWord = 20

    /// Throws `.invalidInput` when `predictions` is 0; notes a warning when it is small for the vocabulary.
    static func requirePredictions(_ predictions: Int, corpus: Corpus, vocabulary: Vocabulary, readVocab: String?,
                                   progress: ProgressReporter) throws {
        guard predictions > 0 else {
            let hint = readVocab.map { "do the words of --read-vocab \($0) occur in the corpus?" }
                ?? "one word per line? put a sentence on each line, or lower --min-count / --sample"
            throw WordVecError.invalidInput("\(corpus.name): nothing to train on: no sentence (line) holds two in-vocabulary words after subsampling; \(hint)")
        }
        warnIfFew(predictions, "predictions", vocabulary: vocabulary, progress: progress)
    }

    /// Notes a warning when `count` training examples (predictions, co-occurrence records) are
    /// fewer than `fewPredictionsPerWord` per vocabulary word.
    static func warnIfFew(_ count: Int, _ what: String, vocabulary: Vocabulary, progress: ProgressReporter) {
        if count < fewPredictionsPerWord * vocabulary.count {
            progress.note("warning: only \(count) \(what) for \(vocabulary.count) words: too little text to learn from; the vectors stay close to their random start")
        }
    }
}
