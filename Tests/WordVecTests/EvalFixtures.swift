import Foundation
import WordVec

/// Small, deterministic vectors with planted analogies for the evaluation tests: four relations
/// (two semantic, two `gram…`) whose pairs differ by a relation offset plus noise, so that some
/// answers are right and some wrong; case variants of some words (before and after the lower-case
/// row, close to it, so case folding and gensim's input-variant rule matter); filler words; and a
/// tail of rows that a restriction cuts off.
struct EvalFixture {
    var words: [String] = []
    var dim = 24
    var vectors: [Float] = []
    var questions = ""
    var pairs = ""
    /// Rows before the tail: use as `--restrict` to cut the tail off.
    var restrict = 0

    init(seed: UInt64 = 3, noise: Float = 1.3) {
        var rng = FastRandom(seed: seed)
        func gaussian() -> Float {
            let u = max(rng.nextFloat(), 1e-7), v = rng.nextFloat()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        func randomVector(_ scale: Float = 1) -> [Float] { (0..<dim).map { _ in gaussian() * scale } }
        var rows: [(String, [Float])] = []
        var tail: [(String, [Float])] = []
        let relations = ["capital", "family", "gram1-plural", "gram2-tense"]
        var members: [[(String, String)]] = []
        for (k, _) in relations.enumerated() {
            let offset = randomVector(0.9)
            var list: [(String, String)] = []
            for i in 0..<10 {
                let a = "r\(k)a\(i)", b = "r\(k)b\(i)"
                let va = randomVector()
                let vb = zip(va, offset).map { $0 + $1 + noise * gaussian() }
                // The last pair of each relation lives in the tail (outside the restriction).
                if i == 9 { tail.append((a, va)); tail.append((b, vb)) } else { rows.append((a, va)); rows.append((b, vb)) }
                list.append((a, b))
            }
            members.append(list)
        }
        for i in 0..<150 { rows.append(("f\(i)", randomVector())) }
        // Shuffle (Fisher-Yates) so that relation words are spread over the rows.
        for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, rng.next(below: i + 1)) }
        // Case variants near their word: some before it, some after (first occurrence wins).
        for (k, list) in members.enumerated() {
            for i in [1, 4] {
                let (w, _) = list[i]
                let target = i == 1 ? list[i].1 : w
                guard let at = rows.firstIndex(where: { $0.0 == target }) else { continue }
                let near = rows[at].1.map { $0 + 0.15 * gaussian() }
                let variant = target.prefix(1).uppercased() + target.dropFirst()
                rows.insert((variant, near), at: (k + i) % 2 == 0 ? at : at + 1)
            }
        }
        restrict = rows.count
        rows += tail
        words = rows.map(\.0)
        vectors = rows.flatMap(\.1)

        // Questions: every ordered pair of pairs within a relation; some words upper-cased.
        var q = ""
        for (k, name) in relations.enumerated() {
            q += ": \(name)\n"
            for (i, (a, b)) in members[k].enumerated() {
                for (j, (c, d)) in members[k].enumerated() where i != j {
                    let c2 = (i + j) % 7 == 0 ? c.uppercased() : c
                    q += "\(a) \(b) \(c2) \(d)\n"
                }
            }
            q += "\(members[k][0].0) \(members[k][0].1) unknownword \(members[k][1].1)\n"
        }
        q += "this is malformed\n"
        questions = q

        // Pairs: related (a_i, b_i) and random pairs, human score = rounded noisy cosine (ties on purpose).
        var p = "# a comment line\nWord 1\tWord 2\tHuman (mean)\n"
        func cosine(_ x: String, _ y: String) -> Float {
            let i = words.firstIndex(of: x)!, j = words.firstIndex(of: y)!
            let a = Array(vectors[i * dim..<(i + 1) * dim]), b = Array(vectors[j * dim..<(j + 1) * dim])
            let ab = zip(a, b).map(*).reduce(0, +), aa = a.map { $0 * $0 }.reduce(0, +), bb = b.map { $0 * $0 }.reduce(0, +)
            return ab / (aa * bb).squareRoot()
        }
        for (k, list) in members.enumerated() {
            for (i, (a, b)) in list.enumerated() {
                let other = members[(k + 1) % members.count][(i + 3) % 10].1
                for (x, y) in [(a, b), (a, other)] {
                    let score = ((5 + 5 * cosine(x, y) + 2 * gaussian()) * 2).rounded() / 2
                    p += "\(x)\t\(y)\t\(String(format: "%.1f", score))\n"
                }
            }
        }
        p += "unknownword\tr0a1\t5.0\n"
        pairs = p
    }

    var embeddings: Embeddings { try! Embeddings(words: words, dim: dim, vectors: vectors) }

    /// The vectors as a `.vec` text file.
    var vecText: String {
        var s = "\(words.count) \(dim)\n"
        for (i, w) in words.enumerated() {
            s += w + " " + vectors[i * dim..<(i + 1) * dim].map { String(format: "%.6f", $0) }.joined(separator: " ") + "\n"
        }
        return s
    }

    /// Writes vectors, questions and pairs into `dir`; returns their paths.
    func write(to dir: String) -> (vec: String, questions: String, pairs: String) {
        let v = dir + "/fixture.vec", q = dir + "/questions.txt", p = dir + "/pairs.tsv"
        _ = FileManager.default.createFile(atPath: v, contents: vecText.data(using: .utf8))
        _ = FileManager.default.createFile(atPath: q, contents: questions.data(using: .utf8))
        _ = FileManager.default.createFile(atPath: p, contents: pairs.data(using: .utf8))
        return (v, q, p)
    }
}
