import Foundation

/// The positive pointwise mutual information matrix of a corpus (Church & Hanks 1990; with
/// Levy, Goldberg & Dagan 2015's context-distribution smoothing and shift):
///
///   PMI_α(w, c) = log( X_wc · Σ_c' #c'^α / (#w · #c^α) ),   PPMI(w, c) = max(PMI_α(w, c) − log k, 0),
///
/// X the window co-occurrence counts, #w = Σ_c X_wc and #c = Σ_w X_wc the marginals, α the
/// smoothing exponent (`cds`), k the shift. With α = 1 and k = 1 this is plain PPMI,
/// log(P(w, c) / (P(w)·P(c))). Entries with X_wc = 0 (PMI −∞) and non-positive PMI are not stored.
public enum PPMIMatrix {
    /// Counts the corpus (`CooccurrenceCounter`, bounded memory) and weighs the counts:
    /// V × V (V = `vocabulary.count`; rows words, columns context words, vocabulary order),
    /// values in nats. Throws what counting throws (`.interrupted`, `.unwritable` for spills).
    public static func make(_ corpus: Corpus, vocabulary: Vocabulary, settings: PPMISettings, tokenizer: TokenizerOptions,
                            threads: Int, seed: UInt64, progress: ProgressReporter?) throws -> SparseMatrix {
        let started = Date()
        let options = settings.cooccurrenceOptions(threads: threads, seed: seed, tokenizer: tokenizer)
        // The counts (runs, dense block) are released once the CSR matrix holds them.
        let x: CooccurrenceMatrix = try {
            let counts = try CooccurrenceCounter(options: options).count(corpus, vocabulary: vocabulary, progress: progress)
            return try CooccurrenceMatrix(counts, threads: threads, progress: progress)
        }()
        let m = positivePMI(x, cds: settings.cds, shift: settings.shift, threads: threads)
        progress?.note(String(format: "ppmi: window %d, %d co-occurring pairs, %d with positive PMI (%.1f s)",
                              settings.window, x.counts.nonzeroCount, m.nonzeroCount, Date().timeIntervalSince(started)))
        return m
    }

    /// PPMI of a co-occurrence matrix, same shape, non-positive entries dropped. Computed in
    /// `Double` (log X_wc + log Σ#c'^α − log #w − α·log #c − log k) and stored as `Float`, on
    /// `threads` threads over row blocks (the result does not depend on the thread count).
    public static func positivePMI(_ x: CooccurrenceMatrix, cds: Double, shift: Double, threads: Int = 1) -> SparseMatrix {
        let logRow = x.rowSums.map { $0 > 0 ? log($0) : 0 }
        let logColumn = x.columnSums.map { $0 > 0 ? cds * log($0) : 0 }
        let z = x.columnSums.reduce(0.0) { $0 + ($1 > 0 ? pow($1, cds) : 0) }
        let offset = log(z) - log(shift)
        var m = x.counts
        let blocks = m.balancedRowBlocks(max(1, min(threads, m.rowCount)))
        let starts = m.rowStarts, columns = m.columns
        m.values.withUnsafeMutableBufferPointer { v in
            let values = UncheckedPointer(v.baseAddress!)
            try! runOnThreads(blocks.count) { t in   // the body never throws
                for i in blocks[t] {
                    for p in starts[i]..<starts[i + 1] {
                        let pmi = log(Double(values.p[p])) + offset - logRow[i] - logColumn[Int(columns[p])]
                        values.p[p] = pmi > 0 ? Float(pmi) : 0
                    }
                }
            }
        }
        return m.removingZeros()
    }
}

extension PPMIMatrix {
    /// Throws `.invalidInput` when the matrix is empty: no two words co-occur with a positive
    /// PMI, so the run learned nothing.
    static func checkLearned(_ m: SparseMatrix, corpus: Corpus) throws {
        guard m.nonzeroCount > 0 else {
            throw WordVecError.invalidInput("\(corpus.name): nothing learned: no word pair co-occurs with a positive PMI (every line holds a single in-vocabulary word, or --shift is too large?)")
        }
    }
}
