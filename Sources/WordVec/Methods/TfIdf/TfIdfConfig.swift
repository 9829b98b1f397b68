/// Options of a `tfidf` run: word vectors that are the rows of the word × document tf-idf
/// matrix (Salton, Wong & Yang 1975; Spärck Jones 1972), one dimension per document.
public struct TfIdfConfig: TrainerConfig, Equatable {
    public var vocabulary = VocabularySettings()
    /// Documents and weighting (see `TfIdfOptions`).
    public var weighting = TfIdfOptions()
    /// Not chosen: the vectors have one dimension per document. 0 in the config file.
    public var dim = 0
    /// Threads for building the matrix (sorting its rows) and counting the vocabulary.
    public var threads = 1
    /// Unused (nothing is random); kept for the common config shape.
    public var seed: UInt64 = 1

    public init() {}

    public var method: String { "tfidf" }

    public var writesSparseVectors: Bool { true }

    public func validate() throws {
        try validateThreadsAndVocabulary()
        try weighting.validate()
    }
}
