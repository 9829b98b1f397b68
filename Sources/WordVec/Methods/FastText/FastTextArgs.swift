/// The training arguments stored at the head of a fastText model file, in the order and with
/// the codes of fastText's `Args::save` (twelve int32 values, then `t` as a double). Older
/// files (format versions before 11, without the magic number) start directly with `dim`.
public struct FastTextArgs: Sendable, Equatable {
    /// fastText's `loss_name` codes.
    public enum Loss: Int32, Sendable { case hierarchicalSoftmax = 1, negativeSampling = 2, softmax = 3, oneVsAll = 4 }
    /// fastText's `model_name` codes.
    public enum Model: Int32, Sendable { case cbow = 1, skipgram = 2, supervised = 3 }

    public var dim: Int32 = 100
    public var ws: Int32 = 5
    public var epoch: Int32 = 5
    public var minCount: Int32 = 5
    public var neg: Int32 = 5
    public var wordNgrams: Int32 = 1
    public var loss: Int32 = Loss.negativeSampling.rawValue
    public var model: Int32 = Model.skipgram.rawValue
    public var bucket: Int32 = 2_000_000
    public var minn: Int32 = 3
    public var maxn: Int32 = 6
    public var lrUpdateRate: Int32 = 100
    public var t: Double = 1e-4

    public init() {}

    /// The twelve integers in file order.
    var integers: [Int32] {
        [dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn, lrUpdateRate]
    }

    init(integers v: [Int32], t: Double) {
        precondition(v.count == 12)
        (dim, ws, epoch, minCount, neg, wordNgrams) = (v[0], v[1], v[2], v[3], v[4], v[5])
        (loss, model, bucket, minn, maxn, lrUpdateRate) = (v[6], v[7], v[8], v[9], v[10], v[11])
        self.t = t
    }

    /// Whether the values are what a real model holds (used to recognise files without the
    /// magic number; text files read as integers give values in the hundreds of millions).
    var isPlausible: Bool {
        (1...100_000).contains(dim) && (1...10_000).contains(ws) && (1...1_000_000).contains(epoch)
            && minCount >= 0 && (0...10_000).contains(neg) && (0...100).contains(wordNgrams)
            && (1...4).contains(loss) && (1...5).contains(model) && (0...1_000_000_000).contains(bucket)
            && (0...1000).contains(minn) && (0...1000).contains(maxn) && lrUpdateRate >= 0
            && t.isFinite && t >= 0 && t <= 1
    }
}
