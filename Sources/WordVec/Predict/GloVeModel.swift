import Foundation

/// GloVe's parameters and its one update (Pennington et al. 2014, equation 8, fitted by AdaGrad
/// as the reference glove.c does).
///
/// Row layout, `stride` floats of weights then `stride` floats of AdaGrad sums, padded to 16:
///   word row:    w_1 … w_d, b,  1, 0 …
///   context row: w~_1 … w~_d, 1, b~, 0 …
/// so one dot product over the padded row gives w·w~ + b + b~ (the model's prediction of
/// log X_ij), and one vectorised update moves the vector and the bias together. Per-slot
/// learning-rate masks keep the constant 1s fixed and give the biases the reference's rule.
public final class GloVeModel: @unchecked Sendable {
    public let words: Int
    public let dim: Int
    public let stride: Int
    let word: LargeBuffer<Float>
    let context: LargeBuffer<Float>
    /// Per-slot step and clip for word rows and context rows (`stride` floats each).
    let etaWord: UnsafeMutablePointer<Float>
    let etaContext: UnsafeMutablePointer<Float>
    let clipWord: UnsafeMutablePointer<Float>
    let clipContext: UnsafeMutablePointer<Float>

    /// Random start like glove.c: every weight and bias uniform in [-0.5, 0.5) / dim, every
    /// AdaGrad sum 1 (so the first step is eta·g).
    public init(words: Int, dim: Int, eta: Float, gradientClip: Float, seed: UInt64) throws {
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

    /// One AdaGrad step on record (i, j): returns the record's cost ½ f(X) (prediction − log X)².
    /// Both rows' updates are computed from the values before the step, as in glove.c.
    @inline(__always)
    func step(_ r: GloVeRecord) -> Float {
        typealias V = SIMD16<Float>
        let wRow = UnsafeMutableRawPointer(wordRow(Int(r.word)))
        let cRow = UnsafeMutableRawPointer(contextRow(Int(r.context)))
        let n = stride
        let prediction = RowKernels.dot(wordRow(Int(r.word)), contextRow(Int(r.context)), n)
        let diff = prediction - r.logCount
        let fdiff = r.weight * diff
        let g = V(repeating: fdiff)
        let ew = UnsafeRawPointer(etaWord), ec = UnsafeRawPointer(etaContext)
        let kw = UnsafeRawPointer(clipWord), kc = UnsafeRawPointer(clipContext)
        let gradsq = n * 4
        var o = 0
        while o < n * 4 {
            let w = wRow.load(fromByteOffset: o, as: V.self)
            let c = cRow.load(fromByteOffset: o, as: V.self)
            let gw = wRow.load(fromByteOffset: gradsq + o, as: V.self)
            let gc = cRow.load(fromByteOffset: gradsq + o, as: V.self)
            let clipW = kw.load(fromByteOffset: o, as: V.self)
            let clipC = kc.load(fromByteOffset: o, as: V.self)
            let t1 = pointwiseMin(pointwiseMax(g * c, -clipW), clipW) * ew.load(fromByteOffset: o, as: V.self)
            let t2 = pointwiseMin(pointwiseMax(g * w, -clipC), clipC) * ec.load(fromByteOffset: o, as: V.self)
            wRow.storeBytes(of: w - t1 / gw.squareRoot(), toByteOffset: o, as: V.self)
            cRow.storeBytes(of: c - t2 / gc.squareRoot(), toByteOffset: o, as: V.self)
            wRow.storeBytes(of: gw + t1 * t1, toByteOffset: gradsq + o, as: V.self)
            cRow.storeBytes(of: gc + t2 * t2, toByteOffset: gradsq + o, as: V.self)
            o += 64
        }
        return 0.5 * fdiff * diff
    }

    /// The word vectors W, the context vectors W~, or their sum, row-major (`words * dim`).
    public func vectors(_ choice: VectorChoice) -> [Float] {
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
    public func biases() -> (word: [Float], context: [Float]) {
        ((0..<words).map { wordRow($0)[dim] }, (0..<words).map { contextRow($0)[dim + 1] })
    }
}
