import Foundation

/// Per-epoch loss sums in double precision, added to by each thread once per epoch
/// (so no float saturation and no threads overwriting each other's tallies). Also counts the
/// predictions made (terms), so a run that trained on nothing is told apart from one with loss 0.
final class LossTally: @unchecked Sendable {
    private let lock = NSLock()
    private var sums: [Double]
    private var terms: [Int]

    init(epochs: Int) {
        sums = Array(repeating: 0, count: epochs)
        terms = Array(repeating: 0, count: epochs)
    }

    func add(epoch: Int, loss: Double, terms t: Int) {
        lock.lock(); defer { lock.unlock() }
        guard epoch < sums.count else { return }
        sums[epoch] += loss
        terms[epoch] += t
    }

    /// Every epoch's sums and prediction counts (for a checkpoint).
    func snapshot() -> (sums: [Double], terms: [Int]) {
        lock.lock(); defer { lock.unlock() }
        return (sums, terms)
    }

    /// Puts back the sums and counts of a checkpoint (epochs beyond this run's are ignored).
    func restore(sums s: [Double], terms t: [Int]) {
        lock.lock(); defer { lock.unlock() }
        for (e, (sum, count)) in zip(s, t).enumerated() where e < sums.count {
            sums[e] = sum
            terms[e] = count
        }
    }

    /// Mean loss per prediction, per epoch; nil for an epoch with no predictions.
    func means() -> [Double?] {
        lock.lock(); defer { lock.unlock() }
        return zip(sums, terms).map { $1 > 0 ? $0 / Double($1) : nil }
    }

    /// Predictions made over the whole run.
    var totalTerms: Int {
        lock.lock(); defer { lock.unlock() }
        return terms.reduce(0, +)
    }
}
