import Foundation

/// Vector length against frequency rank: word2vec-style files list words by decreasing
/// frequency, so row i + 1 is the i-th most frequent word. Frequent function words tend to have
/// short vectors in SGNS and long ones in count models (Schakel & Wilson 2015 relate word2vec
/// norms to frequency), which the table makes visible.
public struct NormProfile: Codable, Sendable, Equatable {
    /// Ranks [from, to] (1-based, inclusive) and the norms of their rows.
    public struct Band: Codable, Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var meanNorm: Double
        public var minNorm: Double
        public var maxNorm: Double
    }

    /// Rank bands 1–10, 11–30, 31–100, 101–300, … (steps of about √10) up to the last row.
    public var bands: [Band]

    /// Bands over the row norms `norms` (row order = frequency rank).
    public init(norms: [Float]) {
        var bands: [Band] = []
        var from = 0, edge = 10
        while from < norms.count {
            let to = min(edge, norms.count)
            let slice = norms[from..<to].map(Double.init)
            bands.append(Band(from: from + 1, to: to, meanNorm: slice.reduce(0, +) / Double(slice.count),
                              minNorm: slice.min()!, maxNorm: slice.max()!))
            from = to
            edge = Self.nextEdge(after: edge)
        }
        self.bands = bands
    }

    /// 10 → 30 → 100 → 300 → 1000 …
    static func nextEdge(after edge: Int) -> Int {
        edge % 3 == 0 ? edge / 3 * 10 : edge * 3
    }
}
