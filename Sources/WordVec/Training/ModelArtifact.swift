/// What a method keeps beside the word vectors when they are not the whole model: fastText's
/// n-gram matrix (written as a fastText `.bin` by `--save-model`), the SVD factors U, Σ, Vᵀ of
/// the count methods (so eigenvalue weighting can be chosen after training).
public protocol ModelArtifact: Sendable {
    /// A short name for messages ("fastText model", "SVD factors").
    var kind: String { get }
    /// Writes the artefact in its own file format (atomically). Throws `WordVecError`.
    func save(to path: String) throws
}
