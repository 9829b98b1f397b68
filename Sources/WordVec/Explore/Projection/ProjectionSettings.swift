/// Everything `Projection.map` needs besides the points: the method, its parameters, the seed
/// and the threads. Defaults are openTSNE's (t-SNE) and umap-learn's (UMAP).
public struct ProjectionSettings: Sendable, Equatable, Codable {
    public var method: ProjectionMethod = .pca
    /// Seed of every random draw (initial noise, negative samples, NN-descent).
    public var seed: UInt64 = 1
    /// Worker threads. With one thread the map is a function of the points and the seed.
    public var threads = 1
    /// t-SNE settings (perplexity, iterations, gradient method).
    public var tsne = TSNESettings()
    /// UMAP settings (n_neighbors, min_dist, epochs).
    public var umap = UMAPSettings()

    public init(method: ProjectionMethod = .pca, seed: UInt64 = 1, threads: Int = 1) {
        self.method = method
        self.seed = seed
        self.threads = threads
    }

    /// Throws `WordVecError.invalidArgument` naming the flag of a value out of range.
    public func validate() throws {
        guard (1...4096).contains(threads) else { throw WordVecError.invalidArgument("--threads must be in 1...4096, not \(threads)") }
        switch method {
        case .pca: break
        case .tsne: try tsne.validate()
        case .umap: try umap.validate()
        }
    }
}
