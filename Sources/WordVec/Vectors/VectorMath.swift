import Foundation

/// Small vector kernels shared by evaluators and trainers.
public enum VectorMath {
    @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var s = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            s.addProduct(UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self),
                         UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self))
            i += 8
        }
        var r = s.sum()
        while i < n { r += a[i] * b[i]; i += 1 }
        return r
    }

    /// Scales `v` to unit length; leaves a zero vector alone.
    public static func normalize(_ v: UnsafeMutablePointer<Float>, _ n: Int) {
        let norm = dot(v, v, n).squareRoot()
        guard norm > 0 else { return }
        let inv = 1 / norm
        for i in 0..<n { v[i] *= inv }
    }
}
