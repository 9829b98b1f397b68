/// Where an iterative run stands at an epoch boundary, besides its parameter matrices: what a
/// resumed run needs to go on exactly as the run that wrote the checkpoint would have.
struct CheckpointState: Codable, Equatable, Sendable {
    /// One training thread of a streaming trainer at the boundary.
    struct ThreadState: Codable, Equatable, Sendable {
        /// Its random generator's four state words (`FastRandom.state`).
        var rng: [UInt64]
        /// Its learning rate (α is updated every `LinearDecay.updateInterval` words, not per epoch).
        var alpha: Float
        /// Words it processed since its last update of α.
        var sinceUpdate: Int
    }

    /// Epochs complete (the next to train is this one, 0-based).
    var epochsDone = 0
    /// Per epoch: the summed loss and how many predictions it sums (GloVe: the mean cost, 1).
    var lossSums: [Double] = []
    var lossTerms: [Int] = []
    /// Words processed by all threads so far (the position on the learning-rate schedule).
    var processedWords = 0
    /// Per thread (streaming trainers; empty for GloVe, whose epochs are seeded by number).
    var threads: [ThreadState] = []

    /// The mean loss of each epoch (nil: an epoch with no prediction).
    var losses: [Double?] { zip(lossSums, lossTerms).map { $1 > 0 ? $0 / Double($1) : nil } }
}

/// A block of parameters saved verbatim in a checkpoint (a padded `RowMatrix`, GloVe's rows
/// with their biases and AdaGrad sums), read back in place on resume.
struct CheckpointSection: @unchecked Sendable {
    var name: String
    var base: UnsafeMutableRawPointer
    var bytes: Int
}

extension RowMatrix {
    /// The whole padded matrix as a checkpoint section.
    func checkpointSection(_ name: String) -> CheckpointSection {
        CheckpointSection(name: name, base: UnsafeMutableRawPointer(base), bytes: rows * stride * MemoryLayout<Float>.stride)
    }
}
