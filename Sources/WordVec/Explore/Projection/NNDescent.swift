import Foundation

/// Approximate k-nearest neighbours by NN-descent (Dong, Moses & Li 2011, "Efficient k-nearest
/// neighbor graph construction for generic similarity measures", Algorithm 2 with sampling ρ
/// and the incremental "new" flags): start from random neighbours, then repeatedly compare each
/// point's neighbours (and reverse neighbours) with one another, since a neighbour of a
/// neighbour is likely a neighbour; stop when fewer than δ·n·k entries change.
///
/// Each round computes the candidate distances on `threads` threads against the neighbour lists
/// as they were at the round's start and applies the improvements in point order, so the result
/// depends on the seed only, not on the thread count.
struct NNDescent {
    let k: Int
    let seed: UInt64
    let threads: Int
    var maxCandidates = 30
    var rounds = 12
    var delta = 0.001

    init(k: Int, seed: UInt64, threads: Int) { self.k = k; self.seed = seed; self.threads = threads }

    func graph(_ points: DenseMatrix) throws -> NeighborGraph {
        let n = points.rowCount, d = points.columnCount
        precondition(k >= 1 && k < n, "\(k) neighbours of \(n) points")
        var dist = [Float](repeating: .infinity, count: n * k)
        var idx = [Int32](repeating: -1, count: n * k)
        var flags = [Bool](repeating: true, count: n * k)
        try points.values.withUnsafeBufferPointer { xb in
            let distance = Distance(x: xb.baseAddress!, d: d)
            try dist.withUnsafeMutableBufferPointer { db in
                try idx.withUnsafeMutableBufferPointer { ib in
                    try flags.withUnsafeMutableBufferPointer { fb in
                        let heaps = Heaps(dist: db.baseAddress!, idx: ib.baseAddress!, flags: fb.baseAddress!, k: k)
                        var rng = FastRandom(seed: seed)
                        for i in 0..<n {
                            var heap = heaps.heap(i, count: 0)
                            while heap.count < k {
                                let j = rng.next(below: n)
                                if j != i && !heap.contains(Int32(j)) { heap.push(distance(i, j), Int32(j)) }
                            }
                        }
                        for _ in 0..<rounds {
                            try Interrupt.check()
                            let (fresh, old) = candidates(heaps, points: n)
                            let updates = try join(heaps, fresh: fresh, old: old, points: n, distance: distance)
                            if Double(updates) < delta * Double(n * k) { break }
                        }
                        for i in 0..<n { var h = heaps.heap(i); h.sortAscending() }
                    }
                }
            }
        }
        return NeighborGraph(count: n, k: k, indices: idx, distances: dist.map { max($0, 0).squareRoot() })
    }

    /// Squared Euclidean distance between rows of the points.
    struct Distance: @unchecked Sendable {
        let x: UnsafePointer<Float>
        let d: Int
        @inline(__always) func callAsFunction(_ a: Int, _ b: Int) -> Float {
            var s: Float = 0
            let pa = x + a * d, pb = x + b * d
            for c in 0..<d { let t = pa[c] - pb[c]; s += t * t }
            return s
        }
    }

    /// The n heaps over shared storage.
    struct Heaps: @unchecked Sendable {
        let dist: UnsafeMutablePointer<Float>, idx: UnsafeMutablePointer<Int32>, flags: UnsafeMutablePointer<Bool>
        let k: Int
        func heap(_ i: Int, count: Int? = nil) -> NeighborHeap {
            NeighborHeap(dist: dist + i * k, idx: idx + i * k, capacity: k, flags: flags + i * k, count: count ?? k)
        }
    }

    /// Each point's new and old candidates: up to `maxCandidates` of its neighbours flagged new
    /// (then marked old) and of its other neighbours, plus as many reverse neighbours of each kind.
    private func candidates(_ heaps: Heaps, points n: Int) -> (fresh: [[Int32]], old: [[Int32]]) {
        var fresh = [[Int32]](repeating: [], count: n), old = fresh
        for i in 0..<n {
            var taken = 0
            for c in 0..<k {
                let j = heaps.idx[i * k + c]
                if heaps.flags[i * k + c] {
                    guard taken < maxCandidates else { continue }
                    taken += 1
                    heaps.flags[i * k + c] = false
                    fresh[i].append(j)
                    if fresh[Int(j)].count < 2 * maxCandidates { fresh[Int(j)].append(Int32(i)) }
                } else {
                    old[i].append(j)
                    if old[Int(j)].count < 2 * maxCandidates { old[Int(j)].append(Int32(i)) }
                }
            }
        }
        return (fresh, old)
    }

    /// The local join: every pair of new candidates, and every new–old pair, of each point;
    /// returns how many neighbour lists changed.
    private func join(_ heaps: Heaps, fresh: [[Int32]], old: [[Int32]], points n: Int,
                      distance dist: Distance) throws -> Int {
        let bounds = (0..<n).map { heaps.dist[$0 * k] }        // the heap tops at the round's start
        let block = 256, blocks = (n + block - 1) / block
        let found = ResultsBox<[(Int32, Int32, Float)]>(count: blocks)
        do {
            try parallelFor(blocks, threads: threads) { b, _ in
                var out = [(Int32, Int32, Float)]()
                for i in (b * block)..<min(n, b * block + block) {
                    let f = fresh[i], o = old[i]
                    for (p, u) in f.enumerated() {
                        for v in f[(p + 1)...] where u != v { consider(Int(u), Int(v)) }
                        for v in o where u != v { consider(Int(u), Int(v)) }
                    }
                }
                func consider(_ u: Int, _ v: Int) {
                    let d = dist(u, v)
                    if d < bounds[u] || d < bounds[v] { out.append((Int32(u), Int32(v), d)) }
                }
                found.set(b, .success(out))
            }
        }
        var updates = 0
        for r in found.values {
            guard case .success(let list)? = r else { continue }
            for (u, v, d) in list {
                var hu = heaps.heap(Int(u)), hv = heaps.heap(Int(v))
                if d < hu.bound && !hu.contains(v) && hu.push(d, v) { updates += 1 }
                if d < hv.bound && !hv.contains(u) && hv.push(d, u) { updates += 1 }
            }
        }
        return updates
    }
}
