/// How `convert --quantize` stores each value.
public enum QuantizationScheme: String, Codable, Sendable, CaseIterable {
    /// One signed byte a value: q_ij = round(x_ij / s_j) in −127…127, with the per-dimension
    /// scale s_j = max_i |x_ij| / 127; read back as q_ij·s_j (error at most s_j / 2).
    case int8
    /// One bit a value, the sign: b_ij = 1 when x_ij > 0; read back as ±s_j with
    /// s_j = mean_i |x_ij| (the per-dimension scale that minimises the squared error of a
    /// sign code), so cosines are those of the sign vectors weighted by the scales.
    case binary

    /// Bytes a vector's code takes for `dim` dimensions.
    public func codeBytes(dim: Int) -> Int { self == .int8 ? dim : (dim + 7) / 8 }
}
