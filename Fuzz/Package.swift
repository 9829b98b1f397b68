// swift-tools-version:6.0
import PackageDescription

// The libFuzzer driver for wordvec's readers (`make fuzz`; see docs/reliability.md, "Fuzzing").
// Built only with `-sanitize=fuzzer,address` (it calls libFuzzer's LLVMFuzzerRunDriver), so it is
// a package of its own: `swift build` and `swift test` of wordvec never see it. The harnesses
// themselves are wordvec's `WordVecFuzzing` library, which the test suite replays.
let package = Package(
    name: "wordvec-fuzz",
    dependencies: [.package(name: "wordvec", path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "wordvec-fuzz",
            dependencies: ["CLibFuzzer", .product(name: "WordVecFuzzing", package: "wordvec")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
