/// The random index vectors of Random Indexing: for each word, a sparse ternary vector of `dim`
/// entries with `nonzeros` non-zeros at distinct random positions, the first half +1 and the
/// second half −1 (Kanerva, Kristofersson & Holst 2000). Vectors of this kind are nearly
/// orthogonal, so a sum of them keeps which words were added. Only the positions are stored:
/// `vocabulary × nonzeros` Int32, independent of the corpus.
struct IndexVectors: Sendable {
    let dim: Int
    let nonzeros: Int
    /// Row w is `positions[w * nonzeros ..< (w + 1) * nonzeros]`: `nonzeros / 2` positions of +1, then of −1.
    let positions: [Int32]

    /// The index vectors of `words` words, each drawn from its own generator seeded by (seed, word),
    /// so a word's vector does not depend on the vocabulary size.
    init(words: Int, dim: Int, nonzeros: Int, seed: UInt64) {
        precondition(nonzeros >= 2 && nonzeros <= dim && nonzeros % 2 == 0, "\(nonzeros) non-zeros in \(dim) dimensions")
        self.dim = dim
        self.nonzeros = nonzeros
        var positions = [Int32](repeating: 0, count: words * nonzeros)
        for w in 0..<words {
            var rng = FastRandom(seed: seed &+ UInt64(w) &* 0x9E37_79B9_7F4A_7C15)
            var k = 0
            while k < nonzeros {
                let p = Int32(rng.next(below: dim))
                if !positions[(w * nonzeros)..<(w * nonzeros + k)].contains(p) { positions[w * nonzeros + k] = p; k += 1 }
            }
        }
        self.positions = positions
    }

    /// Adds `weight` × (word's index vector rotated `shift` places, −dim < shift < dim) to `row`.
    @inline(__always)
    func add(_ word: Int, weight: Float, shift: Int, to row: UnsafeMutablePointer<Float>) {
        let base = word * nonzeros, half = nonzeros / 2
        positions.withUnsafeBufferPointer { p in
            for k in 0..<nonzeros {
                var j = Int(p[base + k]) + shift
                if j < 0 { j += dim } else if j >= dim { j -= dim }
                row[j] += k < half ? weight : -weight
            }
        }
    }
}
