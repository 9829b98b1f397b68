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
        let format = flags.format ?? (config.writesSparseVectors ? TrainRun.sparseUnlessNamed(flags.output) : nil)
        let vectors = try vectorPath(method: config.method, format: format)
        let outputs = TrainingOutputs(vectors: vectors, format: format, context: flags.saveContext,
                                      vocabulary: arguments.vocabulary.saveVocab, model: arguments.saveModel)
        // A bad or clashing path fails now, not after the training.
        do { try outputs.checkWritable(corpus: arguments.corpus.corpus) }
        catch WordVecError.invalidArgument(let message) { throw ValidationError(message) }
        let iterative = arguments as? any IterativeMethodArguments
        let checkpoint = try iterative?.checkpoint.policy(output: vectors)
        if let checkpoint {
            try TrainRun.checkCheckpointPath(checkpoint.path, outputs: outputs, corpus: arguments.corpus.corpus)
            checkpoint.announce()
        }
        for path in outputs.paths { AtomicFile.removeStaleTemporaries(of: path) }
        if flags.output == nil { progress.note("train \(config.method): will write \(vectors) when training ends") }
        let corpus = try Corpus(path: arguments.corpus.corpus)
        try checkpoint?.verify(config: config, corpus: corpus)
        let model = try iterative.map { try $0.train(corpus, checkpoint: checkpoint, progress: progress) }
            ?? arguments.train(corpus, progress: progress)
        try outputs.write(model)
        checkpoint?.finish()
    }

    /// The checkpoint must be writable and be none of the outputs nor the corpus.
    private static func checkCheckpointPath(_ path: String, outputs: TrainingOutputs, corpus: String) throws {
        for other in outputs.paths + [corpus] where TrainingOutputs.identity(other) == TrainingOutputs.identity(path) {
            throw ValidationError("--checkpoint \(path) is also \(other == corpus ? "the corpus" : "an output"); name another file")
        }
        do { try CheckpointPolicy.requireRegularFileOrAbsent(path) }
        catch WordVecError.invalidArgument(let message) { throw ValidationError(message) }
        try AtomicFile.checkWritable(path)
    }

    /// Sparse vectors are written as sparse text unless `-o` names a dense format by its
    /// extension (`.vec`, `.bin`, `.txt`).
    private static func sparseUnlessNamed(_ output: String?) -> VectorFormat? {
        guard let output else { return .sparse }
        return [".vec", ".bin", ".txt"].contains(where: { output.hasSuffix($0) }) ? nil : .sparse
    }

    /// `-o`, or the default name, which must not exist unless `--force`.
    private func vectorPath(method: String, format: VectorFormat?) throws -> String {
        if let path = arguments.output.output { return path }
        let path = TrainingOutputs.defaultPath(corpus: arguments.corpus.corpus, method: method, format: format)
        if FileManager.default.fileExists(atPath: path) && !arguments.output.force {
            throw WordVecError.unwritable(path, "it exists; pass --force to replace it, or -o to name another file")
        }
        return path
    }
}
