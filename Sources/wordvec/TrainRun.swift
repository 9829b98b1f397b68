import ArgumentParser
import Foundation
import WordVec

/// The steps of `train` that every method shares: validate, settle the output names, check
/// they are writable, open the corpus, train, write every file.
struct TrainRun {
    let arguments: any MethodArguments

    func execute() throws {
        let config = arguments.config
        do { try config.validate() } catch WordVecError.invalidArgument(let message) { throw ValidationError(message) }
        let flags = arguments.output
        if flags.saveContext != nil && !config.hasContextVectors {
            throw ValidationError("--save-context: \(config.method) has no per-word context vectors with these settings")
        }
        let progress = ProgressReporter("train \(config.method)", mode: arguments.run.progressMode)
        let vectors = try vectorPath(method: config.method)
        let outputs = TrainingOutputs(vectors: vectors, format: flags.format, context: flags.saveContext,
                                      vocabulary: arguments.vocabulary.saveVocab, model: arguments.saveModel)
        // A bad or clashing path fails now, not after the training.
        do { try outputs.checkWritable(corpus: arguments.corpus.corpus) }
        catch WordVecError.invalidArgument(let message) { throw ValidationError(message) }
        if flags.output == nil { progress.note("train \(config.method): writing \(vectors)") }
        let corpus = try Corpus(path: arguments.corpus.corpus)
        let model = try arguments.train(corpus, progress: progress)
        try outputs.write(model)
    }

    /// `-o`, or the default name, which must not exist unless `--force`.
    private func vectorPath(method: String) throws -> String {
        if let path = arguments.output.output { return path }
        let path = TrainingOutputs.defaultPath(corpus: arguments.corpus.corpus, method: method, format: arguments.output.format)
        if FileManager.default.fileExists(atPath: path) && !arguments.output.force {
            throw WordVecError.unwritable(path, "it exists; pass --force to replace it, or -o to name another file")
        }
        return path
    }
}
