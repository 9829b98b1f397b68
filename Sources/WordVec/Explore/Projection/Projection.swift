/// The one entry point of 2-D maps: n points (rows of an n × d `DenseMatrix`, usually word
/// vectors) to n × 2 coordinates by PCA, t-SNE or UMAP.
public enum Projection {
    /// Maps the rows of `points` (n × d, n ≥ 2, finite) to an n × 2 matrix (row i is point i's
    /// x and y) with `settings.method`. Deterministic for a seed with one thread.
    /// Neighbour counts (t-SNE's 3·perplexity, UMAP's n_neighbors) are clamped to n − 1.
    /// Throws `WordVecError.invalidArgument` for out-of-range settings, `.invalidInput` for fewer
    /// than 2 points or a non-finite coordinate, `.lapack` if the PCA eigensolver fails,
    /// `.diverged` if t-SNE's coordinates stop being finite, `.interrupted` on Ctrl-C.
    public static func map(_ points: DenseMatrix, settings: ProjectionSettings) throws -> DenseMatrix {
        try settings.validate()
        guard points.rowCount >= 2 else {
            throw WordVecError.invalidInput("a map needs at least 2 points, not \(points.rowCount)")
        }
        guard points.values.allSatisfy({ $0.isFinite }) else {
            throw WordVecError.invalidInput("the points to map have a NaN or infinite coordinate")
        }
        switch settings.method {
        case .pca: return try principalPlane(points)
        case .tsne: return try TSNE(settings: settings.tsne, seed: settings.seed, threads: settings.threads).embed(points)
        case .umap: return try UMAP(settings: settings.umap, seed: settings.seed, threads: settings.threads).embed(points)
        }
    }

    /// The coordinates of the rows on their top two principal components (n × 2); with d = 1
    /// the second coordinate is 0.
    public static func principalPlane(_ points: DenseMatrix) throws -> DenseMatrix {
        let k = min(2, points.columnCount)
        let pca = try PrincipalComponents(fitting: points, components: k)
        let p = pca.project(points)
        if k == 2 { return p }
        var out = DenseMatrix(rowCount: points.rowCount, columnCount: 2)
        for i in 0..<points.rowCount where k == 1 { out[i, 0] = p[i, 0] }
        return out
    }
}
