import Foundation

/// A deterministic generated corpus with planted structure, so tests can check that a method
/// learns what it should:
/// - topics: each topic has its own words, and sentences mostly stay within one topic;
/// - analogies: relations (country:capital, male:female, singular:plural) where both members of
///   pair i share pair-specific context words, and each side has role-specific context words,
///   so b - a + c lands near d (the offset is the role difference);
/// - morphology: plurals are the stem + "s", and rare inflections (stem + "ing") share stems.
/// Words are pronounceable pseudo-words, so nothing depends on English.
public struct SyntheticCorpus {
    public struct Relation {
        public let name: String
        /// (a, b) pairs: a is to b as every other a is to its b.
        public let pairs: [(String, String)]
    }

    public let seed: UInt64
    public let topics: [[String]]
    public let relations: [Relation]
    /// Rare inflections: stem + "ing", seen a few times only.
    public let rareInflections: [String]
    public let fillers: [String]

    private let pairContexts: [[[String]]]   // relation -> pair -> context words
    private let roleContexts: [[[String]]]   // relation -> side (0 a, 1 b) -> context words

    public init(seed: UInt64 = 1, topicCount: Int = 6, wordsPerTopic: Int = 12, pairsPerRelation: Int = 8) {
        self.seed = seed
        var rng = FastRandom(seed: seed)
        var used = Set<String>()
        func fresh(_ syllables: Int) -> String {
            let onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kr", "st", "pl"]
            let vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
            while true {
                var w = ""
                for _ in 0..<syllables { w += onsets[rng.next(below: onsets.count)] + vowels[rng.next(below: vowels.count)] }
                w += ["n", "r", "t", "l", "m"][rng.next(below: 5)]
                if used.insert(w).inserted && used.insert(w + "s").inserted && used.insert(w + "ing").inserted { return w }
            }
        }
        topics = (0..<topicCount).map { _ in (0..<wordsPerTopic).map { _ in fresh(2) } }
        var relations: [Relation] = []
        var pairContexts: [[[String]]] = []
        var roleContexts: [[[String]]] = []
        for name in ["capital", "gender", "plural"] {
            var pairs: [(String, String)] = []
            for _ in 0..<pairsPerRelation {
                if name == "plural" {
                    let stem = fresh(2)
                    pairs.append((stem, stem + "s"))
                } else {
                    pairs.append((fresh(3), fresh(3)))
                }
            }
            relations.append(Relation(name: name, pairs: pairs))
            pairContexts.append(pairs.map { _ in (0..<4).map { _ in fresh(3) } })
            roleContexts.append((0..<2).map { _ in (0..<4).map { _ in fresh(2) } })
        }
        self.relations = relations
        self.pairContexts = pairContexts
        self.roleContexts = roleContexts
        rareInflections = relations[2].pairs.map { $0.0 + "ing" }
        fillers = (0..<10).map { _ in fresh(1) }
    }

    /// Inflections that never occur in the text: stem + "ed" for every plural stem (no generated
    /// word ends in "d", so none of them can be a corpus word). A subword model should place each
    /// near its stem's family (stem, stem + "s", stem + "ing").
    public var unseenInflections: [(stem: String, inflection: String)] {
        relations[2].pairs.map { ($0.0, $0.0 + "ed") }
    }

    /// Writes `sentences` lines of text. The same seed always gives the same bytes.
    public func write(sentences: Int, to path: String) throws {
        try AtomicFile.write(to: path) { file in
            var rng = FastRandom(seed: seed &+ 7)
            for _ in 0..<sentences { try file.write(sentence(&rng).joined(separator: " ") + "\n") }
        }
    }

    /// All sentences as arrays of words (for tests that stay in memory).
    public func sentences(_ n: Int) -> [[String]] {
        var rng = FastRandom(seed: seed &+ 7)
        return (0..<n).map { _ in sentence(&rng) }
    }

    func sentence(_ rng: inout FastRandom) -> [String] {
        var words: [String] = []
        let kind = rng.next(below: 10)
        if kind < 5 {
            // A topic sentence: 8 words of one topic, with a few fillers.
            let topic = topics[rng.next(below: topics.count)]
            for _ in 0..<8 {
                words.append(rng.next(below: 5) == 0 ? fillers[rng.next(below: fillers.count)] : topic[rng.next(below: topic.count)])
            }
        } else {
            // A relation sentence about one side of one pair: the word, its pair's context, its role's context.
            let r = rng.next(below: relations.count)
            let i = rng.next(below: relations[r].pairs.count)
            let side = rng.next(below: 2)
            let pair = relations[r].pairs[i]
            var w = side == 0 ? pair.0 : pair.1
            if r == 2 && side == 0 && rng.next(below: 40) == 0 { w = pair.0 + "ing" }
            let pc = pairContexts[r][i], rc = roleContexts[r][side]
            for k in 0..<7 {
                if k == 3 { words.append(w); continue }
                switch rng.next(below: 7) {
                case 0, 1, 2: words.append(pc[rng.next(below: pc.count)])
                case 3, 4, 5: words.append(rc[rng.next(below: rc.count)])
                default: words.append(fillers[rng.next(below: fillers.count)])
                }
            }
        }
        return words
    }

    /// Analogy questions in the Google format (`: section`, then `a b c d`).
    public func analogyQuestions() -> String {
        var out = ""
        for rel in relations {
            out += ": \(rel.name == "plural" ? "gram-plural" : rel.name)\n"
            for (a, b) in rel.pairs {
                for (c, d) in rel.pairs where c != a { out += "\(a) \(b) \(c) \(d)\n" }
            }
        }
        return out
    }

    /// Word pairs with a human-like score: same topic 8-10, different topics 0-2 (WordSim format).
    public func similarityPairs() -> String {
        var out = "# word1\tword2\tscore\n"
        var rng = FastRandom(seed: seed &+ 11)
        for t in 0..<topics.count {
            for _ in 0..<6 {
                let a = topics[t][rng.next(below: topics[t].count)], b = topics[t][rng.next(below: topics[t].count)]
                if a != b { out += "\(a)\t\(b)\t\(String(format: "%.2f", 8 + 2 * Double(rng.nextFloat())))\n" }
                let u = (t + 1 + rng.next(below: topics.count - 1)) % topics.count
                let c = topics[u][rng.next(below: topics[u].count)]
                out += "\(a)\t\(c)\t\(String(format: "%.2f", 2 * Double(rng.nextFloat())))\n"
            }
        }
        return out
    }
}
