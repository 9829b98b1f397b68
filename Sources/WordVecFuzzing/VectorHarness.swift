import Foundation
import WordVec

/// Vector files and fastText models as the evaluation commands read them.
enum VectorHarness {
    /// What every command does (`VectorSet.load`: content sniffing, any format), then the reader
    /// told the format (`convert --from`), then the dense expansion of a sparse file.
    static func read(_ path: String, format: VectorFormat?) throws {
        _ = try VectorSet.load(path)
        let vectors = try VectorFileReader.read(path, format: format, warn: { _ in })
        if case .sparse(let s) = vectors, s.count.multipliedReportingOverflow(by: s.dim).partialValue <= 1 << 20 {
            _ = s.dense()
        }
    }

    /// A fastText model with its output matrix, its word vectors and a composed vector for an
    /// out-of-vocabulary word (its n-grams hashed into the buckets).
    static func readModel(_ path: String) throws {
        _ = FastTextModelReader.isModel(path)
        let model = try FastTextModelReader.read(path, withOutput: true)
        _ = model.wordVectors(threads: 1)
        _ = model.vector("fuzzing-oov-word")
        _ = try VectorSet.load(path)
    }
}
