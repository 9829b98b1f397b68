/// How t-SNE computes the repulsive (negative) part of its gradient.
public enum TSNEGradientMethod: String, CaseIterable, Sendable, Codable {
    /// Exact below 1,000 points, Barnes-Hut below 10,000, FFT-interpolated beyond (openTSNE's
    /// `auto` with an exact step for small maps).
    case auto
    /// All n² pairs (van der Maaten & Hinton 2008, eq. 5).
    case exact
    /// A quadtree with the θ criterion (van der Maaten 2014, §4.2).
    case barnesHut = "bh"
    /// Polynomial interpolation on an equispaced grid and FFT convolution (Linderman et al.
    /// 2019, FIt-SNE).
    case fft
}

/// t-SNE's parameters; the defaults are openTSNE's (`TSNE()`), with the learning rate "auto"
/// (n / exaggeration, Belkina et al. 2019) and PCA initialisation.
public struct TSNESettings: Sendable, Equatable, Codable {
    /// The effective number of neighbours each point's Gaussian is calibrated to (§2).
    public var perplexity = 30.0
    /// Iterations with early exaggeration (momentum 0.5).
    public var earlyExaggerationIterations = 250
    /// The factor P is multiplied by during early exaggeration.
    public var earlyExaggeration = 12.0
    /// Iterations after early exaggeration (momentum 0.8).
    public var iterations = 500
    /// Learning rate; nil is "auto": max(n / exaggeration, 50) in openTSNE's scale (gradient
    /// without the factor 4, equivalent to sklearn's max(n / exaggeration / 4, 50)).
    public var learningRate: Double? = nil
    /// Barnes-Hut's accuracy: a cell of width w at distance r is summarised when w / r < θ.
    public var theta = 0.5
    /// The repulsion's method.
    public var gradientMethod = TSNEGradientMethod.auto

    public init() {}

    /// Throws `WordVecError.invalidArgument` naming the flag of a value out of range.
    public func validate() throws {
        guard perplexity > 0 && perplexity.isFinite else { throw WordVecError.invalidArgument("--perplexity must be positive, not \(perplexity)") }
        guard iterations >= 0 && earlyExaggerationIterations >= 0 else { throw WordVecError.invalidArgument("--n-iter must not be negative") }
        guard earlyExaggeration >= 1 else { throw WordVecError.invalidArgument("--early-exaggeration must be at least 1, not \(earlyExaggeration)") }
        if let rate = learningRate, !(rate > 0) { throw WordVecError.invalidArgument("--learning-rate must be positive, not \(rate)") }
        guard theta >= 0 else { throw WordVecError.invalidArgument("--theta must not be negative") }
    }

    /// The gradient method for n points.
    func resolvedMethod(points n: Int) -> TSNEGradientMethod {
        guard gradientMethod == .auto else { return gradientMethod }
        return n < 1_000 ? .exact : n < 10_000 ? .barnesHut : .fft
    }
}
