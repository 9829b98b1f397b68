import Foundation
import Synchronization

/// What a run is doing now, for the line an interruption prints ("interrupted by SIGINT while
/// merging co-occurrence runs; …", see `Interrupt.report`).
///
/// A test hook: with `WORDVEC_PAUSE_IN=PHASE` in the environment (a raw value below), the first
/// entry into that phase prints `wordvec: paused in PHASE (WORDVEC_PAUSE_IN)` on stderr and
/// waits: SIGINT or SIGTERM then stop the run like any interrupted loop, SIGUSR1 lets it go on.
/// Tests use it to signal a child process in a phase that would otherwise be over too quickly
/// to hit, with that phase's temporary files on disk, or to change the world (delete the
/// scratch folder, rewrite the corpus) at a known point.
public enum RunPhase: String, Sendable, CaseIterable {
    case countingWords = "counting-words"
    case countingCooccurrences = "counting-cooccurrences"
    case countingDocuments = "counting-documents"
    case spilling
    case merging
    case svd
    case training
    case writing

    /// The words after "while" in the interruption line.
    public var description: String {
        switch self {
        case .countingWords: return "counting the vocabulary"
        case .countingCooccurrences: return "counting co-occurrences"
        case .countingDocuments: return "counting words per document"
        case .spilling: return "spilling sorted co-occurrence runs to disk"
        case .merging: return "merging co-occurrence runs"
        case .svd: return "computing the truncated SVD"
        case .training: return "training"
        case .writing: return "writing the output"
        }
    }

    private static let resumed = Atomic<Bool>(false)
    private static let state = LockedValue<(current: RunPhase?, paused: Bool)>((nil, false))
    private static let pauseIn: RunPhase? = ProcessInfo.processInfo.environment["WORDVEC_PAUSE_IN"].flatMap(RunPhase.init(rawValue:))

    /// The phase entered last (nil before the first).
    public static var current: RunPhase? { state.withLock { $0.current } }

    /// Records that the run is now in `phase`; throws `.interrupted` if a signal has arrived
    /// (or, under the test hook, once it arrives).
    public static func enter(_ phase: RunPhase) throws {
        let pause = state.withLock { s -> Bool in
            s.current = phase
            guard phase == pauseIn, !s.paused else { return false }
            s.paused = true
            return true
        }
        if pause {
            signal(SIGUSR1) { _ in RunPhase.resumed.store(true, ordering: .relaxed) }
            FileHandle.standardError.write(Data("wordvec: paused in \(phase.rawValue) (WORDVEC_PAUSE_IN)\n".utf8))
            while !Interrupt.requested && !resumed.load(ordering: .relaxed) { usleep(5_000) }
        }
        try Interrupt.check()
    }
}
