import Foundation
import XCTest
import WordVec

/// Atomic writes: complete file or nothing under the target name, whatever goes wrong.
final class AtomicFileTests: XCTestCase {
    var dir = ""

    override func setUp() { dir = TestSupport.tempDir() }

    override func tearDown() {
        Interrupt.set(false)
        chmod(dir, 0o755)
        try? FileManager.default.removeItem(atPath: dir)
    }

    struct Boom: Error {}

    func listing() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    /// A link is followed (its target replaced, the link kept); an existing file keeps its mode.
    func testLinksAreFollowedAndPermissionsKept() throws {
        let target = dir + "/target.vec", link = dir + "/link.vec"
        TestSupport.write("old\n", to: target)
        chmod(target, 0o600)
        XCTAssertEqual(symlink("target.vec", link), 0)
        try AtomicFile.write(to: link) { try $0.write("new\n") }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "target.vec", "the link stays a link")
        var info = stat()
        XCTAssertEqual(stat(target, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(listing(), ["link.vec", "target.vec"])
    }

    /// A FIFO (or a device such as /dev/null) is written into, never replaced by a regular file.
    func testSpecialFilesAreWrittenThroughNotReplaced() throws {
        let fifo = dir + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        try AtomicFile.write(to: fifo) { try $0.write("through the pipe\n") }
        let got = out.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        XCTAssertEqual(String(decoding: got, as: UTF8.self), "through the pipe\n")
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
        try AtomicFile.write(to: "/dev/null") { try $0.write("nothing\n") }
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
    }

    func testCommitWritesTheWholeFileAndNoTemporaryIsLeft() throws {
        let path = dir + "/out.txt"
        let big = String(repeating: "0123456789", count: 300_000)   // 3 MB: several buffer flushes
        try AtomicFile.write(to: path) { f in
            try f.write("head\n")
            try f.write(big)
            try f.write([10])
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "head\n" + big + "\n")
        XCTAssertEqual(listing(), ["out.txt"])
    }

    func testErrorMidWriteLeavesNothing() {
        let path = dir + "/out.txt"
        XCTAssertThrowsError(try AtomicFile.write(to: path) { f in
            try f.write(String(repeating: "x", count: 3 << 20))   // already flushed to the temporary file
            throw Boom()
        }) { XCTAssertTrue($0 is Boom) }
        XCTAssertEqual(listing(), [], "neither the target nor a temporary file may remain")
    }

    func testExistingTargetSurvivesAFailedWrite() throws {
        let path = dir + "/out.txt"
        TestSupport.write("old content\n", to: path)
        XCTAssertThrowsError(try AtomicFile.write(to: path) { f in
            try f.write("new partial")
            throw Boom()
        })
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old content\n")
        XCTAssertEqual(listing(), ["out.txt"])
        // A successful write replaces it.
        try AtomicFile.write(to: path) { try $0.write("new\n") }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
    }

    func testInterruptDuringAWriteLeavesNothing() throws {
        let path = dir + "/out.vec"
        TestSupport.write("previous\n", to: path)
        XCTAssertThrowsError(try AtomicFile.write(to: path) { f in
            try f.write(String(repeating: "y", count: 2 << 20))
            Interrupt.set(true)                                     // Ctrl-C arrives mid-write
            try f.write(String(repeating: "z", count: 2 << 20))
        }) { XCTAssertEqual($0 as? WordVecError, .interrupted) }
        Interrupt.set(false)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "previous\n")
        XCTAssertEqual(listing(), ["out.vec"])
    }

    func testInterruptBeforeCommitLeavesNothing() throws {
        let path = dir + "/out.txt"
        let file = try AtomicFile(path: path)
        try file.write("small")   // still in the buffer
        Interrupt.set(true)
        XCTAssertThrowsError(try file.commit()) { XCTAssertEqual($0 as? WordVecError, .interrupted) }
        Interrupt.set(false)
        XCTAssertEqual(listing(), [])
    }

    func testAbandonedFileIsRemovedWhenReleased() throws {
        let path = dir + "/out.txt"
        do {
            let file = try AtomicFile(path: path)
            try file.write(String(repeating: "q", count: 2 << 20))
            XCTAssertEqual(listing().count, 1, "the temporary file exists while writing")
            XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        }
        XCTAssertEqual(listing(), [])
    }

    func testUnwritableDirectoryIsAClearError() throws {
        let missing = dir + "/missing/out.txt"
        XCTAssertThrowsError(try AtomicFile.write(to: missing) { try $0.write("x") }) { error in
            guard case WordVecError.unwritable(let p, let why)? = error as? WordVecError else { return XCTFail("\(error)") }
            XCTAssertEqual(p, missing)
            XCTAssertEqual(why, "No such file or directory")
        }
        // A directory as the target.
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write(to: dir + "/sub") { try $0.write("x") }) { error in
            XCTAssertEqual(error as? WordVecError, .unwritable(self.dir + "/sub", "is a directory"))
        }
        // A read-only directory (root ignores permissions, so only checked for other users).
        if getuid() != 0 {
            let locked = dir + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
            chmod(locked, 0o555)
            defer { chmod(locked, 0o755) }
            XCTAssertThrowsError(try AtomicFile.write(to: locked + "/out.txt") { try $0.write("x") }) { error in
                guard case WordVecError.unwritable? = error as? WordVecError else { return XCTFail("\(error)") }
            }
        }
    }
}
