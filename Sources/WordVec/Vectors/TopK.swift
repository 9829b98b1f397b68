import Foundation

/// Partial selection of the largest scores.
public enum TopK {
    /// Indices of the `k` largest values, best first (ties: lower index first).
    public static func select(_ scores: [Float], k: Int, excluding excluded: Set<Int> = []) -> [Int] {
        guard k > 0 else { return [] }
        var heap: [(Float, Int)] = []   // min-heap by score on a small array: k is small
        heap.reserveCapacity(k + 1)
        var minScore = -Float.infinity
        for (i, s) in scores.enumerated() where !s.isNaN {
            if heap.count == k && s <= minScore { continue }
            if excluded.contains(i) { continue }
            heap.append((s, i))
            if heap.count > k {
                // drop the current minimum (latest index among equal minima)
                var m = 0
                for j in 1..<heap.count where heap[j].0 < heap[m].0 || (heap[j].0 == heap[m].0 && heap[j].1 > heap[m].1) { m = j }
                heap.remove(at: m)
            }
            if heap.count == k { minScore = heap.map(\.0).min()! }
        }
        return heap.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.1)
    }
}
