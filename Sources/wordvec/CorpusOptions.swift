import ArgumentParser
import Foundation
import WordVec

/// The corpus and how it is tokenized: shared by every command that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "The corpus: a text file, a .zst file, a directory, or - for stdin.")
    var corpus: String

    @Flag(help: "Fold case before counting (ASCII fast, other scripts through Unicode lower-casing).")
    var lowercase = false

    @Option(help: "Tokenizer: whitespace (word2vec: split on spaces/tabs/newlines) or raw (letters and digits; punctuation dropped).")
    var tokenizer: TokenizerOptions.Style = .whitespace

    var tokenizerOptions: TokenizerOptions { TokenizerOptions(style: tokenizer, lowercase: lowercase) }
}

extension TokenizerOptions.Style: ExpressibleByArgument {}
