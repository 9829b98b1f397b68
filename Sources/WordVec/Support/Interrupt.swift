import Foundation
import Synchronization

/// Ctrl-C handling: the first SIGINT/SIGTERM raises a flag that long loops poll (they stop and
/// throw `WordVecError.interrupted`, so atomic writers never rename a partial file into place);
/// a second signal kills the process at once.
public enum Interrupt {
    static let flag = Atomic<Bool>(false)

    /// Install the handlers (the CLI calls this once at start-up).
    public static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { s in
                Interrupt.flag.store(true, ordering: .relaxed)
                signal(s, SIG_DFL)
            }
            // No SA_RESTART: a read blocked on stdin or a pipe returns EINTR and sees the flag.
            siginterrupt(sig, 1)
        }
    }

    private static let hint = Mutex<String?>(nil)

    /// What a checkpoint holds and how to resume from it ("epochs 1-3 of 5 are saved in …"),
    /// added to the interruption message; set by the iterative trainers' checkpointer.
    public static var resumeHint: String? {
        get { hint.withLock { $0 } }
        set { hint.withLock { $0 = newValue } }
    }

    public static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Throws `.interrupted` once a signal has arrived.
    public static func check() throws {
        if requested { throw WordVecError.interrupted }
    }

    /// For tests: raise or clear the flag by hand.
    public static func set(_ value: Bool) { flag.store(value, ordering: .relaxed) }
}
