import CLibFuzzer
import Foundation
import WordVecFuzzing

/// `WORDVEC_FUZZ_TARGET=<target> wordvec-fuzz [libFuzzer flags] [corpus directories]`: fuzzes one
/// `FuzzTarget` (its name as in `FuzzTarget.allCases`). A `FuzzFinding` aborts, which libFuzzer
/// reports as a crash and saves the input as `crash-<sha1>`.
///
/// SwiftPM links an executable's entry point as `<module>_main`; libFuzzer's own `main` is
/// replaced by this one, which hands argv to `LLVMFuzzerRunDriver`.
@_cdecl("wordvec_fuzz_main")
public func wordvecFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    guard selected != nil else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
        FileHandle.standardError.write(Data("wordvec-fuzz: set WORDVEC_FUZZ_TARGET to one of: \(names)\n".utf8))
        return 2
    }
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
}

/// The target named by WORDVEC_FUZZ_TARGET (a global: the C callback cannot capture).
private let selected = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["WORDVEC_FUZZ_TARGET"] ?? "")

/// libFuzzer's callback, also exported under its standard name for libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try selected!.run(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        abort()
    }
    return 0
}
