/// A matrix of padded rows (rows × stride floats, zero-filled, page-aligned, on huge pages when
/// large: `LargeBuffer`), shared by training threads (Hogwild: concurrent unsynchronised
/// updates, as in word2vec.c, are part of the algorithm).
package final class RowMatrix: @unchecked Sendable {
    package let rows: Int
    package let dim: Int
    package let stride: Int
    package let base: UnsafeMutablePointer<Float>
    private let storage: LargeBuffer<Float>

    /// Throws `.invalidInput` (out of memory) when the kernel refuses the allocation.
    package init(rows: Int, dim: Int) throws {
        self.rows = rows
        self.dim = dim
        stride = RowKernels.stride(for: dim)
        storage = try LargeBuffer(count: rows * stride)
        base = storage.base
    }

    @inline(__always)
    package func row(_ i: Int) -> UnsafeMutablePointer<Float> { base + i * stride }

    /// word2vec's initialisation: uniform in [-0.5, 0.5) / dim, padding left at zero.
    package func randomize(_ rng: inout FastRandom) {
        for r in 0..<rows {
            let p = row(r)
            for j in 0..<dim { p[j] = (rng.nextFloat() - 0.5) / Float(dim) }
        }
    }

    /// The unpadded values, row-major (`rows * dim`).
    package func packed() -> [Float] {
        var out = [Float](repeating: 0, count: rows * dim)
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows { (o.baseAddress! + r * dim).update(from: row(r), count: dim) }
        }
        return out
    }
}
