import Foundation

/// Reading a small text file for evaluation, with wordvec's errors.
enum EvalFile {
    static func read(_ path: String) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw WordVecError.fileNotFound(path) }
        if isDir.boolValue { throw WordVecError.unreadable(path, "is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WordVecError.unreadable(path, "permission denied or I/O error")
        }
        // Invalid UTF-8 bytes become U+FFFD: such words are simply out of vocabulary.
        return String(decoding: data, as: UTF8.self)
    }
}
