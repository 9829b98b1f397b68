import ArgumentParser
import Foundation
import WordVec

/// `wordvec vectors MODEL [WORD...]`: fastText's `print-word-vectors`, for any vector file.
struct VectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Print the vectors of words, one .vec line each (fastText's print-word-vectors); with no words, reads them from stdin.",
        discussion: """
        With a fastText model (.bin), a word outside the vocabulary gets the mean of its character n-gram rows, \
        as fastText does, and the composed words are named in one warning on stderr (a word without any n-gram \
        prints zeros, as fastText). With a plain vector file, unknown words are left out and named in the warning.
        """
    )

    @Argument(help: "A fastText model (.bin) or any vector file.")
    var vectors: String

    @Argument(help: "Words (default: whitespace-separated words from stdin).")
    var words: [String] = []

    @OptionGroup var input: InputOptions

    func validate() throws {
        if vectors == "-" && words.isEmpty { throw ValidationError("the vectors come from stdin, so give the words as arguments") }
    }

    func run() throws {
        let set = try VectorSet.load(vectors, unicodeErrors: input.unicodeErrors)
        let rows = set.vectors.index
        var composed: [String] = [], missing: [String] = []
        func show(_ word: String) {
            if let i = rows[word] { return print(VectorFileWriter.line(word, set.row(i))) }
            guard let model = set.model else { missing.append(word); return }
            composed.append(word)
            print(VectorFileWriter.line(word, model.vector(word) ?? [Float](repeating: 0, count: model.dim)))
        }
        if words.isEmpty {
            while let line = readLine() {
                for w in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) { show(String(w)) }
            }
        } else {
            words.forEach(show)
        }
        if !composed.isEmpty { warn("\(composed.count) word\(composed.count == 1 ? "" : "s") not in the vocabulary, composed from n-grams", composed) }
        if !missing.isEmpty { warn("\(missing.count) word\(missing.count == 1 ? "" : "s") not in \(vectors) left out (a plain vector file cannot compose them)", missing) }
    }

    private func warn(_ what: String, _ words: [String]) {
        let shown = words.prefix(10).joined(separator: ", ") + (words.count > 10 ? ", …" : "")
        FileHandle.standardError.write(Data("warning: \(what): \(shown)\n".utf8))
    }
}
