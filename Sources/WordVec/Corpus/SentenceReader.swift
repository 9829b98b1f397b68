import Foundation
import Synchronization

/// Maps a corpus (or a byte range of it) to sentences of word ids.
package final class SentenceReader: SentenceSource {
    private let scanner: TokenScanner
    private let table: WordTable
    private let maxLength: Int

    package init(corpus: Corpus, table: WordTable, options: TokenizerOptions, range: Range<Int64>? = nil) throws {
        scanner = try TokenScanner(corpus: corpus, options: options, range: range)
        self.table = table
        maxLength = max(1, options.maxSentenceLength)
    }

    package var warnings: CorpusWarnings { scanner.warnings }

    package func next(into ids: inout [Int32]) throws -> Bool {
        ids.removeAll(keepingCapacity: true)
        while true {
            switch try scanner.next() {
            case .token:
                let e = table.find(scanner.token)
                if e >= 0 {
                    ids.append(Int32(truncatingIfNeeded: table.values[e]))
                    if ids.count >= maxLength { return true }
                }
            case .lineEnd:
                if !ids.isEmpty { return true }
            case .end:
                return !ids.isEmpty
            }
        }
    }
}
