import Foundation

/// PNG from SVG through librsvg's `rsvg-convert` (Debian: librsvg2-bin), found on PATH; the
/// SVG and PNG pass through a `ScratchDirectory` and the PNG is written atomically.
public enum SVGRasterizer {
    /// The `rsvg-convert` executable on PATH, if any.
    public static var converter: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes `svg` rendered as PNG (at its own size) to `path`. Throws
    /// `WordVecError.invalidArgument` when rsvg-convert is missing, `.invalidInput` when it fails,
    /// and `AtomicFile`'s errors.
    public static func writePNG(svg: String, to path: String) throws {
        guard let converter else {
            throw WordVecError.invalidArgument("\(path): writing PNG needs rsvg-convert (Debian package librsvg2-bin); write .svg instead")
        }
        let scratch = try ScratchDirectory(prefix: "wordvec-png")
        defer { scratch.remove() }
        let source = scratch.newFile("plot.svg"), target = scratch.newFile("plot.png")
        try AtomicFile.write(to: source) { try $0.write(svg) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: converter)
        process.arguments = ["--background-color=white", "-o", target, source]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let png = FileManager.default.contents(atPath: target) else {
            let why = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw WordVecError.invalidInput("\(path): rsvg-convert failed: \(why)")
        }
        try AtomicFile.write(to: path) { try $0.write([UInt8](png)) }
    }
}
