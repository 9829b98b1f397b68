import Foundation

/// A 2-D map of chosen words from a vector file: the rows looked up, optionally scaled to unit
/// length (so Euclidean neighbours are cosine neighbours, as in `wordvec neighbors`), projected
/// by `Projection.map`, optionally clustered by k-means in the original space. What
/// `wordvec plot` draws and what a report shows per method.
public struct WordMap: Sendable {
    /// The words mapped, in the order asked (duplicates and unknown words removed).
    public let words: [String]
    /// n × 2: row i is `words[i]`'s position.
    public let coordinates: DenseMatrix
    /// k-means cluster of each word (0..<k), when clusters were asked for.
    public let clusters: [Int]?

    /// Looks up `requested` in `vectors`: the rows found (first occurrence of each word, in
    /// order) and the words that are not there (in order, once each).
    public static func lookUp(_ requested: [String], in vectors: WordVectors) -> (rows: [Int], missing: [String]) {
        let index = vectors.index
        var seen = Set<String>(), rows: [Int] = [], missing: [String] = []
        for w in requested where seen.insert(w).inserted {
            if let r = index[w] { rows.append(r) } else { missing.append(w) }
        }
        return (rows, missing)
    }

    /// Maps the rows `rows` of `vectors` (n ≥ 2 of them) with `settings`; `clusters` > 0 adds
    /// k-means (k-means++ seeds, seeded by `settings.seed`) on the same (normalised) vectors.
    /// Throws `WordVecError.invalidInput` for fewer than 2 rows or more than 4096 dimensions, and what `Projection.map` and
    /// `KMeans.fit` throw.
    public init(vectors: WordVectors, rows: [Int], settings: ProjectionSettings, clusters: Int = 0,
                normalize: Bool = true) throws {
        guard rows.count >= 2 else {
            throw WordVecError.invalidInput("a map needs at least 2 words found in the vectors, not \(rows.count)")
        }
        let d = vectors.dim
        guard d <= 4096 else {
            throw WordVecError.invalidInput("a map needs vectors of at most 4096 dimensions (PCA forms a d × d covariance), not \(d)")
        }
        var values = [Float]()
        values.reserveCapacity(rows.count * d)
        for r in rows {
            switch vectors {
            case .dense(let e): values.append(contentsOf: e.vectors[(r * d)..<((r + 1) * d)])
            case .sparse(let s): values.append(contentsOf: s.row(r))
            }
        }
        var x = DenseMatrix(rowCount: rows.count, columnCount: d, values: values)
        if normalize { x.scaleRows(by: x.rowNorms().map { $0 > 0 ? 1 / $0 : 0 }) }
        coordinates = try Projection.map(x, settings: settings)
        self.clusters = clusters > 0 ? try KMeans(k: clusters, seed: settings.seed).fit(x).assignments : nil
        let all = vectors.words
        words = rows.map { all[$0] }
    }

    /// The map as an SVG scatter plot (`ScatterPlotSVG`), words labelled in order.
    public func svg(title: String = "") -> String {
        ScatterPlotSVG(coordinates: coordinates, labels: words, clusters: clusters, title: title).render()
    }

    /// One `word x y` line per word (coordinates with 6 significant digits), for other tools.
    public func coordinateLines() -> String {
        var s = ""
        for (i, w) in words.enumerated() {
            s += w + " " + String(format: "%.6g %.6g", coordinates[i, 0], coordinates[i, 1]) + "\n"
        }
        return s
    }
}
