/// Options of a `ppmi` run: the sparse PPMI vectors themselves (one dimension per context word).
public struct PPMIConfig: TrainerConfig, Equatable {
    public var vocabulary = VocabularySettings()
    /// Not a choice: the vectors have one dimension per vocabulary word (set by the run; 0 here).
    public var dim = 0
    public var ppmi = PPMISettings()
    public var threads = 1
    /// Seed of the subsampling draws (`--sub`).
    public var seed: UInt64 = 1

    public init() {}

    public var method: String { "ppmi" }

    public var writesSparseVectors: Bool { true }

    public func validate() throws {
        try validateThreadsAndVocabulary()
        try ppmi.validate()
    }
}
