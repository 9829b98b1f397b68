/// The random draws of one CBOW sentence, made before its first step: per position the
/// effective window, the number of targets and the targets (`width` slots per position).
struct CBOWPlan {
    /// How many positions ahead `Word2VecWorker.cbowSentence` prefetches rows.
    static let lookahead = 3
    private(set) var capacity = 0
    private(set) var window = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private(set) var counts = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private(set) var targets = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    /// Makes room for `positions` positions of `width` targets each.
    mutating func reserve(_ positions: Int, width: Int) {
        guard positions > capacity else { return }
        release()
        capacity = positions
        window = .allocate(capacity: positions)
        counts = .allocate(capacity: positions)
        targets = .allocate(capacity: positions * width)
    }

    func release() {
        window.deallocate()
        counts.deallocate()
        targets.deallocate()
    }
}
