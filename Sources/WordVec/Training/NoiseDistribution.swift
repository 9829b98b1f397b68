/// The noise distribution for negative sampling: P(w) ∝ count(w)^power (word2vec: 0.75),
/// drawn in O(1) with Walker's alias method (V entries instead of word2vec's 10^8-entry table).
package struct NoiseDistribution: Sendable {
    private let probability: [Float]
    private let alias: [Int32]
    package var count: Int { probability.count }

    package init(counts: [Int], power: Double = 0.75) {
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
    package func sample(_ rng: inout FastRandom) -> Int {
        let r = rng.next()
        let i = Int((UInt64(UInt32(truncatingIfNeeded: r)) &* UInt64(probability.count)) >> 32)
        let u = Float(r >> 40) * (1.0 / Float(1 << 24))
        return u < probability[i] ? i : Int(alias[i])
    }
}

import Foundation
