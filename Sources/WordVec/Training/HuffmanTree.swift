/// The Huffman tree over the vocabulary for hierarchical softmax (Mikolov et al. 2013; Morin &
/// Bengio 2005): frequent words get short codes. Word w's path is `points` (inner-node rows of
/// the output matrix, root first) with `codes` (0/1 branch taken at each).
package struct HuffmanTree: Sendable {
    package let codes: [[UInt8]]
    package let points: [[Int32]]

    package init(counts: [Int]) {
        let n = counts.count
        precondition(n >= 1)
        if n == 1 { codes = [[0]]; points = [[0]]; self.innerCount = 1; return }
        // Two-queue construction: leaves sorted by count ascending, inner nodes in creation order.
        let order = (0..<n).sorted { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 > $1 }
        var weight = order.map { counts[$0] }
        var parent = [Int](repeating: -1, count: 2 * n - 1)
        var branch = [UInt8](repeating: 0, count: 2 * n - 1)
        var leaf = 0, inner = n
        func pick() -> Int {
            if leaf < n && (inner >= weight.count || weight[leaf] <= weight[inner]) { leaf += 1; return leaf - 1 }
            inner += 1
            return inner - 1
        }
        for _ in 0..<(n - 1) {
            let a = pick(), b = pick()
            weight.append(weight[a] + weight[b])
            parent[a] = weight.count - 1
            parent[b] = weight.count - 1
            branch[b] = 1
        }
        var codes = [[UInt8]](repeating: [], count: n)
        var points = [[Int32]](repeating: [], count: n)
        let root = 2 * n - 2
        for (pos, word) in order.enumerated() {
            var c: [UInt8] = [], p: [Int32] = []
            var node = pos
            while node != root {
                c.append(branch[node])
                p.append(Int32(parent[node] - n))   // inner nodes are rows 0..<n-1
                node = parent[node]
            }
            codes[word] = c.reversed()
            points[word] = p.reversed()
        }
        self.codes = codes
        self.points = points
        innerCount = n - 1
    }

    /// Rows needed in the output matrix.
    package let innerCount: Int
}
