import Foundation

/// The eight best (score, row) pairs seen so far, best first; ties keep the earlier row.
/// Eight is enough for the rule above: five answers after dropping up to three input rows.
struct TopCandidates {
    private var scores = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
    private var rows = (Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0))
    private(set) var count = 0
    /// A score must beat this to enter (NaN never does).
    private(set) var threshold = -Float.infinity

    func index(_ k: Int) -> Int32 {
        withUnsafeBytes(of: rows) { $0.load(fromByteOffset: k * 4, as: Int32.self) }
    }

    mutating func insert(_ s: Float, _ r: Int32) {
        withUnsafeMutableBytes(of: &scores) { sb in
            withUnsafeMutableBytes(of: &rows) { rb in
                let sp = sb.baseAddress!.assumingMemoryBound(to: Float.self)
                let rp = rb.baseAddress!.assumingMemoryBound(to: Int32.self)
                var k = min(count, 7)
                while k > 0 && sp[k - 1] < s {
                    sp[k] = sp[k - 1]; rp[k] = rp[k - 1]
                    k -= 1
                }
                sp[k] = s; rp[k] = r
                if count < 8 { count += 1 }
                if count == 8 { threshold = sp[7] }
            }
        }
    }
}
