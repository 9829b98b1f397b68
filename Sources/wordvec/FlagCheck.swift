import ArgumentParser

/// Turns a flag that belongs to another method into a usage error that says whose it is,
/// instead of ArgumentParser's plain "unknown option".
enum FlagCheck {
    static func rejectForeignFlags(_ arguments: [String], method: TrainingMethod) throws {
        let own = method.flags
        for argument in arguments where argument.hasPrefix("--") {
            let flag = String(argument.split(separator: "=", maxSplits: 1)[0])
            if own.contains(flag) { continue }
            if let hint = TrainingMethod.renamed[method]?[flag] {
                throw ValidationError("\(flag) is not a flag of \(method.rawValue): \(hint)")
            }
            let owners = TrainingMethod.allCases.filter { $0 != method && $0.flags.contains(flag) }
            if !owners.isEmpty {
                throw ValidationError("\(flag) is not used by \(method.rawValue); it is a flag of \(owners.map(\.rawValue).joined(separator: ", "))")
            }
        }
    }
}
