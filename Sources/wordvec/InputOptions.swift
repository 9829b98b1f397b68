import ArgumentParser
import WordVec

/// Flags shared by every command that reads vector files or evaluation sets.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("unicode-errors"),
            help: "Words that are not valid UTF-8: replace (U+FFFD, one warning), ignore (drop the bad bytes, one warning) or strict (refuse the file).")
    var unicodeErrors: UnicodeErrors = .replace
}

extension UnicodeErrors: ExpressibleByArgument {}
