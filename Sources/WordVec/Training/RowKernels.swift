import Foundation

/// The few row operations every predictive trainer needs, on rows padded to a multiple of 16
/// floats (so there is no scalar tail): dot products and y += a·x. Unsafe pointers, no bounds
/// checks: callers guarantee the rows exist. Tested in TrainingPiecesTests.
package enum RowKernels {
    package typealias V = SIMD16<Float>
    package static let width = 16

    /// Rounds a dimension up to the padded row stride.
    package static func stride(for dim: Int) -> Int { (dim + width - 1) / width * width }

    @inline(__always)
    package static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ stride: Int) -> Float {
        let va = UnsafeRawPointer(a), vb = UnsafeRawPointer(b)
        var s0 = V(), s1 = V()
        var i = 0
        while i + 2 * width <= stride {
            s0.addProduct(va.load(fromByteOffset: i * 4, as: V.self), vb.load(fromByteOffset: i * 4, as: V.self))
            s1.addProduct(va.load(fromByteOffset: (i + width) * 4, as: V.self), vb.load(fromByteOffset: (i + width) * 4, as: V.self))
            i += 2 * width
        }
        if i < stride {
            s0.addProduct(va.load(fromByteOffset: i * 4, as: V.self), vb.load(fromByteOffset: i * 4, as: V.self))
        }
        return (s0 + s1).sum()
    }

    /// Four dot products of `a` with b0…b3 at once (one load of `a` serves four independent
    /// accumulators, which also hides the FMA latency that a single dot product waits on).
    @inline(__always)
    package static func dot4(_ a: UnsafePointer<Float>, _ b0: UnsafePointer<Float>, _ b1: UnsafePointer<Float>,
                            _ b2: UnsafePointer<Float>, _ b3: UnsafePointer<Float>, _ stride: Int) -> SIMD4<Float> {
        let va = UnsafeRawPointer(a)
        let r0 = UnsafeRawPointer(b0), r1 = UnsafeRawPointer(b1), r2 = UnsafeRawPointer(b2), r3 = UnsafeRawPointer(b3)
        var s0 = V(), s1 = V(), s2 = V(), s3 = V()
        var o = 0
        while o < stride * 4 {
            let x = va.load(fromByteOffset: o, as: V.self)
            s0.addProduct(x, r0.load(fromByteOffset: o, as: V.self))
            s1.addProduct(x, r1.load(fromByteOffset: o, as: V.self))
            s2.addProduct(x, r2.load(fromByteOffset: o, as: V.self))
            s3.addProduct(x, r3.load(fromByteOffset: o, as: V.self))
            o += width * 4
        }
        return SIMD4(s0.sum(), s1.sum(), s2.sum(), s3.sum())
    }

    /// y += a * x
    @inline(__always)
    package static func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ stride: Int) {
        let vx = UnsafeRawPointer(x), vy = UnsafeMutableRawPointer(y)
        let va = V(repeating: a)
        var i = 0
        while i < stride {
            var r = vy.load(fromByteOffset: i * 4, as: V.self)
            r.addProduct(va, vx.load(fromByteOffset: i * 4, as: V.self))
            vy.storeBytes(of: r, toByteOffset: i * 4, as: V.self)
            i += width
        }
    }

    /// y += x
    @inline(__always)
    package static func add(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ stride: Int) {
        let vx = UnsafeRawPointer(x), vy = UnsafeMutableRawPointer(y)
        var i = 0
        while i < stride {
            let r = vy.load(fromByteOffset: i * 4, as: V.self) + vx.load(fromByteOffset: i * 4, as: V.self)
            vy.storeBytes(of: r, toByteOffset: i * 4, as: V.self)
            i += width
        }
    }

    /// The k×n block update of minibatched skip-gram (Ji et al. 2016), in one pass over the
    /// rows, 16 floats at a time: h_i += Σ_j g[i·n+j] t_j and t_j += Σ_i g[i·n+j] h_i, both sides
    /// computed from the values before the call. Rows may repeat (a word twice in a window):
    /// every write re-reads the row, so repeated rows receive every update.
    /// `scratch` holds k·16 floats.
    @inline(__always)
    package static func blockUpdate(h: UnsafePointer<UnsafeMutablePointer<Float>>, k: Int,
                                   t: UnsafePointer<UnsafeMutablePointer<Float>>, n: Int,
                                   g: UnsafePointer<Float>, stride: Int, scratch: UnsafeMutablePointer<Float>) {
        let sc = UnsafeMutableRawPointer(scratch)
        var o = 0
        while o < stride {
            let byteOffset = o * 4
            // Δh_i for this chunk, from the old t_j.
            for i in 0..<k {
                var acc = V()
                let gi = g + i * n
                for j in 0..<n {
                    acc.addProduct(V(repeating: gi[j]), UnsafeRawPointer(t[j]).load(fromByteOffset: byteOffset, as: V.self))
                }
                sc.storeBytes(of: acc, toByteOffset: i * 64, as: V.self)
            }
            // t_j += Σ_i g_ij h_i, from the old h_i.
            for j in 0..<n {
                var acc = V()
                for i in 0..<k {
                    acc.addProduct(V(repeating: g[i * n + j]), UnsafeRawPointer(h[i]).load(fromByteOffset: byteOffset, as: V.self))
                }
                let row = UnsafeMutableRawPointer(t[j])
                row.storeBytes(of: row.load(fromByteOffset: byteOffset, as: V.self) + acc, toByteOffset: byteOffset, as: V.self)
            }
            for i in 0..<k {
                let row = UnsafeMutableRawPointer(h[i])
                row.storeBytes(of: row.load(fromByteOffset: byteOffset, as: V.self) + sc.load(fromByteOffset: i * 64, as: V.self),
                               toByteOffset: byteOffset, as: V.self)
            }
            o += width
        }
    }

    /// The CBOW output update in one pass, 16 floats at a time: e = Σ_j g_j t_j (from the old
    /// t_j) and t_j += g_j h. Repeated target rows re-read the row, so each update lands.
    @inline(__always)
    package static func outerUpdate(h: UnsafePointer<Float>, t: UnsafePointer<UnsafeMutablePointer<Float>>, n: Int,
                                   g: UnsafePointer<Float>, e: UnsafeMutablePointer<Float>, stride: Int) {
        let vh = UnsafeRawPointer(h), ve = UnsafeMutableRawPointer(e)
        var o = 0
        while o < stride * 4 {
            ve.storeBytes(of: outerChunk(vh.load(fromByteOffset: o, as: V.self), t: t, n: n, g: g, at: o),
                          toByteOffset: o, as: V.self)
            o += width * 4
        }
    }

    /// One 16-float chunk (at byte offset `o`) of the outer update: returns Σ_j g_j t_j[o], each
    /// t_j read as the loop reaches it, and applies t_j[o] += g_j h[o] (`hv` = h[o]).
    @inline(__always)
    static func outerChunk(_ hv: V, t: UnsafePointer<UnsafeMutablePointer<Float>>, n: Int,
                           g: UnsafePointer<Float>, at o: Int) -> V {
        var acc = V()
        for j in 0..<n {
            let row = UnsafeMutableRawPointer(t[j])
            var r = row.load(fromByteOffset: o, as: V.self)
            acc.addProduct(V(repeating: g[j]), r)
            r.addProduct(V(repeating: g[j]), hv)
            row.storeBytes(of: r, toByteOffset: o, as: V.self)
        }
        return acc
    }

    /// CBOW's hidden row h = (Σ_i x_i) · scale over the k rows x_0…x_{k−1}, 16 floats at a time
    /// with the running sum in a register (0 + x_0 + x_1 + …, in row order, then one multiply: the
    /// same values as zeroing h, adding each row to it and scaling it).
    @inline(__always)
    package static func scaledSum(_ x: UnsafePointer<UnsafeMutablePointer<Float>>, k: Int, scale: Float,
                                 into h: UnsafeMutablePointer<Float>, stride: Int) {
        let vh = UnsafeMutableRawPointer(h), vs = V(repeating: scale)
        var o = 0
        while o < stride * 4 {
            var acc = V()
            for i in 0..<k { acc += UnsafeRawPointer(x[i]).load(fromByteOffset: o, as: V.self) }
            vh.storeBytes(of: acc * vs, toByteOffset: o, as: V.self)
            o += width * 4
        }
    }

    /// The CBOW update after the scores, in one pass over the rows 16 floats at a time:
    /// e = Σ_j g_j t_j (each t_j as the loop reaches it), t_j += g_j h, then x_i += e for every
    /// context row x_i. The values equal `outerUpdate` followed by `add(e, x_i)` for each i, but e
    /// stays in a register instead of being stored and read back k times. Repeated rows (a word
    /// twice among the targets, or twice in the window) receive every update.
    @inline(__always)
    package static func cbowUpdate(h: UnsafePointer<Float>, t: UnsafePointer<UnsafeMutablePointer<Float>>, n: Int,
                                  g: UnsafePointer<Float>, x: UnsafePointer<UnsafeMutablePointer<Float>>, k: Int, stride: Int) {
        let vh = UnsafeRawPointer(h)
        var o = 0
        while o < stride * 4 {
            let e = outerChunk(vh.load(fromByteOffset: o, as: V.self), t: t, n: n, g: g, at: o)
            for i in 0..<k {
                let row = UnsafeMutableRawPointer(x[i])
                row.storeBytes(of: row.load(fromByteOffset: o, as: V.self) + e, toByteOffset: o, as: V.self)
            }
            o += width * 4
        }
    }

    /// Allocates `count` floats aligned for whole-vector loads (64 bytes), zeroed.
    package static func allocateRows(_ count: Int) -> UnsafeMutablePointer<Float> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        let p = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        p.initialize(repeating: 0, count: max(count, 1))
        return p
    }

    package static func deallocateRows(_ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).deallocate()
    }

    /// y = 0
    @inline(__always)
    package static func zero(_ y: UnsafeMutablePointer<Float>, _ stride: Int) {
        y.update(repeating: 0, count: stride)
    }
}
