import ArgumentParser
import Foundation
import WordVec

/// The evaluation sets and row names of the commands that compare several vector files
/// (`compare`, `report`).
struct EvalSetOptions: ParsableArguments {
    @Option(help: "An analogy questions file (repeatable).")
    var analogy: [String] = []

    @Option(help: "A word-similarity file (repeatable).")
    var similarity: [String] = []

    @Option(help: "A row name per vector file, in order (repeatable; default: the file name).")
    var name: [String] = []

    /// Checks `--name` against the files given.
    func validate(files: [String]) throws {
        if files.isEmpty { throw ValidationError("give at least one vector file") }
        if !name.isEmpty && name.count != files.count {
            throw ValidationError("--name given \(name.count) times for \(files.count) vector files")
        }
    }

    /// The name of the `i`-th vector file.
    func rowName(_ i: Int, _ file: String) -> String {
        name.isEmpty ? (file as NSString).lastPathComponent : name[i]
    }

    /// Every evaluation file parsed, so that a bad one fails before any vectors are loaded.
    func load(unicodeErrors: UnicodeErrors) throws -> (analogy: [(String, AnalogyQuestionSet)], similarity: [(String, WordPairSet)]) {
        (try analogy.map { ($0, try AnalogyQuestionSet.load($0, unicodeErrors: unicodeErrors)) },
         try similarity.map { ($0, try WordPairSet.load($0, unicodeErrors: unicodeErrors)) })
    }
}
