import Foundation
import XCTest
import WordVec

/// A run's output files are written as one: Ctrl-C or an error while any of them is written
/// leaves none of them, and no temporary file.
final class AtomicFileGroupTests: TempDirTestCase {
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    func testInterruptedWhileWritingTheSecondFileLeavesNoneOfThem() throws {
        defer { Interrupt.set(false) }
        XCTAssertThrowsError(try AtomicFileGroup.write {
            try AtomicFile.write(to: dir + "/a.vec") { try $0.write("complete\n") }
            try AtomicFile.write(to: dir + "/b.vec") { file in
                try file.write("half")
                Interrupt.set(true)
                try file.write([UInt8](repeating: 0x61, count: 2 << 20))   // a write that reaches the disk checks Ctrl-C
            }
        }) { XCTAssertEqual($0 as? WordVecError, .interrupted) }
        XCTAssertEqual(try names(), [], "no output, no temporary file")
    }

    func testInterruptedAfterTheLastFileBeforeTheRenamesLeavesNoneOfThem() throws {
        defer { Interrupt.set(false) }
        XCTAssertThrowsError(try AtomicFileGroup.write {
            try AtomicFile.write(to: dir + "/a.vec") { try $0.write("complete\n") }
            Interrupt.set(true)
        }) { XCTAssertEqual($0 as? WordVecError, .interrupted) }
        XCTAssertEqual(try names(), [])
    }

    func testAnErrorInTheBodyLeavesNoneOfThemAndASuccessWritesAll() throws {
        struct Failure: Error {}
        XCTAssertThrowsError(try AtomicFileGroup.write {
            try AtomicFile.write(to: dir + "/a.vec") { try $0.write("complete\n") }
            throw Failure()
        })
        XCTAssertEqual(try names(), [])
        let value = try AtomicFileGroup.write {
            try AtomicFile.write(to: dir + "/a.vec") { try $0.write("a\n") }
            try AtomicFile.write(to: dir + "/b.vec") { try $0.write("b\n") }
            return 7
        }
        XCTAssertEqual(value, 7)
        XCTAssertEqual(try names(), ["a.vec", "b.vec"])
        XCTAssertEqual(try String(contentsOfFile: dir + "/b.vec", encoding: .utf8), "b\n")
    }

    /// A killed run's temporary file (its PID gone) is removed; a live one's is not.
    func testStaleTemporariesOfDeadProcessesAreRemoved() throws {
        let dead = dir + "/.out.vec.tmp-999999999-1"      // beyond any pid_max
        let live = dir + "/.out.vec.tmp-\(getpid())-2"
        TestSupport.write("x", to: dead)
        TestSupport.write("x", to: live)
        AtomicFile.removeStaleTemporaries(of: dir + "/out.vec")
        XCTAssertEqual(try names(), [".out.vec.tmp-\(getpid())-2"])
    }
}
