import Foundation
import XCTest

/// What the fault tests share: a child `wordvec` process that can be held in a phase
/// (`WORDVEC_PAUSE_IN`, see `RunPhase`) and signalled, a long-tail corpus whose co-occurrence
/// count spills at `--memory 0.001`, a tmpfs mounted for one test, and file listings.
enum FaultSupport {
    /// A running `wordvec`, its stderr collected as it comes.
    final class Child: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var collected = Data()
        private let done = DispatchGroup()

        /// Starts `wordvec arguments` in `directory` with `environment` added to this process's.
        init(_ arguments: [String], environment: [String: String] = [:], directory: String) throws {
            process.executableURL = URL(fileURLWithPath: TestSupport.binary)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            done.enter()
            DispatchQueue.global().async {
                while true {
                    let d = err.fileHandleForReading.availableData
                    if d.isEmpty { break }
                    self.lock.lock(); self.collected.append(d); self.lock.unlock()
                }
                self.done.leave()
            }
            try process.run()
        }

        var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: collected, as: UTF8.self) }

        /// Waits (up to `timeout` s) until stderr contains `text`; false if the child ended first.
        func wait(for text: String, timeout: Double = 120) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if stderr.contains(text) { return true }
                if !process.isRunning { return stderr.contains(text) }
                usleep(10_000)
            }
            return false
        }

        /// Waits for the `WORDVEC_PAUSE_IN` line of `phase`.
        func waitUntilPaused(in phase: String) -> Bool { wait(for: "wordvec: paused in \(phase) (WORDVEC_PAUSE_IN)") }

        func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

        /// Waits for the end (killing it after `timeout` s): the exit status, whether it exited
        /// by itself, and stderr without the pause line.
        func finish(timeout: Double = 120) -> (status: Int32, exited: Bool, stderr: String) {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning {
                send(SIGKILL)
                XCTFail("wordvec did not stop within \(timeout) s")
            }
            process.waitUntilExit()
            done.wait()
            let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("wordvec: paused in ") }
            return (process.terminationStatus, process.terminationReason == .exit, lines.joined(separator: "\n"))
        }
    }

    /// A corpus of `sentences` lines of 12 words drawn from 6000 types with Zipf-like
    /// frequencies (a long tail: most pairs miss the dense block, so `--memory 0.001` spills).
    static func longTailCorpus(_ path: String, sentences: Int = 20_000) {
        var state: UInt64 = 88172645463325252
        var text = ""
        text.reserveCapacity(sentences * 80)
        for _ in 0..<sentences {
            var words: [String] = []
            for _ in 0..<12 {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                let u = Double(state >> 11) / Double(1 << 53)
                words.append("w\(Int(pow(6000.0, u)) - 1)")
            }
            text += words.joined(separator: " ") + "\n"
        }
        TestSupport.write(text, to: path)
    }

    /// Every file under `path` (recursively), relative, sorted.
    static func files(under path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
    }

    /// Mounts a tmpfs of `kilobytes` (read-only with `readOnly`) at `path`, or skips the test
    /// when this process may not mount (tests run as root on CI, where mount works).
    /// Skips the test when one of `variables` is set (`make test-asan` sets ASAN_OPTIONS,
    /// `make test-tsan` TSAN_OPTIONS): for faults a sanitizer's runtime cannot run under.
    static func skipUnderSanitizers(_ variables: [String], _ reason: String) throws {
        let env = ProcessInfo.processInfo.environment
        if variables.contains(where: { env[$0] != nil }) { throw XCTSkip(reason) }
    }

    static func mountTmpfs(at path: String, kilobytes: Int, readOnly: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let options = "size=\(kilobytes)k" + (readOnly ? ",ro" : "")
        guard getuid() == 0, let r = try? TestSupport.run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]),
              r.status == 0 else {
            throw XCTSkip("cannot mount a tmpfs here (needs root and mount(8)); CI runs the tests as root")
        }
    }

    static func unmount(_ path: String) {
        _ = try? TestSupport.run("/bin/umount", [path])
    }

    /// Runs `wordvec arguments` through /bin/sh after `limit` (e.g. `ulimit -n 32`), killed
    /// after 120 s (status 124) so that a hang fails the test instead of stalling the suite.
    static func wordvec(under limit: String, _ arguments: [String], directory: String) throws -> TestSupport.RunResult {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try TestSupport.run("/bin/sh", ["-c", "\(limit) && exec timeout 120 '\(TestSupport.binary)' \(quoted)"], directory: directory)
    }
}
