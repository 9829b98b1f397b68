import Foundation
import XCTest
import WordVec

/// Vector sets with planted structure for the Explore tests, and numpy as the reference.
enum ExploreFixtures {
    /// `n` random Gaussian-ish vectors of `dim` values (seeded), with a shared offset along the
    /// first dimension (anisotropy) and decreasing scales (a few dominant directions), words
    /// `w0`, `w1`, ….
    static func cloud(n: Int = 300, dim: Int = 16, seed: UInt64 = 7) -> Embeddings {
        var rng = FastRandom(seed: seed)
        var v = [Float](repeating: 0, count: n * dim)
        for i in 0..<n {
            for j in 0..<dim {
                let g = (0..<4).reduce(Float(0)) { acc, _ in acc + rng.nextFloat() } - 2
                v[i * dim + j] = g * 2 / Float(j + 1) + (j == 0 ? 1.5 : 0)
            }
        }
        return try! Embeddings(words: (0..<n).map { "w\($0)" }, dim: dim, vectors: v)
    }

    /// Runs a python3 script (numpy) with arguments; its stdout must be one JSON object.
    static func numpy(_ script: String, _ args: [String]) throws -> [String: Any] {
        let python = try TestSupport.requireGensim()   // gensim's wheel brings numpy
        let r = try TestSupport.run(python, ["-c", script] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout + r.stderr)
    }

    /// Python that reads a `.vec` file into `words` and a float64 matrix `X`.
    static let readVec = """
    import sys, json, numpy as np
    def read_vec(path):
        lines = open(path, encoding='utf-8').read().split('\\n')
        n, d = map(int, lines[0].split())
        words, rows = [], []
        for line in lines[1:n + 1]:
            f = line.split(' ')
            words.append(f[0]); rows.append([float(x) for x in f[1:]])
        return words, np.array(rows, dtype=np.float64)

    """
}
