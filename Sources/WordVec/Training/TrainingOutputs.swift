import Foundation

/// The files a training run writes, written the same way for every method: the vectors, the
/// optional context vectors and vocabulary, and `OUTPUT.config.json` (the run's options, so it
/// can be reproduced). Every file is written atomically.
public struct TrainingOutputs: Sendable {
    /// The vector file ("-": stdout, and no config file).
    public var vectors: String
    /// Its format (nil: from the extension, else `.vec`).
    public var format: VectorFormat?
    public var context: String?
    public var vocabulary: String?
    /// The model artefact (`--save-model`: fastText's `.bin`), for methods that have one.
    public var model: String?

    public init(vectors: String, format: VectorFormat? = nil, context: String? = nil, vocabulary: String? = nil,
                model: String? = nil) {
        self.vectors = vectors
        self.format = format
        self.context = context
        self.vocabulary = vocabulary
        self.model = model
    }

    /// Every path this run will write.
    public var paths: [String] {
        [vectors, context, vocabulary, model].compactMap { $0 } + (writesConfig ? [vectors + ".config.json"] : [])
    }

    /// Whether `OUTPUT.config.json` is written: not for stdout, nor beside a device or FIFO
    /// (`-o /dev/null` must not leave `/dev/null.config.json`).
    private var writesConfig: Bool {
        if vectors == "-" { return false }
        var info = stat()
        return stat(vectors, &info) != 0 || info.st_mode & S_IFMT == S_IFREG
    }

    /// Fails now, before hours of training, if an output cannot be written (`.unwritable`), or
    /// if two outputs, or an output and the corpus, are the same file (`.invalidArgument`).
    public func checkWritable(corpus: String? = nil) throws {
        var seen: [String: String] = [:]
        let named = [("-o", vectors), ("--save-context", context), ("--save-vocab", vocabulary), ("--save-model", model)]
        for case let (flag, path?) in named {
            let key = TrainingOutputs.identity(path)
            if let other = seen[key] { throw WordVecError.invalidArgument("\(flag) and \(other) name the same file (\(path))") }
            seen[key] = flag
            if let corpus, path != "-", TrainingOutputs.identity(corpus) == key {
                throw WordVecError.invalidArgument("\(flag) \(path) is the corpus; name another output file")
            }
        }
        for path in paths { try AtomicFile.checkWritable(path) }
    }

    /// A key that is equal for two names of the same file (the real path where it exists).
    public static func identity(_ path: String) -> String {
        if path == "-" { return "-" }
        return AtomicFile.resolvedPath(path)
            ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Extensions dropped from a corpus's name for the default output name.
    static let corpusExtensions: Set<String> = ["txt", "text", "tok", "tokens", "corpus", "gz", "bz2", "xz", "zst", "zip"]

    /// The default vector file for a corpus and method: `NAME.METHOD.EXT` in the current
    /// directory, NAME being the corpus's file name without its text and compression extensions
    /// (`wiki.en.txt.zst` → `wiki.en`), EXT the format's (`vec`; `bin`, `txt`, `sparse` for
    /// `--format`); stdin gives `stdin.METHOD.vec`.
    public static func defaultPath(corpus: String, method: String, format: VectorFormat? = nil) -> String {
        var name = corpus == "-" ? "stdin" : URL(fileURLWithPath: corpus).lastPathComponent
        if let colon = name.lastIndex(of: ":"), name[..<colon].hasSuffix(".zip") {   // archive.zip:member
            name = String(name[name.index(after: colon)...])
        }
        while let dot = name.lastIndex(of: "."), dot > name.startIndex,
              corpusExtensions.contains(name[name.index(after: dot)...].lowercased()) {
            name = String(name[..<dot])
        }
        if name.isEmpty || name.hasPrefix(".") { name = "corpus" + name }
        return "\(name).\(method).\(format?.fileExtension ?? "vec")"
    }

    /// Writes the model's files, as one (`AtomicFileGroup`: none of them is in place unless all
    /// are). Throws `.unwritable` and `.interrupted` (nothing partial is left behind) and
    /// `.invalidArgument` when context vectors or a model file are asked for but the method has none.
    public func write(_ model: TrainedModel) throws {
        try RunPhase.enter(.writing)
        if context != nil && model.context == nil {
            throw WordVecError.invalidArgument("--save-context: \(model.config.method) has no context vectors")
        }
        let chosen = format ?? VectorFormat.fromExtension(vectors)
        if case .sparse(let s) = model.vectors, chosen != .sparse, s.count * s.dim > TrainingOutputs.maxDensifiedValues {
            throw WordVecError.invalidArgument("\(vectors): \(model.config.method) vectors are sparse with \(s.dim) dimensions; written densely (\(chosen.rawValue)) they would hold \(s.count) × \(s.dim) values: write sparse text (a .sparse name or --format sparse)")
        }
        // All or nothing: an error or Ctrl-C while writing leaves none of the files.
        try AtomicFileGroup.write {
            try VectorFileWriter.write(model.vectors, to: vectors, format: chosen)
            if let context, let contextVectors = model.context {
                try VectorFileWriter.write(.dense(contextVectors), to: context, format: VectorFormat.fromExtension(context))
            }
            if let vocabulary { try model.vocabulary.save(to: vocabulary) }
            if let path = self.model {
                guard let artifact = model.artifact else { throw WordVecError.invalidArgument("--save-model: \(model.config.method) has no model file") }
                try artifact.save(to: path)
            }
            if writesConfig {
                let json = try TrainingOutputs.configJSON(model.config)
                try AtomicFile.write(to: vectors + ".config.json") { try $0.write(json + "\n") }
            }
        }
    }

    /// The most values a sparse result is expanded to for a dense format (2^28 floats, 1 GiB).
    static let maxDensifiedValues = 1 << 28

    /// The config as pretty, key-sorted JSON with the method's name added as `"method"`.
    public static func configJSON(_ config: some TrainerConfig) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(Tagged(method: config.method, config: config)), as: UTF8.self)
    }

    /// A config with its method's name beside its own keys.
    private struct Tagged<C: TrainerConfig>: Encodable {
        let method: String
        let config: C
        func encode(to encoder: Encoder) throws {
            try config.encode(to: encoder)
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode(method, forKey: Key(stringValue: "method"))
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
