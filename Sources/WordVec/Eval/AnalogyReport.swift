import Foundation

/// Settings of an analogy evaluation. The defaults are the standard ones: the 30,000 most
/// frequent words, case-insensitive, as word2vec's compute-accuracy (gensim matches with
/// `evaluate_word_analogies(restrict_vocab=30000, case_insensitive=True)`; its own default is 300,000).
public struct AnalogyOptions: Codable, Sendable {
    public var method: AnalogyMethod = .add
    /// Only the first `restrict` rows of the vectors are candidates, and questions with a word
    /// outside them are skipped; 0 means the whole vocabulary.
    public var restrict = 30_000
    /// Match words case-insensitively (upper-cased, the first row of each folded word stands for it).
    public var caseFolding = true
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// How batches are multiplied (the answers are the same; only the speed differs).
    public var strategy: AnalogySolver.Strategy = .auto

    enum CodingKeys: String, CodingKey { case method, restrict, caseFolding, threads }

    public init(method: AnalogyMethod = .add, restrict: Int = 30_000, caseFolding: Bool = true,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.method = method; self.restrict = restrict; self.caseFolding = caseFolding; self.threads = threads
    }
}

/// Counts for one section (or a total) and the accuracies derived from them.
public struct AnalogyScore: Encodable, Sendable {
    public var name: String
    /// Well-formed questions.
    public var questions = 0
    /// Questions whose four words are all in the restricted vocabulary.
    public var covered = 0
    /// Correct with the input words excluded from the candidates (the standard score).
    public var correct = 0
    /// Correct when the input words stay candidates.
    public var correctKept = 0
    /// Questions whose best candidate, inputs included, is one of the inputs.
    public var nearestIsInput = 0

    public init(name: String) { self.name = name }

    public var skipped: Int { questions - covered }
    /// Accuracy over covered questions (what gensim and word2vec's compute-accuracy report).
    public var accuracy: Double? { covered > 0 ? Double(correct) / Double(covered) : nil }
    /// Accuracy over all questions, skipped ones counting as wrong (gensim's dummy4unknown=True).
    public var accuracyAll: Double? { questions > 0 ? Double(correct) / Double(questions) : nil }
    public var accuracyKept: Double? { covered > 0 ? Double(correctKept) / Double(covered) : nil }
    public var nearestIsInputRate: Double? { covered > 0 ? Double(nearestIsInput) / Double(covered) : nil }

    mutating func add(_ o: AnalogyScore) {
        questions += o.questions; covered += o.covered; correct += o.correct
        correctKept += o.correctKept; nearestIsInput += o.nearestIsInput
    }

    public func encode(to encoder: Encoder) throws {
        try JSONFields.encode([("name", name), ("questions", questions), ("covered", covered), ("skipped", skipped),
                               ("correct", correct), ("correctKept", correctKept), ("nearestIsInput", nearestIsInput),
                               ("accuracy", accuracy), ("accuracyAll", accuracyAll), ("accuracyKept", accuracyKept),
                               ("nearestIsInputRate", nearestIsInputRate)], to: encoder)
    }
}

/// The result of one analogy evaluation.
public struct AnalogyReport: Encodable, Sendable {
    public var questionsFile: String
    public var vectorsFile: String?
    public var method: AnalogyMethod
    public var restrict: Int
    /// Rows actually in play (`restrict` clipped to the vocabulary size).
    public var vocabularyUsed: Int
    public var caseFolding: Bool
    public var sections: [AnalogyScore]
    /// Set only when the file has sections: the non-`gram` sections and the `gram…` ones.
    public var semantic: AnalogyScore?
    public var syntactic: AnalogyScore?
    public var total: AnalogyScore
    public var malformedLines: Int
    public var seconds: Double
    /// Question words outside the vocabulary given vectors composed from n-grams (`--oov compose`).
    public var composedWords = 0
}
