import Foundation

/// word2vec's frequent-word subsampling: a word of relative frequency f is kept with
/// probability (sqrt(f/t) + 1) · t/f (Mikolov et al. 2013, as implemented in word2vec.c).
package struct Subsampler: Sendable {
    /// Keep probability per word, scaled to 2^32 for an integer compare (1 = always keep).
    private let threshold: [UInt32]
    package let enabled: Bool

    package init(counts: [Int], sample: Double) {
        enabled = sample > 0
        let total = Double(counts.reduce(0, +))
        threshold = counts.map { c in
            guard sample > 0 else { return UInt32.max }
            let t = sample * total
            let keep = ((Double(c) / t).squareRoot() + 1) * t / Double(c)
            return keep >= 1 ? UInt32.max : UInt32(keep * 4_294_967_296)
        }
    }

    package func keepProbability(_ word: Int) -> Double {
        threshold[word] == UInt32.max ? 1 : Double(threshold[word]) / 4_294_967_296
    }

    @inline(__always)
    package func keep(_ word: Int, _ rng: inout FastRandom) -> Bool {
        let t = threshold[word]
        return t == UInt32.max || UInt32(truncatingIfNeeded: rng.next()) < t
    }
}
