/// The default word lists of `wordvec bias` and `convert --debias`, from the papers they come
/// from (each overridable by a file, see `BiasWordLists.load`).
public enum BiasWordLists {
    /// Bolukbasi et al. 2016, §5 (Figure 7 and the definitional pairs of the released code):
    /// ten female–male pairs whose differences define the gender direction. Female word first.
    public static let definitionalPairs: [(String, String)] = [
        ("woman", "man"), ("girl", "boy"), ("she", "he"), ("mother", "father"), ("daughter", "son"),
        ("gal", "guy"), ("female", "male"), ("her", "his"), ("herself", "himself"), ("Mary", "John"),
    ]

    /// Bolukbasi et al. 2016: the pairs that hard debiasing equalizes (the paper's equalize
    /// list, male word first). Multi-word entries such as `Catholic_priest` only match files
    /// that joined phrases.
    public static let equalizePairs: [(String, String)] = [
        ("monastery", "convent"), ("spokesman", "spokeswoman"), ("Catholic_priest", "nun"), ("Dad", "Mom"),
        ("Men", "Women"), ("councilman", "councilwoman"), ("grandpa", "grandma"), ("grandsons", "granddaughters"),
        ("prostate_cancer", "ovarian_cancer"), ("testosterone", "estrogen"), ("uncle", "aunt"), ("wives", "husbands"),
        ("Father", "Mother"), ("Grandpa", "Grandma"), ("He", "She"), ("boy", "girl"), ("boys", "girls"),
        ("brother", "sister"), ("brothers", "sisters"), ("businessman", "businesswoman"), ("chairman", "chairwoman"),
        ("colt", "filly"), ("congressman", "congresswoman"), ("dad", "mom"), ("dads", "moms"), ("dudes", "gals"),
        ("ex_girlfriend", "ex_boyfriend"), ("father", "mother"), ("fatherhood", "motherhood"), ("fathers", "mothers"),
        ("fella", "granny"), ("fraternity", "sorority"), ("gelding", "mare"), ("gentleman", "lady"),
        ("gentlemen", "ladies"), ("grandfather", "grandmother"), ("grandson", "granddaughter"), ("he", "she"),
        ("himself", "herself"), ("his", "her"), ("king", "queen"), ("kings", "queens"), ("male", "female"),
        ("males", "females"), ("man", "woman"), ("men", "women"), ("nephew", "niece"), ("prince", "princess"),
        ("schoolboy", "schoolgirl"), ("son", "daughter"), ("sons", "daughters"), ("twin_brother", "twin_sister"),
    ]

    /// Words that keep their gender component under hard debiasing, besides the definitional
    /// and equalize words: a part of the paper's gender-specific seed list (Bolukbasi et al.
    /// 2016, §5 and Appendix C), the single words of it.
    public static let genderSpecific: [String] = [
        "actress", "actresses", "aunt", "aunts", "bachelor", "ballerina", "bride", "brides", "brotherhood",
        "daddy", "diva", "fiance", "fiancee", "girlfriend", "girlfriends", "goddess", "godfather", "heiress",
        "heroine", "hers", "him", "hostess", "housewife", "housewives", "husband", "husbands", "lad", "lads",
        "lady", "maid", "maiden", "mama", "maternal", "maternity", "mistress", "mommy", "monk", "monks", "nun",
        "nuns", "paternity", "queen", "salesman", "salesmen", "sir", "sisters", "stepfather", "stepmother",
        "uncles", "waitress", "widow", "widower", "widows", "wife", "witch", "womb", "women",
    ]

    /// Occupations projected on the gender direction: the 10 most "she" and 10 most "he"
    /// occupations of Bolukbasi et al. 2016, Figure 1, then 20 common ones.
    public static let occupations: [String] = [
        "homemaker", "nurse", "receptionist", "librarian", "socialite", "hairdresser", "nanny", "bookkeeper",
        "stylist", "housekeeper", "maestro", "skipper", "protege", "philosopher", "captain", "architect",
        "financier", "warrior", "broadcaster", "magician",
        "doctor", "lawyer", "engineer", "teacher", "scientist", "programmer", "secretary", "manager",
        "professor", "surgeon", "dancer", "singer", "soldier", "pilot", "farmer", "cook", "writer",
        "painter", "banker", "president",
    ]

    /// A WEAT test: targets X, Y and attributes A, B (Caliskan, Bryson & Narayanan 2017).
    public struct WEATSets: Sendable {
        public var name: String
        public var x: [String], y: [String], a: [String], b: [String]
        public init(name: String, x: [String], y: [String], a: [String], b: [String]) {
            self.name = name; self.x = x; self.y = y; self.a = a; self.b = b
        }
    }

    /// The paper's WEAT 1 (flowers/insects × pleasant/unpleasant), 6 (male/female names ×
    /// career/family), 7 (math/arts × male/female terms) and 8 (science/arts × male/female
    /// terms), word for word (Caliskan et al. 2017, Supplementary Materials).
    public static let weat: [WEATSets] = [
        WEATSets(name: "WEAT 1: flowers vs insects, pleasant vs unpleasant",
                 x: ["aster", "clover", "hyacinth", "marigold", "poppy", "azalea", "crocus", "iris", "orchid", "rose",
                     "bluebell", "daffodil", "lilac", "pansy", "tulip", "buttercup", "daisy", "lily", "peony", "violet",
                     "carnation", "gladiola", "magnolia", "petunia", "zinnia"],
                 y: ["ant", "caterpillar", "flea", "locust", "spider", "bedbug", "centipede", "fly", "maggot", "tarantula",
                     "bee", "cockroach", "gnat", "mosquito", "termite", "beetle", "cricket", "hornet", "moth", "wasp",
                     "blackfly", "dragonfly", "horsefly", "roach", "weevil"],
                 a: pleasant, b: unpleasant),
        WEATSets(name: "WEAT 6: male vs female names, career vs family",
                 x: ["John", "Paul", "Mike", "Kevin", "Steve", "Greg", "Jeff", "Bill"],
                 y: ["Amy", "Joan", "Lisa", "Sarah", "Diana", "Kate", "Ann", "Donna"],
                 a: ["executive", "management", "professional", "corporation", "salary", "office", "business", "career"],
                 b: ["home", "parents", "children", "family", "cousins", "marriage", "wedding", "relatives"]),
        WEATSets(name: "WEAT 7: math vs arts, male vs female terms",
                 x: ["math", "algebra", "geometry", "calculus", "equations", "computation", "numbers", "addition"],
                 y: ["poetry", "art", "dance", "literature", "novel", "symphony", "drama", "sculpture"],
                 a: ["male", "man", "boy", "brother", "he", "him", "his", "son"],
                 b: ["female", "woman", "girl", "sister", "she", "her", "hers", "daughter"]),
        WEATSets(name: "WEAT 8: science vs arts, male vs female terms",
                 x: ["science", "technology", "physics", "chemistry", "Einstein", "NASA", "experiment", "astronomy"],
                 y: ["poetry", "art", "Shakespeare", "dance", "literature", "novel", "symphony", "drama"],
                 a: ["brother", "father", "uncle", "grandfather", "son", "he", "his", "him"],
                 b: ["sister", "mother", "aunt", "grandmother", "daughter", "she", "hers", "her"]),
    ]

    static let pleasant = ["caress", "freedom", "health", "love", "peace", "cheer", "friend", "heaven", "loyal",
                           "pleasure", "diamond", "gentle", "honest", "lucky", "rainbow", "diploma", "gift", "honor",
                           "miracle", "sunrise", "family", "happy", "laughter", "paradise", "vacation"]
    static let unpleasant = ["abuse", "crash", "filth", "murder", "sickness", "accident", "death", "grief", "poison",
                             "stink", "assault", "disaster", "hatred", "pollute", "tragedy", "divorce", "jail", "poverty",
                             "ugly", "cancer", "kill", "rotten", "vomit", "agony", "prison"]
}
