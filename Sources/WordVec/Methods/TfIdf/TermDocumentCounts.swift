import Foundation

/// The word × document count matrix of a corpus: entry (w, d) = how often word w occurs in
/// document d, for the words of a vocabulary (rows in its order) and the documents of a
/// `DocumentReader` (columns in corpus order). The input of tf-idf and LSA.
///
/// Built in two passes over the corpus so that memory is the matrix itself (12 bytes a stored
/// entry, plus 8 per row and 4 per vocabulary word), never a dense words × documents array:
/// pass 1 counts every word's documents (its document frequency) and the documents; pass 2
/// fills a `SparseMatrix.Builder` sized by those counts. Each document is counted with a
/// vocabulary-sized scratch array and the list of words it touched, so a document costs its
/// length, and columns arrive in increasing order (no sorting).
public enum TermDocumentCounts {
    /// The `vocabulary.count × documents` count matrix. Throws the corpus's reading errors,
    /// `.interrupted`, and `.invalidInput` when the corpus has fewer than two documents (every
    /// word row would point the same way) or no in-vocabulary word in any document.
    public static func count(_ corpus: Corpus, vocabulary: Vocabulary, tokenizer: TokenizerOptions,
                             documents mode: DocumentMode, threads: Int = 1,
                             progress: ProgressReporter) throws -> SparseMatrix {
        let table = vocabulary.makeTable()
        var scratch = DocumentScratch(words: vocabulary.count)
        let total = Double(max(vocabulary.keptTokens, 1)) * 2
        // Pass 1: document frequencies and the number of documents.
        var df = [Int](repeating: 0, count: vocabulary.count)
        var documents = 0, seen = 0
        try forEachDocument(corpus, table: table, tokenizer: tokenizer, mode: mode, scratch: &scratch) { doc in
            for w in doc.touched { df[Int(w)] += 1 }
            documents += 1
            seen += doc.length
            if documents & 1023 == 0 { progress.update(fraction: Double(seen) / total, detail: "counting documents: \(documents)") }
        }
        try requireDocuments(documents, entries: df.reduce(0, +), corpus: corpus, mode: mode)
        // Pass 2: the entries, document by document (so each row's columns increase).
        var builder = SparseMatrix.Builder(rowCount: vocabulary.count, columnCount: documents)
        for w in 0..<vocabulary.count { builder.count(row: w, entries: df[w]) }
        builder.startFilling()
        var d = 0
        try forEachDocument(corpus, table: table, tokenizer: tokenizer, mode: mode, scratch: &scratch) { doc in
            guard d < documents else { return }   // the corpus grew between the passes
            for w in doc.touched { builder.add(row: Int(w), column: d, value: Float(doc.counts[Int(w)])) }
            d += 1
            seen += doc.length
            if d & 1023 == 0 { progress.update(fraction: Double(seen) / total, detail: "filling document \(d) of \(documents)") }
        }
        guard d == documents else {
            throw WordVecError.invalidInput("\(corpus.name): the corpus changed while it was read (\(documents) documents, then \(d))")
        }
        return builder.build(threads: threads)
    }

    /// One document's word counts: `counts[w]` for every w in `touched` (first-occurrence order).
    struct DocumentScratch {
        var counts: [Int32]
        var touched: [Int32] = []
        var ids: [Int32] = []
        var length: Int { ids.count }

        init(words: Int) { counts = [Int32](repeating: 0, count: words) }

        mutating func tally() {
            for w in touched { counts[Int(w)] = 0 }
            touched.removeAll(keepingCapacity: true)
            for w in ids {
                if counts[Int(w)] == 0 { touched.append(w) }
                counts[Int(w)] += 1
            }
        }
    }

    /// Reads every document of the corpus into `scratch` (tallied) and calls `body` with it.
    private static func forEachDocument(_ corpus: Corpus, table: WordTable, tokenizer: TokenizerOptions, mode: DocumentMode,
                                        scratch: inout DocumentScratch, _ body: (DocumentScratch) throws -> Void) throws {
        try RunPhase.enter(.countingDocuments)
        let reader = try DocumentReader(corpus: corpus, options: tokenizer, mode: mode, table: table)
        while try reader.next(into: &scratch.ids) {
            if reader.documentsRead & 255 == 0 { try Interrupt.check() }
            scratch.tally()
            try body(scratch)
        }
    }

    private static func requireDocuments(_ documents: Int, entries: Int, corpus: Corpus, mode: DocumentMode) throws {
        if documents < 2 {
            let hint: String
            switch mode {
            case .lines: hint = "a corpus on one line (such as text8) needs --doc-size N (documents of N tokens)"
            case .paragraphs: hint = "separate documents with blank lines, or use --documents lines or --doc-size N"
            case .chunks(let n): hint = "lower --doc-size (it is \(n))"
            }
            throw WordVecError.invalidInput("\(corpus.name): \(documents) document\(documents == 1 ? "" : "s") (--documents \(mode)): a word × document matrix needs at least 2; \(hint)")
        }
        if entries == 0 {
            throw WordVecError.invalidInput("\(corpus.name): no document holds an in-vocabulary word")
        }
    }
}
