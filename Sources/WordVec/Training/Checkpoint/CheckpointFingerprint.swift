import Foundation

/// What a checkpoint must match to be resumed from: every setting that changes the result (the
/// config as `OUTPUT.config.json` holds it, less the few keys that do not), the corpus (its
/// size, file count and the XXH64 of its first MiB) and the vocabulary (size and the XXH64 of
/// its words and counts). Flattened to `key → value` text so a mismatch can be named.
enum CheckpointFingerprint {
    /// Config keys that change neither the training nor its result: memory and temporary
    /// space (GloVe's results do not depend on them), and which trained matrix is written.
    static let resultNeutralKeys: Set<String> = ["memoryBytes", "temporaryDirectory", "maxFanIn", "output"]

    /// Bytes of the corpus's first file that are hashed.
    static let headBytes = 1 << 20

    /// The keys that need the vocabulary (left out by the check made before it is counted).
    static let vocabularyKeys: Set<String> = ["vocabulary.words", "vocabulary.hash"]

    /// The fingerprint of a run; without `vocabulary`, all but `vocabularyKeys`.
    static func settings<C: TrainerConfig>(config: C, corpus: Corpus, vocabulary: Vocabulary?) throws -> [String: String] {
        let json = try TrainingOutputs.configJSON(config)
        var out: [String: String] = [:]
        if let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] {
            flatten(object, prefix: "", into: &out)
        }
        for key in resultNeutralKeys { out[key] = nil }
        out["corpus.bytes"] = "\(corpus.byteSize)"
        out["corpus.files"] = "\(corpus.files.count)"
        out["corpus.head"] = try corpus.files.first.map(headHash) ?? "none"
        if let vocabulary {
            out["vocabulary.words"] = "\(vocabulary.count)"
            out["vocabulary.hash"] = vocabularyHash(vocabulary)
        }
        return out
    }

    /// "dim (checkpoint 50, this run 100), seed (…)": the settings that differ, or nil.
    static func differences(saved: [String: String], current: [String: String]) -> String? {
        let keys = Set(saved.keys).union(current.keys).sorted().filter { saved[$0] != current[$0] }
        if keys.isEmpty { return nil }
        return keys.map { "\($0) (checkpoint \(saved[$0] ?? "unset"), this run \(current[$0] ?? "unset"))" }.joined(separator: ", ")
    }

    private static func flatten(_ object: [String: Any], prefix: String, into out: inout [String: String]) {
        for (key, value) in object {
            let name = prefix + key
            if let nested = value as? [String: Any] {
                flatten(nested, prefix: name + ".", into: &out)
            } else if let text = value as? String {
                out[name] = text
            } else if value is NSNull {
                out[name] = "null"
            } else if let array = value as? [Any],
                      let data = try? JSONSerialization.data(withJSONObject: array, options: [.sortedKeys]) {
                out[name] = String(decoding: data, as: UTF8.self)
            } else {
                out[name] = "\(value)"
            }
        }
    }

    private static func headHash(_ file: String) throws -> String {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WordVecError.unreadable(file, systemError()) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: headBytes)
        let n = try bytes.withUnsafeMutableBytes { b in
            try FileDescriptorIO.readFully(fd, b.baseAddress!, headBytes) { WordVecError.unreadable(file, $0) }
        }
        return String(Checksum.xxh64(Array(bytes.prefix(n))), radix: 16)
    }

    private static func vocabularyHash(_ v: Vocabulary) -> String {
        var bytes: [UInt8] = []
        for (word, count) in zip(v.words, v.counts) {
            bytes.append(contentsOf: word.utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: "\(count)".utf8)
            bytes.append(0x0A)
        }
        return String(Checksum.xxh64(bytes), radix: 16)
    }
}
