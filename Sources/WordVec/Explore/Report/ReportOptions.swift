/// What `wordvec report` puts on its page (defaults are the CLI's).
public struct ReportOptions: Sendable {
    public var analogy: [(file: String, set: AnalogyQuestionSet)] = []
    public var similarity: [(file: String, set: WordPairSet)] = []
    /// A display name per vector file (default: the file name).
    public var names: [String] = []
    /// Words whose nearest neighbours are tabled, and how many neighbours.
    public var neighborWords = ["king", "france", "computer", "good", "three", "running"]
    public var neighbors = 8
    /// The words drawn on the 2-D maps, with a group each (colours): countries, capitals,
    /// numbers, family, animals, verbs.
    public var mapWords: [(word: String, group: String)] = ReportOptions.defaultMapWords
    /// The projections drawn for each file.
    public var mapMethods: [ProjectionMethod] = ProjectionMethod.allCases
    /// Analogy vocabulary restriction (as `wordvec analogy`) and similarity restriction.
    public var restrict = 30_000
    public var similarityRestrict = 300_000
    /// Questions shown in the input-exclusion view.
    public var exclusionExamples = 8
    /// Principal directions all-but-the-top removes for the before/after table (nil: dim/100, at least 1).
    public var abtt: Int?
    /// Random pairs for the geometry measures.
    public var geometryPairs = 10_000
    public var bias = true
    public var seed: UInt64 = 1
    public init() {}

    /// The groups of `mapWords`, in order of first appearance (group i gets colour i).
    public var mapGroups: [String] {
        var seen = Set<String>()
        return mapWords.map(\.group).filter { seen.insert($0).inserted }
    }

    public static let defaultMapWords: [(word: String, group: String)] = [
        ("countries", ["france", "germany", "italy", "spain", "china", "japan", "russia", "india"]),
        ("capitals", ["paris", "berlin", "rome", "madrid", "beijing", "tokyo", "moscow", "delhi"]),
        ("numbers", ["one", "two", "three", "four", "five", "six", "seven", "eight"]),
        ("family", ["mother", "father", "son", "daughter", "brother", "sister", "uncle", "aunt"]),
        ("animals", ["dog", "cat", "horse", "cow", "sheep", "pig", "bird", "fish"]),
        ("verbs", ["run", "walk", "swim", "eat", "drink", "sleep", "read", "write"]),
    ].flatMap { group, words in words.map { ($0, group) } }
}
