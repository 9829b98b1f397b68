/// The learning-rate schedule of word2vec.c and fastText: α falls linearly from its start value
/// with the words processed, α_t = α₀ (1 − t / (T + 1)), never below α₀ · 10⁻⁴.
struct LinearDecay {
    /// Words a thread processes between updates of α (and progress, and the Ctrl-C check), as word2vec.c.
    static let updateInterval = 10_000
    /// The floor, as a fraction of the start value (word2vec.c: starting_alpha * 0.0001).
    static let floorFraction: Float = 1e-4

    let start: Float
    /// T: words to process over the whole run (kept tokens × epochs).
    let totalWords: Double

    /// α after `done` words (of all threads).
    func alpha(afterWords done: Int) -> Float {
        max(start * Float(1 - Double(done) / (totalWords + 1)), start * LinearDecay.floorFraction)
    }
}
