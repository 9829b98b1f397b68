import ArgumentParser
import Foundation
import WordVec

/// How a run uses the machine and the terminal.
struct RunOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Threads; defaults to the number of cores.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress or summary on stderr.")
    var quiet = false

    var progressMode: ProgressReporter.Mode { quiet ? .quiet : .auto }

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }
}
