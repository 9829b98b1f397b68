/// The noise distribution for negative sampling: P(w) ∝ count(w)^power (word2vec: 0.75),
/// drawn in O(1) with Walker's alias method (V entries instead of word2vec's 10^8-entry table).
public struct NoiseDistribution: Sendable {
    private let probability: [Float]
    private let alias: [Int32]
    public var count: Int { probability.count }

    public init(counts: [Int], power: Double = 0.75) {
        let n = counts.count
        precondition(n > 0)
        let weights = counts.map { pow(Double($0), power) }
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var prob = [Float](repeating: 1, count: n)
        var alias = [Int32](repeating: 0, count: n)
        var small: [Int] = [], large: [Int] = []
        for i in 0..<n { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.last {
            prob[s] = Float(scaled[s])
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { large.removeLast(); small.append(l) }
        }
        for i in large + small { prob[i] = 1; alias[i] = Int32(i) }
        probability = prob
        self.alias = alias
    }

    /// One draw.
    @inline(__always)
    public func sample(_ rng: inout FastRandom) -> Int {
        let r = rng.next()
        let i = Int((UInt64(UInt32(truncatingIfNeeded: r)) &* UInt64(probability.count)) >> 32)
        let u = Float(r >> 40) * (1.0 / Float(1 << 24))
        return u < probability[i] ? i : Int(alias[i])
    }
}

import Foundation

/// word2vec's frequent-word subsampling: a word of relative frequency f is kept with
/// probability (sqrt(f/t) + 1) · t/f (Mikolov et al. 2013, as implemented in word2vec.c).
public struct Subsampler: Sendable {
    /// Keep probability per word, scaled to 2^32 for an integer compare (1 = always keep).
    private let threshold: [UInt32]
    public let enabled: Bool

    public init(counts: [Int], sample: Double) {
        enabled = sample > 0
        let total = Double(counts.reduce(0, +))
        threshold = counts.map { c in
            guard sample > 0 else { return UInt32.max }
            let t = sample * total
            let keep = ((Double(c) / t).squareRoot() + 1) * t / Double(c)
            return keep >= 1 ? UInt32.max : UInt32(keep * 4_294_967_296)
        }
    }

    public func keepProbability(_ word: Int) -> Double {
        threshold[word] == UInt32.max ? 1 : Double(threshold[word]) / 4_294_967_296
    }

    @inline(__always)
    public func keep(_ word: Int, _ rng: inout FastRandom) -> Bool {
        let t = threshold[word]
        return t == UInt32.max || UInt32(truncatingIfNeeded: rng.next()) < t
    }
}
