import Foundation
import CPrefetch

/// GloVe's parameters and its one update (Pennington et al. 2014, equation 8, fitted by AdaGrad
/// as the reference glove.c does).
///
/// Row layout, `stride` floats of weights then `stride` floats of AdaGrad sums, padded to 16:
///   word row:    w_1 … w_d, b,  1, 0 …
///   context row: w~_1 … w~_d, 1, b~, 0 …
/// so one dot product over the padded row gives w·w~ + b + b~ (the model's prediction of
/// log X_ij), and one vectorised update moves the vector and the bias together. Per-slot
/// learning-rate masks keep the constant 1s fixed and give the biases the reference's rule.
package final class GloVeModel: @unchecked Sendable {
    package let words: Int
    package let dim: Int
    package let stride: Int
    let word: LargeBuffer<Float>
    let context: LargeBuffer<Float>
    /// Per-slot step and clip for word rows and context rows (`stride` floats each).
    let etaWord: UnsafeMutablePointer<Float>
    let etaContext: UnsafeMutablePointer<Float>
    let clipWord: UnsafeMutablePointer<Float>
    let clipContext: UnsafeMutablePointer<Float>

    /// Random start like glove.c: every weight and bias uniform in [-0.5, 0.5) / dim, every
    /// AdaGrad sum 1 (so the first step is eta·g).
    package init(words: Int, dim: Int, eta: Float, gradientClip: Float, seed: UInt64) throws {
        self.words = words
        self.dim = dim
        stride = RowKernels.stride(for: dim + 2)
        word = try LargeBuffer(count: words * 2 * stride)
        context = try LargeBuffer(count: words * 2 * stride)
        etaWord = .allocate(capacity: stride)
        etaContext = .allocate(capacity: stride)
        clipWord = .allocate(capacity: stride)
        clipContext = .allocate(capacity: stride)
        let noClip = Float.greatestFiniteMagnitude
        for k in 0..<stride {
            let isVector = k < dim
            // Vectors: eta and the clip. The bias slot: step 1 and no clip, as glove.c updates
            // biases (b -= g / sqrt(G), G += g^2). The constant-1 slot and the padding: step 0.
            etaWord[k] = isVector ? eta : (k == dim ? 1 : 0)
            etaContext[k] = isVector ? eta : (k == dim + 1 ? 1 : 0)
            clipWord[k] = isVector ? gradientClip : (k == dim ? noClip : gradientClip)
            clipContext[k] = isVector ? gradientClip : (k == dim + 1 ? noClip : gradientClip)
        }
        var rng = FastRandom(seed: seed)
        let scale = 1 / Float(dim)
        for (side, buffer) in [word, context].enumerated() {
            for r in 0..<words {
                let row = buffer.base + r * 2 * stride
                for k in 0..<dim { row[k] = (rng.nextFloat() - 0.5) * scale }
                let bias = (rng.nextFloat() - 0.5) * scale
                row[dim] = side == 0 ? bias : 1
                row[dim + 1] = side == 0 ? 1 : bias
                (row + stride).initialize(repeating: 1, count: stride)
            }
        }
    }

    deinit {
        etaWord.deallocate(); etaContext.deallocate()
        clipWord.deallocate(); clipContext.deallocate()
    }

    @inline(__always) func wordRow(_ i: Int) -> UnsafeMutablePointer<Float> { word.base + i * 2 * stride }
    @inline(__always) func contextRow(_ j: Int) -> UnsafeMutablePointer<Float> { context.base + j * 2 * stride }

    /// AdaGrad steps over a span of records, in order; returns the summed cost
    /// Σ ½ f(X) (prediction − log X)² (in double, from short float partial sums).
    /// Each step (glove.c's update; both rows' changes computed from their values before it):
    ///   diff = w·w~ + b + b~ − log X,  g = clip(f(X)·diff·w~) · eta,  w −= g / sqrt(G),  G += g²
    /// and the same for w~. The rows of the record `prefetchDistance` ahead are fetched early so
    /// that random row reads overlap with the arithmetic.
    func train(_ span: UnsafeBufferPointer<GloVeRecord>) -> Double {
        guard let records = span.baseAddress else { return 0 }
        let n = span.count
        let chunkBytes = stride * 4          // weights (then as many bytes of AdaGrad sums)
        let rowBytes = 2 * chunkBytes
        let wordBase = UnsafeMutableRawPointer(word.base), contextBase = UnsafeMutableRawPointer(context.base)
        let ahead = GloVeModel.prefetchDistance
        @inline(__always) func prefetch(_ r: GloVeRecord) {
            let w = wordBase + Int(r.word) * rowBytes, c = contextBase + Int(r.context) * rowBytes
            var o = 0
            while o < rowBytes {
                wordvec_prefetch(w + o)
                wordvec_prefetch(c + o)
                o += 64
            }
        }
        for q in 0..<min(n, ahead) { prefetch(records[q]) }
        var total = 0.0
        var partial: Float = 0
        for q in 0..<n {
            if q + ahead < n { prefetch(records[q + ahead]) }
            let r = records[q]
            let wRow = wordBase + Int(r.word) * rowBytes
            let cRow = contextBase + Int(r.context) * rowBytes
            let diff = GloVeModel.predict(wRow, cRow, bytes: chunkBytes) - r.logCount
            let fdiff = r.weight * diff
            step(wRow, cRow, bytes: chunkBytes, gradient: fdiff)
            partial += 0.5 * fdiff * diff
            if q & 1023 == 1023 { total += Double(partial); partial = 0 }
        }
        return total + Double(partial)
    }

    // The only code that touches the shared rows while threads train: their unsynchronised
    // reads and writes (Hogwild, as glove.c) are confined to `predict` and `step`, which the
    // ThreadSanitizer suppressions (sanitizers/tsan.supp) name; see docs/reliability.md.

    /// The prediction w·w~ + b + b~ of log X: one dot product over the padded rows (`bytes` of
    /// weights each), which carry the biases and the constant 1s.
    @inline(__always)
    static func predict(_ wRow: UnsafeMutableRawPointer, _ cRow: UnsafeMutableRawPointer, bytes chunkBytes: Int) -> Float {
        typealias V = SIMD16<Float>
        var s0 = V(), s1 = V()
        var o = 0
        while o + 128 <= chunkBytes {
            s0.addProduct(wRow.load(fromByteOffset: o, as: V.self), cRow.load(fromByteOffset: o, as: V.self))
            s1.addProduct(wRow.load(fromByteOffset: o + 64, as: V.self), cRow.load(fromByteOffset: o + 64, as: V.self))
            o += 128
        }
        if o < chunkBytes { s0.addProduct(wRow.load(fromByteOffset: o, as: V.self), cRow.load(fromByteOffset: o, as: V.self)) }
        return GloVeModel.sum(s0 + s1)
    }

    /// One AdaGrad step of both rows from their values before it, with `fdiff` = f(X)·diff:
    /// g = clip(fdiff·w~)·eta, w −= g / sqrt(G), G += g² (the AdaGrad sums follow the `bytes`
    /// of weights), and the same for w~ with w.
    @inline(__always)
    func step(_ wRow: UnsafeMutableRawPointer, _ cRow: UnsafeMutableRawPointer, bytes chunkBytes: Int, gradient fdiff: Float) {
        typealias V = SIMD16<Float>
        let ew = UnsafeRawPointer(etaWord), ec = UnsafeRawPointer(etaContext)
        let kw = UnsafeRawPointer(clipWord), kc = UnsafeRawPointer(clipContext)
        let g = V(repeating: fdiff)
        var o = 0
        while o < chunkBytes {
            let w = wRow.load(fromByteOffset: o, as: V.self)
            let c = cRow.load(fromByteOffset: o, as: V.self)
            let gw = wRow.load(fromByteOffset: chunkBytes + o, as: V.self)
            let gc = cRow.load(fromByteOffset: chunkBytes + o, as: V.self)
            let t1 = GloVeModel.clamp(g * c, kw.load(fromByteOffset: o, as: V.self)) * ew.load(fromByteOffset: o, as: V.self)
            let t2 = GloVeModel.clamp(g * w, kc.load(fromByteOffset: o, as: V.self)) * ec.load(fromByteOffset: o, as: V.self)
            wRow.storeBytes(of: w - t1 * GloVeModel.inverseSquareRoot(gw), toByteOffset: o, as: V.self)
            cRow.storeBytes(of: c - t2 * GloVeModel.inverseSquareRoot(gc), toByteOffset: o, as: V.self)
            wRow.storeBytes(of: gw + t1 * t1, toByteOffset: chunkBytes + o, as: V.self)
            cRow.storeBytes(of: gc + t2 * t2, toByteOffset: chunkBytes + o, as: V.self)
            o += 64
        }
    }

    /// Records ahead whose rows are prefetched.
    static let prefetchDistance = 4

    /// The sum of the 16 lanes, by halving (the generic `sum()` is not inlined).
    @inline(__always)
    static func sum(_ v: SIMD16<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        let c = b.lowHalf + b.highHalf
        return c[0] + c[1]
    }

    /// x limited to [-limit, limit], lane by lane (compiles to min/compare/blend; the standard
    /// library's pointwiseMin/Max go lane by lane through NaN-aware scalar code).
    @inline(__always)
    static func clamp(_ x: SIMD16<Float>, _ limit: SIMD16<Float>) -> SIMD16<Float> {
        x.replacing(with: limit, where: x .> limit).replacing(with: -limit, where: x .< -limit)
    }

    /// 1/sqrt(x) for x >= 1 (AdaGrad sums start at 1): the classic bit-level first guess and
    /// three Newton steps y <- y(1.5 - x y²/2), accurate to float rounding. SIMD `squareRoot()`
    /// is not vectorised by this compiler (it calls libm lane by lane), and this is 4x faster.
    @inline(__always)
    static func inverseSquareRoot(_ x: SIMD16<Float>) -> SIMD16<Float> {
        let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
        var y = unsafeBitCast(SIMD16<UInt32>(repeating: 0x5F37_5A86) &- (bits &>> 1), to: SIMD16<Float>.self)
        let half = 0.5 * x
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        return y
    }

    /// The word vectors W, the context vectors W~, or their sum, row-major (`words * dim`).
    package func vectors(_ choice: VectorChoice) -> [Float] {
        var out = [Float](repeating: 0, count: words * dim)
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<words {
                let dst = o.baseAddress! + r * dim
                let w = wordRow(r), c = contextRow(r)
                for k in 0..<dim {
                    switch choice {
                    case .word: dst[k] = w[k]
                    case .context: dst[k] = c[k]
                    case .sum: dst[k] = w[k] + c[k]
                    }
                }
            }
        }
        return out
    }

    /// The biases b (word) and b~ (context).
    package func biases() -> (word: [Float], context: [Float]) {
        ((0..<words).map { wordRow($0)[dim] }, (0..<words).map { contextRow($0)[dim + 1] })
    }

    /// The word and context rows (vectors, biases and AdaGrad sums), for checkpoints.
    var checkpointSections: [CheckpointSection] {
        [CheckpointSection(name: "word", base: UnsafeMutableRawPointer(word.base), bytes: words * 2 * stride * MemoryLayout<Float>.stride),
         CheckpointSection(name: "context", base: UnsafeMutableRawPointer(context.base), bytes: words * 2 * stride * MemoryLayout<Float>.stride)]
    }
}
