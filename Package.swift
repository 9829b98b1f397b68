// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wordvec",
    products: [
        .library(name: "WordVec", targets: ["WordVec"]),
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
        .target(
            name: "WordVec",
            dependencies: ["CLapack", "CZstd"],
            swiftSettings: [.unsafeFlags(["-Ounchecked", "-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "wordvec",
            dependencies: ["WordVec", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "WordVecTests", dependencies: ["WordVec"]),
    ],
    // Swift 5 mode: the trainers share weight matrices between threads on purpose (Hogwild),
    // which strict Swift 6 checking cannot express without wrapping every kernel.
    swiftLanguageModes: [.v5]
)
