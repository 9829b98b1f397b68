import Foundation

/// Uniform manifold approximation and projection of n points to the plane (McInnes, Healy &
/// Melville 2018; defaults and optimisation as umap-learn): a k-nearest-neighbour graph (exact
/// through BLAS up to 12,000 points, NN-descent beyond), its fuzzy simplicial set
/// (`FuzzySimplicialSet`), a PCA initialisation scaled to [0, 10]², and stochastic gradient
/// descent on the fuzzy cross-entropy with negative sampling (`UMAPLayout`).
public struct UMAP: Sendable {
    public var settings: UMAPSettings
    public var seed: UInt64
    public var threads: Int

    public init(settings: UMAPSettings = UMAPSettings(), seed: UInt64 = 1, threads: Int = 1) {
        self.settings = settings
        self.seed = seed
        self.threads = threads
    }

    /// The n × 2 map of the rows of `points` (n × d, n ≥ 2). Throws `WordVecError.invalidArgument`
    /// for bad settings, `.lapack` if the PCA initialisation fails, `.interrupted` on Ctrl-C.
    public func embed(_ points: DenseMatrix) throws -> DenseMatrix {
        try settings.validate()
        let n = points.rowCount
        precondition(n >= 2, "UMAP of \(n) points")
        let graph = try NeighborGraph.build(points, k: settings.nNeighbors - 1, threads: threads, seed: seed)
        let w = try FuzzySimplicialSet.memberships(graph, threads: threads)
        let epochs = settings.epochs ?? (n <= 10_000 ? 500 : 200)
        var y = try initialEmbedding(points)
        let layout = UMAPLayout(graph: w, epochs: epochs, curve: UMAPCurve(minDist: settings.minDist, spread: settings.spread),
                                negativeSampleRate: settings.negativeSampleRate, repulsion: settings.repulsionStrength,
                                learningRate: settings.learningRate)
        try layout.optimize(&y, seed: seed, threads: threads)
        return DenseMatrix(rowCount: n, columnCount: 2, values: y)
    }

    /// The top two principal components, scaled so the largest |coordinate| is 10, plus noise of
    /// scale 10⁻⁴ (umap-learn's `init="pca"`), then each axis mapped to [0, 10] as
    /// umap-learn does before optimising. 2n interleaved floats.
    func initialEmbedding(_ points: DenseMatrix) throws -> [Float] {
        let plane = try Projection.principalPlane(points)
        let largest = plane.values.map { abs($0) }.max() ?? 0
        let expansion = largest > 0 ? 10 / largest : 1
        var rng = FastRandom(seed: seed ^ 0x5DEE_CE66)
        var y = plane.values.map { $0 * expansion + 1e-4 * UMAP.gaussian(&rng) }
        for axis in 0..<2 {
            let column = stride(from: axis, to: y.count, by: 2).map { y[$0] }
            let low = column.min() ?? 0, high = column.max() ?? 0
            let scale = high > low ? 10 / (high - low) : 0
            for e in stride(from: axis, to: y.count, by: 2) { y[e] = (y[e] - low) * scale }
        }
        return y
    }

    /// A standard normal draw (Box–Muller).
    static func gaussian(_ rng: inout FastRandom) -> Float {
        let u = max(rng.nextFloat(), 1e-7), v = rng.nextFloat()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
