import Foundation

/// Every failure wordvec reports to a user: one line, naming the file (and line) at fault.
public enum WordVecError: Error, CustomStringConvertible, Equatable {
    case fileNotFound(String)
    case unreadable(String, String)
    case unwritable(String, String)
    case emptyCorpus(String)
    case invalidInput(String)
    case malformedVectors(path: String, line: Int, reason: String)
    /// A binary (word2vec .bin) record at fault: 1-based record number, byte offset of its word.
    case malformedRecord(path: String, record: Int, offset: Int, reason: String)
    /// The path, and what is wrong, starting with the kind of data ("gzip data: …").
    case corruptCompressed(String, String)
    case lineTooLong(String)
    case interrupted
    case diverged(String)
    case invalidArgument(String)
    /// A LAPACK routine returned `info != 0` (Linalg/LAPACK.swift).
    case lapack(routine: String, info: Int, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let p): return "\(p): no such file or directory"
        case .unreadable(let p, let why): return "\(p): cannot read: \(why)"
        case .unwritable(let p, let why): return "\(p): cannot write: \(why)"
        case .emptyCorpus(let p): return "\(p): the corpus has no words (empty or whitespace only, or nothing left after --min-count)"
        case .invalidInput(let why): return why
        case .malformedVectors(let p, let line, let reason): return "\(p):\(line): \(reason)"
        case .malformedRecord(let p, let record, let offset, let reason): return "\(p): record \(record) at byte \(offset): \(reason)"
        case .corruptCompressed(let p, let why): return "\(p): corrupt or truncated \(why)"
        case .lineTooLong(let why): return why
        case .interrupted: return "interrupted; no output was written" + (Interrupt.resumeHint.map { "; " + $0 } ?? "")
        case .diverged(let why): return why
        case .invalidArgument(let why): return why
        case .lapack(let routine, let info, let reason): return "LAPACK \(routine) failed (info \(info)): \(reason)"
        }
    }
}

/// The system's message for `errno`.
func systemError(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
