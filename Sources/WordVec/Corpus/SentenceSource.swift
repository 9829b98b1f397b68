import Foundation

/// Something that hands out sentences as word ids (one per call), for trainers' worker threads.
package protocol SentenceSource: AnyObject {
    /// Fills `ids` with the next sentence's in-vocabulary word ids (out-of-vocabulary tokens
    /// are dropped, long sentences cut at `maxSentenceLength`). Returns false at the end.
    func next(into ids: inout [Int32]) throws -> Bool
}
