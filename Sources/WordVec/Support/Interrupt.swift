import Foundation
import Synchronization

/// Ctrl-C handling: the first SIGINT/SIGTERM raises a flag that long loops poll (they stop and
/// throw `WordVecError.interrupted`, so atomic writers never rename a partial file into place);
/// a second signal kills the process at once. The signal is recorded, so the process can exit
/// as a shell expects of it (`exitStatus`: 130 for SIGINT, 143 for SIGTERM).
public enum Interrupt {
    static let flag = Atomic<Bool>(false)
    /// The signal that raised the flag (0: none, or raised by hand).
    static let received = Atomic<Int32>(0)

    /// Install the handlers (the CLI calls this once at start-up).
    public static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { s in
                Interrupt.received.store(s, ordering: .relaxed)
                Interrupt.flag.store(true, ordering: .relaxed)
                signal(s, SIG_DFL)
            }
            // No SA_RESTART: a read blocked on stdin or a pipe returns EINTR and sees the flag.
            siginterrupt(sig, 1)
        }
    }

    private static let hint = LockedValue<String?>(nil)

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
    public static func set(_ value: Bool) {
        if !value { received.store(0, ordering: .relaxed) }
        flag.store(value, ordering: .relaxed)
    }

    /// The signal that stopped the run (SIGINT when the flag was raised by hand).
    public static var signalNumber: Int32 {
        let s = received.load(ordering: .relaxed)
        return s == 0 ? SIGINT : s
    }

    /// The shell's status for death by that signal: 128 + signal (130 for SIGINT, 143 for SIGTERM).
    public static var exitStatus: Int32 { 128 + signalNumber }

    /// "SIGINT" or "SIGTERM".
    public static var signalName: String { signalNumber == SIGTERM ? "SIGTERM" : "SIGINT" }

    /// The one line a stopped run prints: which signal, in which phase (`RunPhase`), what was
    /// lost and, after a checkpoint, how to go on: "interrupted by SIGTERM while training; no
    /// output was written (temporary files removed); epochs 1-2 of 4 are saved in …".
    public static var report: String {
        let phase = RunPhase.current.map { " while \($0.description)" } ?? ""
        let resume = resumeHint.map { "; " + $0 } ?? ""
        return "interrupted by \(signalName)\(phase); no output was written (temporary files removed)\(resume)"
    }
}
