import Foundation

/// The cheap divergence check of the streaming trainers (word2vec, fastText): their running
/// loss is looked at every `LinearDecay.updateInterval` words, so a learning rate that blows the
/// weights up stops the run within its first words, not hours later. Before anything is written,
/// `TrainedModel.dense` checks every value once (O(V·d)), and `VectorFileWriter` refuses NaN/Inf;
/// GloVe checks its cost per bucket and per epoch (`GloVeTrainer`), LSA its SVD.
enum FiniteCheck {
    /// Throws `.diverged` when `loss` (a worker's loss summed since the epoch began) is NaN or
    /// infinite: "training diverged in epoch 1 after 10000 words (the loss became inf); lower
    /// --alpha (now 1e+06)". `epoch` is 0-based, `words` the words trained on so far.
    static func runningLoss(_ loss: Double, epoch: Int, words: Int, alpha: Float) throws {
        if loss.isFinite { return }
        throw WordVecError.diverged(String(format: "training diverged in epoch %d after %d words (the loss became %@); lower --alpha (now %g)",
                                           epoch + 1, words, "\(loss)", Double(alpha)))
    }
}
