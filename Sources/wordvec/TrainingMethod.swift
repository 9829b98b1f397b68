import ArgumentParser
import WordVec

/// The method registry: every method `wordvec train` knows, one line each. A new method is a
/// trainer in the library, a flags type (`MethodArguments`) here, and one case below.
enum TrainingMethod: String, CaseIterable, ExpressibleByArgument {
    case sgns, cbow, glove, fasttext
    case tfidf, lsa
    case randomIndexing = "random-indexing"
    case ppmi, ppmiSVD = "ppmi-svd", hal

    /// The flags (and help) of the method.
    var arguments: any MethodArguments.Type {
        switch self {
        case .sgns: Word2VecArguments<SkipGramVariant>.self
        case .cbow: Word2VecArguments<CBOWVariant>.self
        case .glove: GloVeArguments.self
        case .fasttext: FastTextArguments.self
        case .tfidf: TfIdfArguments.self
        case .lsa: LSAArguments.self
        case .randomIndexing: RandomIndexingArguments.self
        case .ppmi: PPMIArguments.self
        case .ppmiSVD: PPMISVDArguments.self
        case .hal: HALArguments.self
        }
    }

    /// Long flags (`--dim`) this method takes, read from its own help so the list cannot drift
    /// from the declarations.
    var flags: Set<String> {
        var names: Set<String> = ["--help", "-h"]
        // Option lines are indented by two spaces: "  -o, --output <output>   …", "  --dim <dim>   …".
        for line in arguments.helpMessage(columns: 10_000).split(separator: "\n") where line.hasPrefix("  -") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            for w in words.prefix(2) where w.hasPrefix("-") {
                names.insert(String(w.hasSuffix(",") ? w.dropLast() : w))
            }
        }
        return names
    }

    /// Flags whose old or other-tool spelling means something else here: flag → hint.
    static let renamed: [TrainingMethod: [String: String]] = [
        .glove: ["--alpha": "GloVe's weighting exponent (the reference's -alpha) is --weight-power, its learning rate --eta"],
    ]
}
