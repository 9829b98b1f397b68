import Foundation

/// The geometry of a set of row pairs on the unit sphere: every vector is first scaled to unit
/// length (zero vectors stay zero), as in Wang & Isola's definitions on normalized features.
///
/// - alignment (Wang & Isola 2020, eq. 4): ℓ_align = mean over pairs of ‖u_a − u_b‖₂^α (α = 2):
///   0 when the two words of every pair coincide, 4 when they are opposite;
/// - uniformity (eq. 5): ℓ_uniform = log mean over pairs of exp(−t‖u_a − u_b‖₂²) (t = 2): −4 for
///   antipodal pairs, 0 when all vectors coincide; lower is more uniform;
/// - mean cosine: mean of u_a·u_b. Over random word pairs this is the anisotropy of
///   Ethayarajh (2019, §3.2): 0 for directions spread evenly, near 1 when all vectors share a
///   direction (a narrow cone).
/// Sums are accumulated in Double.
public struct PairGeometry: Codable, Sendable, Equatable {
    /// How many pairs were measured.
    public var pairs: Int
    public var alignment: Double
    public var uniformity: Double
    public var meanCosine: Double

    /// Measures `pairs` of rows of `unit` (n × d, rows already unit length or zero).
    /// `alpha` and `t` are Wang & Isola's exponents (both 2 by default, as in the paper).
    public init(unit: DenseMatrix, pairs list: [RowPair], alpha: Double = 2, t: Double = 2) {
        let d = unit.columnCount
        var align = 0.0, kernel = 0.0, cosine = 0.0
        unit.values.withUnsafeBufferPointer { v in
            for p in list {
                let x = v.baseAddress! + p.a * d, y = v.baseAddress! + p.b * d
                var sq = 0.0
                for k in 0..<d { let diff = Double(x[k]) - Double(y[k]); sq += diff * diff }
                align += alpha == 2 ? sq : pow(sq.squareRoot(), alpha)
                kernel += exp(-t * sq)
                cosine += Double(VectorMath.dot(x, y, d))
            }
        }
        let n = Double(max(list.count, 1))
        pairs = list.count
        alignment = align / n
        uniformity = list.isEmpty ? 0 : log(kernel / n)
        meanCosine = cosine / n
    }
}
