/// UMAP's parameters; the defaults are umap-learn's (`UMAP()`).
public struct UMAPSettings: Sendable, Equatable, Codable {
    /// Size of the local neighbourhood (the point itself included, as umap-learn counts).
    public var nNeighbors = 15
    /// The smallest distance between points in the map; sets the curve 1 / (1 + a·d^2b).
    public var minDist = 0.1
    /// The scale of the map's distances (with min_dist, fits a and b).
    public var spread = 1.0
    /// SGD epochs; nil: 500 up to 10,000 points, 200 beyond (umap-learn's rule).
    public var epochs: Int? = nil
    /// Negative samples per positive sample.
    public var negativeSampleRate = 5
    /// The initial learning rate (decays linearly to 0).
    public var learningRate = 1.0
    /// Weight of the repulsion in the cross-entropy (umap-learn's `repulsion_strength`).
    public var repulsionStrength = 1.0

    public init() {}

    /// Throws `WordVecError.invalidArgument` naming the flag of a value out of range.
    public func validate() throws {
        guard nNeighbors >= 2 else { throw WordVecError.invalidArgument("--n-neighbors must be at least 2, not \(nNeighbors)") }
        guard spread > 0 else { throw WordVecError.invalidArgument("--spread must be positive, not \(spread)") }
        guard minDist >= 0 && minDist <= spread else {
            throw WordVecError.invalidArgument("--min-dist must be in 0...spread (\(spread)), not \(minDist)")
        }
        if let e = epochs, e < 1 { throw WordVecError.invalidArgument("--n-epochs must be positive, not \(e)") }
        guard negativeSampleRate >= 1 else { throw WordVecError.invalidArgument("--negative-sample-rate must be positive") }
        guard learningRate > 0 else { throw WordVecError.invalidArgument("--learning-rate must be positive") }
    }
}
