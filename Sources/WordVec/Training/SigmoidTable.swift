import Foundation

/// σ(x) and log σ(x) tabulated on [-maxExp, maxExp] (word2vec.c's EXP_TABLE: the exp call
/// would otherwise dominate the inner loop). Outside the range σ is taken as 0 or 1.
package final class SigmoidTable: @unchecked Sendable {
    package static let maxExp: Float = 6
    package static let size = 1024
    let sigmoid: UnsafeMutablePointer<Float>
    let logSigmoid: UnsafeMutablePointer<Float>
    let scale = Float(SigmoidTable.size) / (2 * SigmoidTable.maxExp)

    package init() {
        sigmoid = .allocate(capacity: SigmoidTable.size + 1)
        logSigmoid = .allocate(capacity: SigmoidTable.size + 1)
        for i in 0...SigmoidTable.size {
            let x = (Double(i) / Double(SigmoidTable.size) * 2 - 1) * Double(SigmoidTable.maxExp)
            sigmoid[i] = Float(1 / (1 + exp(-x)))
            logSigmoid[i] = Float(-log1p(exp(-x)))
        }
    }

    deinit {
        sigmoid.deallocate()
        logSigmoid.deallocate()
    }

    /// σ(x), clamped to 0/1 outside the table.
    @inline(__always)
    package func callAsFunction(_ x: Float) -> Float {
        // Written so that NaN falls into a clamp instead of becoming an array index.
        if !(x < SigmoidTable.maxExp) { return 1 }
        if !(x > -SigmoidTable.maxExp) { return 0 }
        return sigmoid[Int((x + SigmoidTable.maxExp) * scale)]
    }

    /// log σ(x); beyond the table, 0 above and x below (its asymptotes).
    @inline(__always)
    package func log(_ x: Float) -> Float {
        if !(x < SigmoidTable.maxExp) { return 0 }
        if !(x > -SigmoidTable.maxExp) { return x }
        return logSigmoid[Int((x + SigmoidTable.maxExp) * scale)]
    }
}
