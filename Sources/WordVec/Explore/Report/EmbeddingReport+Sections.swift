import Foundation

extension EmbeddingReport {
    static func f(_ v: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", v) }

    /// A ComparisonTable as an HTML table.
    static func html(_ table: ComparisonTable, className: String) -> String {
        let header = ["method"] + table.columns.map(\.title) + ["vocabulary", "dim", "size"]
        let rows = table.rows.map { r in
            [r.name] + zip(r.values, table.columns).map { ComparisonTable.format($0, $1.kind) }
                + ["\(r.vocabulary)", "\(r.dim)", ComparisonTable.formatBytes(r.bytes)]
        }
        return HTMLPage.table(header, rows, numeric: Set(1..<header.count), className: className)
    }

    func scoresSection() -> String {
        let table = comparisonTable()
        var s = Self.html(table, className: "comparison")
        if table.columns.isEmpty {
            return s + HTMLPage.note("No --analogy or --similarity set was given, so there are no scores to compare.")
        }
        s += HTMLPage.note("Analogies: 3CosAdd over the \(options.restrict) most frequent words, case-insensitive, inputs excluded (as wordvec analogy and gensim). Similarity: Spearman rho of cosines against human scores.")
        let chart = BarChartSVG(table: table, title: "scores").render()
        return s + "<div class=\"bar-chart\">" + HTMLPage.inline(svg: chart) + "</div>\n"
    }

    func abttSection() -> String {
        var s = HTMLPage.note("All-but-the-top (Mu & Viswanath 2018): subtract the mean vector and remove the top D principal directions (D = dim/100 unless --abtt). The same sets, scored again.")
        var table = comparisonTable()
        table.rows += comparisonTable(afterABTT: true).rows
        table.rows.sort { $0.file < $1.file }
        s += Self.html(table, className: "abtt")
        return s
    }

    func geometrySection() -> String {
        var s = HTMLPage.note("On unit vectors: alignment = mean ‖u−v‖² over positive pairs (the first similarity set's top quarter), uniformity = log mean exp(−2‖u−v‖²) over random pairs (Wang & Isola 2020); anisotropy = mean cosine of random word pairs (Ethayarajh 2019); variance share of the top 10 principal components; norm of the mean vector.")
        let rows = entries.map { e -> [String] in
            let g = e.geometry
            return [e.name, g.positive.map { Self.f($0.alignment) } ?? "–", Self.f(g.random.alignment), Self.f(g.random.uniformity),
                    Self.f(g.anisotropy), String(format: "%.1f%%", 100 * g.topComponentsVarianceShare),
                    Self.f(g.meanVectorNorm), Self.f(g.meanRowNorm)]
        }
        s += HTMLPage.table(["method", "alignment (positive)", "alignment (random)", "uniformity", "anisotropy",
                             "top-10 PC variance", "‖mean‖", "mean norm"], rows, numeric: Set(1...7), className: "geometry")
        let plot = NormRankPlotSVG(series: entries.map { ($0.name, $0.norms) }).render()
        return s + "<div class=\"norm-rank-plot\">" + plot + "</div>\n"
    }

    func mapsSection() -> String {
        var s = HTMLPage.note("The same words in every file, unit vectors mapped to the plane by PCA, t-SNE (van der Maaten & Hinton 2008) and UMAP (McInnes et al. 2018), seeded; colours are the word groups:")
        s += "<p class=\"legend\">" + options.mapGroups.enumerated().map { i, g in
            "<span style=\"color:\(BarChartSVG.palette[i % BarChartSVG.palette.count])\">●</span> \(XMLText.escaped(g))"
        }.joined(separator: " &nbsp; ") + "</p>\n"
        for e in entries {
            s += "<h3>\(XMLText.escaped(e.name))</h3>\n"
            if let error = e.mapError { s += HTMLPage.note("Not drawn: \(error)"); continue }
            s += "<div class=\"grid maps\">" + e.maps.map { "<div class=\"map\">\($0.svg)</div>" }.joined() + "</div>\n"
        }
        return s
    }

    func neighborsSection() -> String {
        let words = options.neighborWords
        var s = HTMLPage.note("Cosine nearest neighbours, \(options.neighbors) per word, for each file.") + "<div class=\"grid\">"
        for w in words {
            let lists = entries.map { e in e.neighbors.first { $0.word == w || $0.word == w.lowercased() } }
            guard lists.contains(where: { $0 != nil }) else { continue }
            s += "<div><h3>\(XMLText.escaped(w))</h3>\n"
            let rows = (0..<options.neighbors).map { i in
                lists.map { l -> String in
                    guard let l, i < l.found.count else { return "" }
                    return "\(l.found[i].word) \(Self.f(Double(l.found[i].similarity)))"
                }
            }
            s += HTMLPage.table(entries.map(\.name), rows, className: "neighbors") + "</div>\n"
        }
        s += "</div>\n"
        let unknown = Array(Set(entries.flatMap(\.unknownWords))).sorted()
        if !unknown.isEmpty { s += HTMLPage.note("Words not in every file (left out where missing): " + unknown.joined(separator: " ")) }
        return s
    }

    func exclusionSection() -> String {
        var s = HTMLPage.note("a : b :: c : ? is answered by the word nearest to b − a + c. Benchmarks exclude a, b and c from the answers; kept in, the nearest word is often b or c itself, so the exclusion does much of the work (Linzen 2016; Nissim et al. 2020).")
        let rows = entries.compactMap { e -> [String]? in
            guard let r = e.analogy.first else { return nil }
            let t = r.total
            func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", 100 * $0) } ?? "–" }
            return [e.name, pct(t.accuracy), pct(t.accuracyKept), pct(t.nearestIsInputRate), "\(t.covered)"]
        }
        s += HTMLPage.table(["method", "accuracy, inputs excluded", "accuracy, inputs kept", "nearest is an input", "questions"],
                            rows, numeric: [1, 2, 3, 4], className: "exclusion")
        for e in entries where !e.exclusion.isEmpty {
            s += "<h3>\(XMLText.escaped(e.name))</h3>\n"
            s += HTMLPage.table(["question", "expected", "answer (inputs excluded)", "answer (inputs kept)"],
                                e.exclusion.map { ["\($0.a) : \($0.b) :: \($0.c) : ?", $0.expected, $0.excluded, $0.kept] },
                                className: "exclusion-examples")
        }
        return s
    }

    func biasSection() -> String {
        var s = HTMLPage.note("Gender direction: first principal component of the definitional pairs (Bolukbasi et al. 2016); projection > 0 leans to she. WEAT effect sizes and one-sided permutation p-values (Caliskan et al. 2017). Defaults from the papers; see docs/explore.md.")
        s += "<div class=\"grid\">"
        for e in entries {
            s += "<div><h3>\(XMLText.escaped(e.name))</h3>\n"
            guard let b = e.bias else { s += HTMLPage.note("Not measured: \(e.biasError ?? "no result")") + "</div>"; continue }
            let answers = Dictionary(b.analogies.map { ($0.word, $0.answer) }, uniquingKeysWith: { a, _ in a })
            let shown = b.occupations.count > 12 ? Array(b.occupations.prefix(6) + b.occupations.suffix(6)) : b.occupations
            s += HTMLPage.table(["occupation", "projection", "he : X :: she : ?"],
                                shown.map { [$0.word, String(format: "%+.3f", $0.projection), answers[$0.word] ?? "–"] },
                                numeric: [1], className: "occupations")
            s += HTMLPage.table(["WEAT", "effect size", "p", "|X| |Y| |A| |B|"],
                                b.weat.map { [$0.name, Self.f($0.effectSize), String(format: "%.4g", $0.pValue), $0.sizes.map(String.init).joined(separator: " ")] },
                                numeric: [1, 2], className: "weat")
            if !b.unknownWords.isEmpty { s += HTMLPage.note("Unknown words (left out): " + b.unknownWords.joined(separator: " ")) }
            s += "</div>\n"
        }
        return s + "</div>\n"
    }
}
