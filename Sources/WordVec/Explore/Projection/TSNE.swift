import Foundation

/// t-distributed stochastic neighbour embedding of n points in the plane (van der Maaten &
/// Hinton 2008), with the sparse input similarities and the accelerated repulsion of van der
/// Maaten 2014 (Barnes-Hut) and Linderman et al. 2019 (FFT-interpolated), optimised as openTSNE
/// does: PCA initialisation scaled to a standard deviation of 10⁻⁴, early exaggeration with
/// momentum 0.5, then momentum 0.8, per-coordinate gains (Jacobs 1988), steps clipped to norm 5.
///
/// The cost is KL(P‖Q) with q_ij = (1 + ‖yᵢ − yⱼ‖²)⁻¹ / Z, Z = Σ_{k≠l} (1 + ‖y_k − y_l‖²)⁻¹;
/// its gradient (eq. 5 of the 2008 paper, without the constant 4, which the "auto" learning rate
/// absorbs) splits into an attraction over P's nonzeros and a repulsion over all pairs:
/// ∂C/∂yᵢ ∝ Σⱼ p_ij q̃_ij (yᵢ − yⱼ) − (1/Z) Σⱼ q̃_ij² (yᵢ − yⱼ), q̃_ij = (1 + ‖yᵢ − yⱼ‖²)⁻¹.
public struct TSNE: Sendable {
    public var settings: TSNESettings
    public var seed: UInt64
    public var threads: Int

    public init(settings: TSNESettings = TSNESettings(), seed: UInt64 = 1, threads: Int = 1) {
        self.settings = settings
        self.seed = seed
        self.threads = threads
    }

    /// The n × 2 map of the rows of `points` (n × d, n ≥ 2). Throws `WordVecError.invalidArgument`
    /// for bad settings, `.lapack` if the PCA initialisation fails, `.interrupted` on Ctrl-C,
    /// `.diverged` if the coordinates stop being finite.
    public func embed(_ points: DenseMatrix) throws -> DenseMatrix {
        try settings.validate()
        let n = points.rowCount
        precondition(n >= 2, "t-SNE of \(n) points")
        let method = settings.resolvedMethod(points: n)
        let k = method == .exact ? n - 1 : min(n - 1, max(1, Int(3 * settings.perplexity)))
        let graph = try NeighborGraph.build(points, k: k, threads: threads, seed: seed)
        let p = try TSNEAffinities.joint(graph, perplexity: settings.perplexity, threads: threads)
        var y = try TSNE.initialEmbedding(points)
        var optimizer = TSNEOptimizer(p: p, repulsion: TSNERepulsion(method: method, theta: settings.theta, points: n),
                                      threads: threads)
        let rate = { (exaggeration: Double) in settings.learningRate ?? max(Double(n) / exaggeration, 50) }
        try optimizer.run(&y, iterations: settings.earlyExaggerationIterations, exaggeration: settings.earlyExaggeration,
                          momentum: 0.5, learningRate: rate(settings.earlyExaggeration))
        try optimizer.run(&y, iterations: settings.iterations, exaggeration: 1, momentum: 0.8, learningRate: rate(1))
        return DenseMatrix(rowCount: n, columnCount: 2, values: y.map { Float($0) })
    }

    /// The top two principal components of the points, scaled so the first has standard
    /// deviation 10⁻⁴ (openTSNE's `initialization="pca"`), as 2n interleaved doubles.
    static func initialEmbedding(_ points: DenseMatrix) throws -> [Double] {
        let plane = try Projection.principalPlane(points)
        let first = plane.column(0).map(Double.init)
        let mean = first.reduce(0, +) / Double(first.count)
        let sd = (first.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(first.count)).squareRoot()
        let scale = sd > 0 ? 1e-4 / sd : 1
        return plane.values.map { Double($0) * scale }
    }
}
