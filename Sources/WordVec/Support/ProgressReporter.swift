import Foundation

/// ProgressReporter on stderr: a live line (percent, rate, ETA, extra fields) when stderr is a terminal,
/// otherwise only the final summary line. `quiet` silences both.
public final class ProgressReporter: @unchecked Sendable {
    public enum Mode: Sendable { case auto, quiet, live, summaryOnly }
    public let label: String
    private let live: Bool
    private let silent: Bool
    private let start = Date()
    /// Where the current phase began: the live line's fraction and ETA are per phase.
    private var phaseStart = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    public init(_ label: String, mode: Mode = .auto) {
        self.label = label
        switch mode {
        case .quiet: silent = true; live = false
        case .live: silent = false; live = true
        case .summaryOnly: silent = false; live = false
        case .auto: silent = false; live = isatty(STDERR_FILENO) == 1
        }
    }

    public var elapsed: Double { Date().timeIntervalSince(start) }

    /// Starts a new phase of a multi-stage run (its fraction restarts from 0, so the ETA does too).
    public func beginPhase() {
        lock.lock(); defer { lock.unlock() }
        phaseStart = Date()
    }

    /// Redraws at most ~5 times a second. `fraction` in [0,1]; `detail` is free text.
    public func update(fraction: Double, detail: String = "") {
        guard live else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        if now.timeIntervalSince(lastDraw) < 0.2 { return }
        lastDraw = now
        let t = now.timeIntervalSince(phaseStart)
        let f = min(max(fraction, 0), 1)
        let eta = f > 0.001 ? t * (1 - f) / f : 0
        let line = String(format: "\r%@ %5.1f%%  %@  ETA %@ ", label, f * 100, detail, ProgressReporter.clock(eta))
        FileHandle.standardError.write(line.data(using: .utf8)!)
    }

    /// The summary line (always, unless quiet); clears a live line first.
    public func finish(_ summary: String) {
        guard !silent else { return }
        lock.lock(); defer { lock.unlock() }
        var s = live ? "\r\u{1B}[K" : ""
        s += "\(label): \(summary) (\(String(format: "%.1f", elapsed)) s)\n"
        FileHandle.standardError.write(s.data(using: .utf8)!)
    }

    /// A message line on stderr (warnings, notes), unless quiet.
    public func note(_ message: String) {
        guard !silent else { return }
        lock.lock(); defer { lock.unlock() }
        let s = (live ? "\r\u{1B}[K" : "") + message + "\n"
        FileHandle.standardError.write(s.data(using: .utf8)!)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                         : String(format: "%d:%02d", s / 60, s % 60)
    }
}
