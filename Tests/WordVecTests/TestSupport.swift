import Foundation
import XCTest
import WordVec

/// Helpers shared by the test files: temporary folders, the built `wordvec` binary, python.
enum TestSupport {
    /// A fresh temporary directory, removed by the caller's tearDown or left for the OS.
    static func tempDir(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let dir = NSTemporaryDirectory() + "wordvec-tests-\(safe)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        Leftovers.shared.add(dir)
        return dir
    }

    /// Every temporary folder the tests made, removed when the test process exits.
    final class Leftovers: @unchecked Sendable {
        static let shared = Leftovers()
        private let lock = NSLock()
        private var dirs: [String] = []

        private init() {
            atexit {
                for d in Leftovers.shared.all() { try? FileManager.default.removeItem(atPath: d) }
            }
        }

        func add(_ dir: String) { lock.lock(); dirs.append(dir); lock.unlock() }
        func all() -> [String] { lock.lock(); defer { lock.unlock() }; return dirs }
    }

    static func write(_ text: String, to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: text.data(using: .utf8))
    }

    static func write(bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// The `wordvec` executable built beside the test bundle.
    static var binary: String {
        var dir = Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("wordvec").path) {
            dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        }
        return dir.appendingPathComponent("wordvec").path
    }

    struct RunResult { var status: Int32; var stdout: String; var stderr: String }

    /// Runs a program and collects its output. `stdin` is written to its standard input.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
                    directory: String? = nil) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        p.arguments = arguments
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inp
        try p.run()
        if let stdin {
            DispatchQueue.global().async {
                inp.fileHandleForWriting.write(stdin)
                try? inp.fileHandleForWriting.close()
            }
        }
        // stdout is drained on another thread so neither pipe can fill up and block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = outBox.data
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs the `wordvec` CLI.
    @discardableResult
    static func wordvec(_ arguments: String..., stdin: Data? = nil) throws -> RunResult {
        try run(binary, arguments, stdin: stdin)
    }

    /// python3 with gensim importable, or nil (tests that need it then fail loudly in CI,
    /// where `make deps` installs gensim, and are skipped elsewhere).
    static var python: String? {
        for p in ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"] + pathCandidates("python3") {
            if FileManager.default.isExecutableFile(atPath: p),
               let r = try? run(p, ["-c", "import gensim"]), r.status == 0 { return p }
        }
        return nil
    }

    private static func pathCandidates(_ name: String) -> [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
    }

    /// Skips (locally) or fails (in CI) when gensim is not available.
    static func requireGensim() throws -> String {
        if let p = python { return p }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("gensim is required in CI (make deps installs it)") }
        throw XCTSkip("gensim not installed")
    }

    /// The Debian `fasttext` CLI (installed by `make deps`); skips locally, fails in CI, when absent.
    static func requireFastText() throws -> String {
        for p in ["/usr/bin/fasttext", "/usr/local/bin/fasttext"] + pathCandidates("fasttext") where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("the fasttext CLI is required in CI (make deps installs the Debian package)") }
        throw XCTSkip("the fasttext CLI is not installed (apt-get install fasttext, or make deps)")
    }

    /// The shared synthetic corpus for learning tests (written once per test process).
    static let syntheticCorpus: (corpus: SyntheticCorpus, path: String, questions: String, pairs: String) = {
        let dir = tempDir("synthetic")
        let c = SyntheticCorpus(seed: 1)
        let path = dir + "/corpus.txt"
        try! c.write(sentences: 20_000, to: path)
        write(c.analogyQuestions(), to: dir + "/questions.txt")
        write(c.similarityPairs(), to: dir + "/pairs.tsv")
        return (c, path, dir + "/questions.txt", dir + "/pairs.tsv")
    }()
}

private final class Marker {}

/// A test case with a fresh temporary folder per test (`dir`), removed afterwards.
class TempDirTestCase: XCTestCase {
    var dir = ""

    override func setUp() { dir = TestSupport.tempDir() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes `text` to `dir/name` and returns the path.
    func file(_ name: String, _ text: String) -> String {
        let path = dir + "/" + name
        TestSupport.write(text, to: path)
        return path
    }

    /// A failed run that reports exactly one line, `wordvec: error: …` containing `contains`.
    func assertOneLineError(_ r: TestSupport.RunResult, _ contains: String, stdoutEmpty: Bool = true,
                            file f: StaticString = #filePath, line l: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.stderr, file: f, line: l)
        if stdoutEmpty { XCTAssertEqual(r.stdout, "", file: f, line: l) }
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2, "one line expected: \(r.stderr)", file: f, line: l)
        XCTAssertTrue(r.stderr.hasPrefix("wordvec: error: "), r.stderr, file: f, line: l)
        XCTAssertTrue(r.stderr.contains(contains), "'\(r.stderr)' lacks '\(contains)'", file: f, line: l)
    }
}
