import ArgumentParser
import Foundation
import WordVec

/// The checkpoint flags of the iterative methods (sgns, cbow, fasttext, glove).
struct CheckpointOptions: ParsableArguments {
    @Option(name: .customLong("checkpoint-every"), parsing: .unconditional,
            help: ArgumentHelp("Save the training state after every N epochs (N), or at the first epoch end N minutes after the previous save (Nm, e.g. 10m); --resume continues from it.",
                               valueName: "N|Nm"))
    var every: String?

    @Option(name: .customLong("checkpoint"),
            help: ArgumentHelp("The checkpoint file (default: OUTPUT.checkpoint beside -o). Deleted once the output is written.", valueName: "file"))
    var path: String?

    @Flag(help: "Continue an interrupted run from its checkpoint (same command and corpus; refused if any setting differs). Without a checkpoint the run starts from the beginning.")
    var resume = false

    func validate() throws {
        if path != nil && every == nil && !resume {
            throw ValidationError("--checkpoint needs --checkpoint-every (to write checkpoints) or --resume (to continue from one)")
        }
        if let every {
            do { _ = try CheckpointPolicy.Interval(parsing: every) } catch let error as WordVecError { throw ValidationError(error.description) }
        }
    }

    /// The policy these flags ask for (nil: no checkpoint flag), the file beside `output` by default.
    func policy(output: String) throws -> CheckpointPolicy? {
        guard every != nil || resume || path != nil else { return nil }
        guard let file = path ?? (output == "-" ? nil : CheckpointPolicy.defaultPath(output: output)) else {
            throw ValidationError("--checkpoint-every and --resume need --checkpoint FILE when the vectors go to stdout (-o -)")
        }
        return CheckpointPolicy(path: file, every: try every.map { try CheckpointPolicy.Interval(parsing: $0) }, resume: resume)
    }
}

/// The flags of a method that trains in epochs and can checkpoint them.
protocol IterativeMethodArguments: MethodArguments {
    var checkpoint: CheckpointOptions { get }
    /// Trains, writing and resuming from checkpoints as `policy` says.
    func train(_ corpus: Corpus, checkpoint policy: CheckpointPolicy?, progress: ProgressReporter) throws -> TrainedModel
}

extension IterativeMethodArguments {
    func train(_ corpus: Corpus, progress: ProgressReporter) throws -> TrainedModel {
        try train(corpus, checkpoint: nil, progress: progress)
    }
}
