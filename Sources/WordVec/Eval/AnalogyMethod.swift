import Foundation

/// How an analogy `a : b :: c : ?` is answered (Levy & Goldberg 2014, "Linguistic Regularities in
/// Sparse and Explicit Word Representations", eqs. 3 and 4).
public enum AnalogyMethod: String, Codable, Sendable, CaseIterable {
    /// 3CosAdd: argmax_d cos(d, b) - cos(d, a) + cos(d, c) (Mikolov et al. 2013's vector offset).
    case add
    /// 3CosMul: argmax_d cos'(d, b) cos'(d, c) / (cos'(d, a) + 0.001), cosines shifted to [0, 1]
    /// by cos' = (cos + 1) / 2 so that the product and ratio are well defined.
    case mul

    public var displayName: String { self == .add ? "3CosAdd" : "3CosMul" }
}
