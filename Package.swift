// swift-tools-version:6.0
import PackageDescription
import Foundation

// Release builds are tuned for the build machine (like word2vec.c's and GloVe's -march=native);
// WORDVEC_TARGET_CPU=x86-64 (or another LLVM CPU name) builds a portable binary instead.
let targetCPU = ProcessInfo.processInfo.environment["WORDVEC_TARGET_CPU"] ?? "native"

let package = Package(
    name: "wordvec",
    products: [
        .library(name: "WordVec", targets: ["WordVec"]),
        // The fuzz harnesses (bytes in, one reader called), shared by Fuzz/ (libFuzzer) and the tests' replay.
        .library(name: "WordVecFuzzing", targets: ["WordVecFuzzing"]),
        .executable(name: "wordvec", targets: ["wordvec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLapack", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd",
                       providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive",
                       providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3",
                       providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash",
                       providers: [.apt(["libxxhash-dev"])]),
        .target(name: "CPrefetch"),
        .target(
            name: "WordVec",
            dependencies: ["CLapack", "CZstd", "CArchive", "CFFTW", "CXXHash", "CPrefetch"],
            swiftSettings: [.unsafeFlags(["-Ounchecked", "-enforce-exclusivity=unchecked", "-target-cpu", targetCPU], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "wordvec",
            dependencies: ["WordVec", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "WordVecFuzzing", dependencies: ["WordVec"]),
        .testTarget(name: "WordVecTests", dependencies: ["WordVec", "WordVecFuzzing"]),
    ],
    // Swift 5 mode: the trainers share weight matrices between threads on purpose (Hogwild),
    // which strict Swift 6 checking cannot express without wrapping every kernel.
    swiftLanguageModes: [.v5]
)
