import Foundation

/// Post-processing of dense vectors (`wordvec convert --center`, `--abtt D`, `--dims K`). Every
/// step keeps the words and their order; shapes are words × dim in, words × dim' out.
public enum PostProcessing {
    /// The rows of `e` as an n × d matrix.
    static func matrix(_ e: Embeddings) -> DenseMatrix {
        DenseMatrix(rowCount: e.count, columnCount: e.dim, values: e.vectors)
    }

    static func embeddings(_ m: DenseMatrix, words: [String]) throws -> Embeddings {
        try Embeddings(words: words, dim: m.columnCount, vectors: m.values)
    }

    static func needRows(_ e: Embeddings, _ what: String) throws {
        guard e.count >= 2 else { throw WordVecError.invalidArgument("\(what) needs at least 2 vectors, the file has \(e.count)") }
    }

    /// x_i − μ for every row, μ the mean row (n × d → n × d).
    public static func centered(_ e: Embeddings) throws -> Embeddings {
        try needRows(e, "--center")
        var m = matrix(e)
        PrincipalComponents.subtract(PrincipalComponents.columnMeans(m), fromRowsOf: &m)
        return try embeddings(m, words: e.words)
    }

    /// All-but-the-top (Mu & Viswanath 2018, Algorithm 1): subtract the mean row, then remove
    /// the projections on the top D principal directions of the centred rows:
    /// x̃_i = (x_i − μ) − Σ_{k≤D} (u_kᵀ(x_i − μ)) u_k  (n × d → n × d). The paper's rule of thumb
    /// is D ≈ d/100. Throws `.invalidArgument` when D > d, `.lapack` if PCA fails.
    public static func allButTheTop(_ e: Embeddings, remove d: Int) throws -> Embeddings {
        try needRows(e, "--abtt")
        guard d >= 0 && d <= e.dim else { throw WordVecError.invalidArgument("--abtt \(d): the vectors have \(e.dim) dimensions") }
        if d == 0 { return try centered(e) }
        let pca = try PrincipalComponents(fitting: matrix(e), components: d)
        return try embeddings(pca.removingComponents(from: matrix(e)), words: e.words)
    }

    /// The coordinates of every row on the top K principal directions: (x_i − μ)ᵀu_k for
    /// k = 1…K (n × d → n × K). Unlike keeping the first K columns, this keeps the K directions
    /// of largest variance, which is what a model not trained for prefix truncation
    /// (Matryoshka) needs. Cosines change by the variance removed and by the centring.
    /// Throws `.invalidArgument` when K is not in 1…d, `.lapack` if PCA fails.
    public static func principalDirections(_ e: Embeddings, keep k: Int) throws -> Embeddings {
        try needRows(e, "--dims")
        guard k >= 1 && k <= e.dim else { throw WordVecError.invalidArgument("--dims \(k): must be 1 to \(e.dim), the vectors' dimension") }
        let pca = try PrincipalComponents(fitting: matrix(e), components: k)
        return try embeddings(pca.project(matrix(e)), words: e.words)
    }
}
