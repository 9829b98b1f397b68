/// A streaming worker's buffer for the words of one sentence that survive subsampling, grown
/// when a sentence is longer than any before.
struct KeptWords {
    private(set) var ids: UnsafeMutablePointer<Int32>
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        ids = .allocate(capacity: self.capacity)
    }

    /// Keeps each word of `sentence` with the subsampler's probability (one draw per word, in
    /// order); returns how many were kept (they are `ids[0..<n]`).
    @inline(__always)
    mutating func fill(_ sentence: [Int32], _ subsampler: Subsampler, _ rng: inout FastRandom) -> Int {
        if sentence.count > capacity {
            ids.deallocate()
            capacity = sentence.count
            ids = .allocate(capacity: capacity)
        }
        var n = 0
        for w in sentence where subsampler.keep(Int(w), &rng) { ids[n] = w; n += 1 }
        return n
    }

    func release() { ids.deallocate() }

    /// The words of `ids[0..<n]` within `b` positions of `pos` (not `pos` itself) into `ctx`, in
    /// order; returns how many there are.
    @inline(__always)
    static func window(_ ids: UnsafePointer<Int32>, count n: Int, around pos: Int, _ b: Int, into ctx: UnsafeMutablePointer<Int32>) -> Int {
        var k = 0
        for q in max(0, pos - b)...min(n - 1, pos + b) where q != pos { ctx[k] = ids[q]; k += 1 }
        return k
    }
}
