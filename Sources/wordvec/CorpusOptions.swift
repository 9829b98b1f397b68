import ArgumentParser
import Foundation
import WordVec

/// The corpus and how it is tokenized: shared by every command that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "The corpus: a text file (also .gz, .bz2, .xz, .zst), archive.zip:member, a directory, a pipe, or - for stdin.")
    var corpus: String

    @Flag(help: "Fold case before counting (ASCII fast, other scripts through Unicode lower-casing).")
    var lowercase = false

    @Option(help: "Tokenizer: whitespace (word2vec: split on spaces/tabs/newlines) or raw (letters, marks and digits of any script; Unicode spaces, punctuation and symbols dropped).")
    var tokenizer: TokenizerOptions.Style = .whitespace

    @Option(help: "Unicode normalization of every token: nfc or nfkc (default: none; words are compared as bytes, like word2vec.c and gensim).")
    var normalize: UnicodeNormalization?

    var tokenizerOptions: TokenizerOptions { TokenizerOptions(style: tokenizer, lowercase: lowercase, normalization: normalize) }
}

extension TokenizerOptions.Style: ExpressibleByArgument {}
extension UnicodeNormalization: ExpressibleByArgument {}
