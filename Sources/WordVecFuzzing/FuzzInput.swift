import Foundation
import WordVec

/// The file a harness hands to a reader (readers take paths, as commands do): one per process and
/// extension, in a private `ScratchDirectory` under /dev/shm when it is writable (no disk writes
/// per input), else under `ScratchDirectory.defaultParent`; rewritten for every input, and removed
/// when the process exits.
enum FuzzInput {
    private static let directory: Result<ScratchDirectory, Error> = {
        let made = Result { try ScratchDirectory(parent: access("/dev/shm", W_OK) == 0 ? "/dev/shm" : nil, prefix: "wordvec-fuzz") }
        atexit { try? FuzzInput.directory.get().remove() }
        return made
    }()

    static func write(_ bytes: UnsafeRawBufferPointer, fileExtension: String) throws -> String {
        let path = try directory.get().path + "/input." + fileExtension
        do { try Data(bytes).write(to: URL(fileURLWithPath: path)) } catch {
            throw WordVecError.unwritable(path, error.localizedDescription)
        }
        return path
    }
}
