import Foundation

/// Several atomic files written as one: inside `write`, each `AtomicFile` that commits is
/// closed but not yet renamed; when the body has returned, Ctrl-C is checked once and then
/// every file is renamed into place. So an error or Ctrl-C anywhere in the body leaves none of
/// the files (a run's vectors without their context vectors or config) and no temporary file.
public final class AtomicFileGroup {
    private var pending: [(temporary: String, target: String, path: String)] = []
    private static let key = "wordvec.AtomicFileGroup"

    /// The group being written on this thread, if any.
    static var current: AtomicFileGroup? { Thread.current.threadDictionary[key] as? AtomicFileGroup }

    private init() {}

    func add(temporary: String, target: String, path: String) { pending.append((temporary, target, path)) }

    /// Runs `body` (which writes `AtomicFile`s on this thread), then renames them all into
    /// place. Throws what `body` throws, `.interrupted`, or `.unwritable` when a rename fails
    /// (files renamed before it stay; the rest are removed).
    public static func write<T>(_ body: () throws -> T) throws -> T {
        let group = AtomicFileGroup()
        let outer = current
        Thread.current.threadDictionary[key] = group
        defer { Thread.current.threadDictionary[key] = outer }
        do {
            let result = try body()
            try Interrupt.check()
            try group.renameAll()
            return result
        } catch {
            group.discardAll()
            throw error
        }
    }

    private func renameAll() throws {
        while !pending.isEmpty {
            let file = pending.removeFirst()
            if rename(file.temporary, file.target) != 0 {
                let why = systemError()
                unlink(file.temporary)
                throw WordVecError.unwritable(file.path, why)
            }
        }
    }

    private func discardAll() {
        for file in pending { unlink(file.temporary) }
        pending = []
    }
}
