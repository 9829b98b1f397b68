/// How `Projection.map` draws n points of d dimensions in the plane.
public enum ProjectionMethod: String, CaseIterable, Sendable, Codable {
    /// The top two principal components (linear; distances along them are faithful, clusters
    /// may overlap). `PrincipalComponents`.
    case pca
    /// t-distributed stochastic neighbour embedding (van der Maaten & Hinton 2008). `TSNE`.
    case tsne
    /// Uniform manifold approximation and projection (McInnes, Healy & Melville 2018). `UMAP`.
    case umap
}
