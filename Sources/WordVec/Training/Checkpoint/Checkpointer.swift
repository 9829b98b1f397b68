import Foundation

/// The one checkpoint mechanism of the iterative trainers (sgns, cbow, fasttext, glove): at
/// each epoch end it writes the trainer's sections and `CheckpointState` when the policy says
/// a checkpoint is due, and at the start it reads them back for `--resume` after checking the
/// file (`CheckpointFile`) and that it was made with this run's settings, corpus and
/// vocabulary (`CheckpointFingerprint`). It also keeps `Interrupt.resumeHint` current, so the
/// interruption message says what is saved and how to continue.
final class Checkpointer {
    let policy: CheckpointPolicy
    let method: String
    let epochs: Int
    let settings: [String: String]
    /// The trainer's parameter blocks, set once they are allocated (before `restore`).
    var sections: [CheckpointSection] = []
    private var lastWrite = Date()

    /// Throws `.unreadable` when the corpus cannot be read for its fingerprint.
    init<C: TrainerConfig>(policy: CheckpointPolicy, config: C, corpus: Corpus, vocabulary: Vocabulary, epochs: Int) throws {
        self.policy = policy
        method = config.method
        self.epochs = epochs
        settings = try CheckpointFingerprint.settings(config: config, corpus: corpus, vocabulary: vocabulary)
    }

    /// The checkpointer of a run with `policy` (nil without one).
    static func make<C: TrainerConfig>(_ policy: CheckpointPolicy?, config: C, corpus: Corpus, vocabulary: Vocabulary,
                                       epochs: Int) throws -> Checkpointer? {
        try policy.map { try Checkpointer(policy: $0, config: config, corpus: corpus, vocabulary: vocabulary, epochs: epochs) }
    }

    /// Whether checkpoints are written (the streaming loop then runs one epoch at a time).
    var writes: Bool { policy.every != nil }

    /// With `--resume` and a checkpoint at the path: checks it, reads the sections in place and
    /// returns its state; otherwise nil (a fresh start). Throws `.invalidInput` naming the file
    /// and what differs for a checkpoint of other settings, a corrupt, truncated or
    /// other-version one.
    func restore(progress: ProgressReporter) throws -> CheckpointState? {
        AtomicFile.removeStaleTemporaries(of: policy.path)
        lastWrite = Date()
        let path = policy.path
        let exists = FileManager.default.fileExists(atPath: path)
        guard policy.resume, exists else {
            if policy.resume { progress.note("\(method): no checkpoint at \(path); starting from the beginning") }
            if exists && writes { progress.note("\(method): \(path) exists and is replaced at the first checkpoint (pass --resume to continue from it)") }
            if !exists { Interrupt.resumeHint = policy.every.map { "no checkpoint was written yet (\($0))" } }
            return nil
        }
        let file = try CheckpointFile(path: path)
        try Self.requireMatch(file, method: method, settings: settings)
        try file.readSections(into: sections)
        let state = file.header.state
        progress.note("\(method): resuming from \(path): \(state.epochsDone) of \(epochs) epochs done")
        Interrupt.resumeHint = hint(state.epochsDone)
        return state
    }

    /// Called after every epoch (all threads joined, so the sections are still): writes a
    /// checkpoint when one is due. A checkpoint that cannot be written (a full disk) is a
    /// warning, and training goes on (the previous checkpoint stays). Throws `.interrupted`.
    func epochEnded(_ state: CheckpointState, progress: ProgressReporter) throws {
        guard let every = policy.every else { return }
        switch every {
        case .epochs(let n): if state.epochsDone % n != 0 { return }
        case .minutes(let m): if Date().timeIntervalSince(lastWrite) < m * 60 { return }
        }
        let started = Date()
        do {
            try CheckpointFile.write(to: policy.path, method: method, settings: settings, state: state, sections: sections)
        } catch let error as WordVecError where error != .interrupted {
            progress.note("\(method): warning: no checkpoint after epoch \(state.epochsDone): \(error.description); training goes on")
            return
        }
        lastWrite = Date()
        Interrupt.resumeHint = hint(state.epochsDone)
        progress.note(String(format: "%@: checkpoint after epoch %d of %d in %@ (%.1f s)", method, state.epochsDone, epochs,
                             policy.path, lastWrite.timeIntervalSince(started)))
        policy.afterWrite?(state.epochsDone)
    }

    /// Refuses (`.invalidInput`, one line naming the file and what differs) a checkpoint of
    /// another method or other settings; keys missing from `settings` are not compared.
    static func requireMatch(_ file: CheckpointFile, method: String, settings: [String: String]) throws {
        guard file.header.method == method else {
            throw CheckpointFile.refused(file.path, "it is a checkpoint of \(file.header.method), not of \(method)")
        }
        let saved = file.header.settings.filter { settings[$0.key] != nil || !CheckpointFingerprint.vocabularyKeys.contains($0.key) }
        if let differences = CheckpointFingerprint.differences(saved: saved, current: settings) {
            throw CheckpointFile.refused(file.path, "it was made with other settings: \(differences)")
        }
    }

    private func hint(_ done: Int) -> String {
        let saved = done == 1 ? "epoch 1 of \(epochs) is" : "epochs 1-\(done) of \(epochs) are"
        return "\(saved) saved in \(policy.path): run the same command with --resume to continue"
    }
}
