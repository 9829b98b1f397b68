/// The k nearest neighbours of each of n points: row i holds point i's neighbours (itself
/// excluded) by increasing Euclidean distance. Built by `ExactNeighbors` (BLAS, all pairs) or
/// `NNDescent` (approximate, Dong, Moses & Li 2011); read by t-SNE's affinities and UMAP's
/// fuzzy simplicial set.
public struct NeighborGraph: Sendable, Equatable {
    /// Number of points.
    public let count: Int
    /// Neighbours per point.
    public let k: Int
    /// n × k point indices, row after row.
    public var indices: [Int32]
    /// n × k Euclidean distances (not squared), ascending within a row.
    public var distances: [Float]

    public init(count: Int, k: Int, indices: [Int32], distances: [Float]) {
        precondition(indices.count == count * k && distances.count == count * k, "neighbour graph shape")
        self.count = count
        self.k = k
        self.indices = indices
        self.distances = distances
    }

    /// The neighbour indices of point `i` (k values, nearest first).
    public func neighbors(of i: Int) -> ArraySlice<Int32> { indices[(i * k)..<((i + 1) * k)] }

    /// The k nearest neighbours of every row of `points` (n × d), exactly (one BLAS pass, cheaper than NN-descent at these sizes) for n up to
    /// `exactLimit` and by NN-descent beyond. k is clamped to n − 1.
    public static func build(_ points: DenseMatrix, k: Int, threads: Int, seed: UInt64,
                             exactLimit: Int = 40_000) throws -> NeighborGraph {
        let k = min(k, points.rowCount - 1)
        if points.rowCount <= exactLimit { return try ExactNeighbors.graph(points, k: k, threads: threads) }
        return try NNDescent(k: k, seed: seed, threads: threads).graph(points)
    }
}

/// A bounded max-heap of (distance, index) over caller-owned storage: keeps the `capacity`
/// smallest distances pushed so far (ties: the lower index wins), the largest on top.
struct NeighborHeap {
    let dist: UnsafeMutablePointer<Float>
    let idx: UnsafeMutablePointer<Int32>
    /// Optional per-entry flags (NN-descent's "new" mark), moved with their entries.
    let flags: UnsafeMutablePointer<Bool>?
    let capacity: Int
    var count = 0

    init(dist: UnsafeMutablePointer<Float>, idx: UnsafeMutablePointer<Int32>, capacity: Int,
         flags: UnsafeMutablePointer<Bool>? = nil, count: Int = 0) {
        self.dist = dist; self.idx = idx; self.capacity = capacity; self.flags = flags; self.count = count
    }

    /// The worst kept distance (infinity until full).
    @inline(__always) var bound: Float { count < capacity ? .infinity : dist[0] }

    @inline(__always) func above(_ a: Int, _ b: Int) -> Bool {
        dist[a] > dist[b] || (dist[a] == dist[b] && idx[a] > idx[b])
    }

    /// Offers a candidate; returns whether it was kept. The caller avoids duplicates.
    @inline(__always) @discardableResult
    mutating func push(_ d: Float, _ j: Int32) -> Bool {
        if count < capacity {
            var c = count
            dist[c] = d; idx[c] = j; flags?[c] = true
            count += 1
            while c > 0 {
                let p = (c - 1) / 2
                guard above(c, p) else { break }
                swapAt(c, p); c = p
            }
            return true
        }
        guard d < dist[0] || (d == dist[0] && j < idx[0]) else { return false }
        dist[0] = d; idx[0] = j; flags?[0] = true
        siftDown(0, count)
        return true
    }

    @inline(__always) func swapAt(_ a: Int, _ b: Int) {
        let d = dist[a]; dist[a] = dist[b]; dist[b] = d
        let i = idx[a]; idx[a] = idx[b]; idx[b] = i
        if let f = flags { let t = f[a]; f[a] = f[b]; f[b] = t }
    }

    func siftDown(_ start: Int, _ end: Int) {
        var c = start
        while true {
            let l = 2 * c + 1, r = l + 1
            var m = c
            if l < end && above(l, m) { m = l }
            if r < end && above(r, m) { m = r }
            if m == c { return }
            swapAt(c, m); c = m
        }
    }

    /// Whether index j is kept (a linear scan; k is small).
    func contains(_ j: Int32) -> Bool {
        for c in 0..<count where idx[c] == j { return true }
        return false
    }

    /// Sorts the kept entries ascending in place (heap sort); the heap is spent afterwards.
    mutating func sortAscending() {
        var end = count
        while end > 1 {
            swapAt(0, end - 1)
            end -= 1
            siftDown(0, end)
        }
    }
}
