import ArgumentParser
import WordVec

/// Where `train` writes, shared by every method.
struct TrainOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output vector file (- for stdout). Default: CORPUS.METHOD.vec in the current directory (CORPUS without its extensions; CORPUS.METHOD.sparse for the sparse methods tfidf and ppmi).")
    var output: String?

    @Option(help: "Output format: vec, bin (word2vec binary), glove or sparse (default: from the extension, else vec).")
    var format: VectorFormat?

    @Flag(help: "Replace the default-named output if it exists (an explicit -o is always replaced).")
    var force = false

    @Option(name: .customLong("save-context"), help: "Also write the context (output) vectors to this file (methods with context vectors).")
    var saveContext: String?
}

extension VectorChoice: ExpressibleByArgument {}
