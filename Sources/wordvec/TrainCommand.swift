import ArgumentParser
import Foundation
import WordVec

/// `wordvec train`: picks the method, lets the method's own flags type parse the rest, then runs
/// the steps every method shares (outputs checked, vocabulary, training, files written).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train word vectors with any method and write them (with the run's settings beside them, as OUTPUT.config.json).",
        usage: "wordvec train [--method <method>] <corpus> [-o <output>] [<method's flags>]",
        discussion: """
        Methods: \(TrainingMethod.allCases.map(\.rawValue).joined(separator: ", ")) (default sgns). \
        'wordvec train --method METHOD --help' lists the method's flags, grouped (corpus, vocabulary, model, output, run), \
        with their defaults. Flags are named as in word2vec, fastText and GloVe where they mean the same; \
        a flag the method does not use is an error. Without -o the vectors go to CORPUS.METHOD.vec (.sparse for tfidf and ppmi) in the current directory.
        """
    )

    @Option(help: "The training method.")
    var method: TrainingMethod?

    @Argument(parsing: .allUnrecognized, help: "The corpus and the method's flags.")
    var arguments: [String] = []

    func run() throws {
        let method = self.method ?? .sgns
        try FlagCheck.rejectForeignFlags(arguments, method: method)
        let parsed = try method.arguments.parse(arguments)
        try TrainRun(arguments: parsed).execute()
    }

    /// The help of one method, for `wordvec train --method X --help` and `wordvec help train X`
    /// (nil for any other command line). The method is found by ArgumentParser itself.
    static func methodHelp(_ arguments: [String]) -> String? {
        let method: TrainingMethod?
        if arguments.first == "train" && arguments.contains(where: helpFlags.contains) {
            method = self.method(in: Array(arguments.dropFirst()))
        } else if arguments.count == 3 && arguments[0] == "help" && arguments[1] == "train" {
            method = self.method(in: ["--method", arguments[2]])
        } else {
            return nil
        }
        return method?.arguments.helpMessage()
    }

    private static let helpFlags: Set<String> = ["--help", "-h"]

    /// The `--method` of train's arguments (help flags ignored), found by ArgumentParser itself;
    /// nil when none is given or it cannot be parsed.
    static func method(in arguments: [String]) -> TrainingMethod? {
        (try? TrainCommand.parse(arguments.filter { !helpFlags.contains($0) }))?.method
    }
}
