import ArgumentParser
import Foundation
import WordVec

@main
struct WordVecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wordvec",
        abstract: "Train, store and evaluate static word embeddings.",
        discussion: """
        Every method reads the same corpus stream and writes the same vector files.
        Inputs: any file may be .gz, .bz2, .xz or .zst compressed, a zip member (archive.zip:member), a pipe, or - for stdin.
        Corpus inputs: a text file, a directory (files in sorted order).
        Vector files: .vec text (default), word2vec .bin, GloVe text (read), sparse text.
        """,
        version: "0.2.0",
        subcommands: [TrainCommand.self, VocabCommand.self, ConvertCommand.self, NeighborsCommand.self, VectorsCommand.self, PlotCommand.self, GenerateCorpusCommand.self, AnalogyCommand.self, SimilarityCommand.self, CompareCommand.self,
                      StatsCommand.self, BiasCommand.self, ReportCommand.self]
    )

    static func main() {
        MemoryLimit.singleThreadedBLASUnderLimit()
        Interrupt.install()
        if let help = TrainCommand.methodHelp(Array(CommandLine.arguments.dropFirst())) {
            print(help)
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            ScratchDirectory.removeAllLive()
        } catch WordVecError.interrupted {
            ScratchDirectory.removeAllLive()
            // 130 for SIGINT, 143 for SIGTERM, as a shell reports a process the signal killed.
            FileHandle.standardError.write("wordvec: error: \(Interrupt.report)\n".data(using: .utf8)!)
            Foundation.exit(Interrupt.exitStatus)
        } catch let error as WordVecError {
            ScratchDirectory.removeAllLive()
            FileHandle.standardError.write("wordvec: error: \(error.description)\n".data(using: .utf8)!)
            Foundation.exit(1)
        } catch {
            ScratchDirectory.removeAllLive()
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help, --version
            // Usage errors: one line too, pointing at the help, instead of the whole usage text.
            let message = oneLine(self.message(for: error))
            let command = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? ""
            let known = configuration.subcommands.contains { $0._commandName == command }
            var help = known ? "wordvec help \(command)" : "wordvec --help"
            if command == "train" {
                let method = TrainCommand.method(in: Array(CommandLine.arguments.dropFirst(2))) ?? .sgns
                help = "wordvec train --method \(method.rawValue) --help"
            }
            FileHandle.standardError.write("wordvec: error: \(message) (see '\(help)')\n".data(using: .utf8)!)
            Foundation.exit(code.rawValue)
        }
    }

    /// A multi-line parser message as one line: its lines joined by "; ", and a bulleted list
    /// of choices ("  - sgns" lines) as "sgns, cbow, …" after the line that introduces it.
    static func oneLine(_ message: String) -> String {
        var parts: [String] = []
        var choices: [String] = []
        func flushChoices() {
            guard !choices.isEmpty else { return }
            parts[parts.count - 1] += " " + choices.joined(separator: ", ")
            choices = []
        }
        for line in message.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("- "), !parts.isEmpty {
                choices.append(String(line.dropFirst(2)))
            } else {
                flushChoices()
                parts.append(line)
            }
        }
        flushChoices()
        return parts.joined(separator: "; ")
    }
}
