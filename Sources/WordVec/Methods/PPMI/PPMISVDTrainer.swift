import Foundation

/// `ppmi-svd` (Levy, Goldberg & Dagan 2015, §3.3): the PPMI matrix M (V × V, `PPMIMatrix`)
/// factorized by truncated SVD, M ≈ U·Σ·Vᵀ (`TruncatedSVD`: randomized range finder with
/// oversampling and LU-normalised power iterations), word vectors W = U·Σ^p (V × dim, p =
/// `eig`), context vectors C = V·Σ^p; `--vectors sum` writes W + C.
public struct PPMISVDTrainer: EmbeddingTrainer {
    public let config: PPMISVDConfig

    public init(config: PPMISVDConfig) { self.config = config }

    /// Throws `.invalidInput` when no pair has a positive PMI or the vocabulary is smaller than
    /// `--dim`, `.lapack` if a LAPACK step fails, and what counting throws.
    public func train(_ corpus: Corpus, vocabulary: Vocabulary, progress: ProgressReporter) throws -> TrainedModel {
        try config.validate()
        let c = config
        guard c.dim <= vocabulary.count else {
            throw WordVecError.invalidArgument("--dim \(c.dim) is more than the \(vocabulary.count) words of the vocabulary (lower --dim or --min-count)")
        }
        let factors: SVDFactors = try {
            let m = try PPMIMatrix.make(corpus, vocabulary: vocabulary, settings: c.ppmi, tokenizer: c.vocabulary.tokenizer,
                                        threads: c.threads, seed: c.seed, progress: progress)
            try PPMIMatrix.checkLearned(m, corpus: corpus)
            let started = Date()
            let svd = TruncatedSVD(rank: c.dim, oversampling: c.oversampling, powerIterations: c.powerIterations,
                                   normalizer: .lu, seed: c.seed, threads: c.threads)
            let f = try svd.decompose(m)
            progress.note(String(format: "ppmi-svd: rank %d, σ1 %.6g, σ%d %.6g (%.1f s)", c.dim, f.singularValues[0], c.dim,
                                 f.singularValues[c.dim - 1], Date().timeIntervalSince(started)))
            return f
        }()
        let p = Float(c.eig)
        let word = factors.weightedLeftVectors(power: p).values
        let context = factors.weightedRightVectors(power: p).values
        return try TrainedModel.dense(word: word, context: context, choice: c.output, vocabulary: vocabulary, dim: c.dim,
                                      epochLosses: [], config: c, divergenceHint: "the PPMI matrix has non-finite entries")
    }
}
