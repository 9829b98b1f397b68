import ArgumentParser
import Foundation
import WordVec

/// Flags shared by every command that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "The corpus: a text file (also .gz, .bz2, .xz, .zst), archive.zip:member, a directory, a pipe, or - for stdin.")
    var corpus: String

    @Flag(help: "Fold case before counting (ASCII fast, other scripts through Unicode lower-casing).")
    var lowercase = false

    @Option(help: "Tokenizer: whitespace (word2vec: split on spaces/tabs/newlines) or raw (letters, marks and digits of any script; Unicode spaces, punctuation and symbols dropped).")
    var tokenizer: TokenizerOptions.Style = .whitespace

    @Option(help: "Unicode normalization of every token: nfc or nfkc (default: none; words are compared as bytes, like word2vec.c and gensim).")
    var normalize: UnicodeNormalization?

    @Option(name: .customLong("min-count"), help: "Drop words seen fewer times.")
    var minCount = 5

    @Option(name: .customLong("max-vocab"), help: "Keep at most this many most frequent words (0: no limit).")
    var maxVocab = 0

    @Option(help: "Threads; defaults to the number of cores.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress or summary on stderr.")
    var quiet = false

    var tokenizerOptions: TokenizerOptions { TokenizerOptions(style: tokenizer, lowercase: lowercase, normalization: normalize) }

    var progressMode: ProgressReporter.Mode { quiet ? .quiet : .auto }

    func validate() throws {
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
        guard maxVocab >= 0 else { throw ValidationError("--max-vocab must be 0 or more") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }
}

extension TokenizerOptions.Style: ExpressibleByArgument {}
extension UnicodeNormalization: ExpressibleByArgument {}
