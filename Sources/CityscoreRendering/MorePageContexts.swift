import CityscoreTemplating

// The contexts of the dimension, round, programme and action pages.

/// Something with a name only.
struct Named: TemplateRecord, Sendable {
    var name: String
    static let templateFields: [TemplateField<Self>] = [.field("name", \.name, "its name")]
}

/// A KPI linked to its page.
struct KPILink: TemplateRecord, Sendable {
    var code: String
    var name: String
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .field("code", \.code, "the KPI's code"), .field("name", \.name, "the KPI's name"),
        .field("url", \.url, "link to its page"),
    ]
}

/// A city's row on a dimension's page.
struct DimensionRankRow: TemplateRecord, Sendable {
    var score: ScoreFields
    var city: String
    var url: String
    var rank: String
    var cells: [ScoreFields]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("city", \.city, "the city's name"),
        .field("url", \.url, "link to the city's page of this dimension"),
        .field("rank", \.rank, "the rank, or – when not comparable"),
        .field("cells", \.cells, "the city's score in each category"),
    ]
}

/// A city and its peers, scored in one dimension.
struct PeerGroup: TemplateRecord, Sendable {
    var city: String
    var members: [NamedScore]
    static let templateFields: [TemplateField<Self>] = [
        .field("city", \.city, "the city whose peers these are"),
        .field("members", \.members, "the city and its peers, scored"),
    ]
}

/// `dimensions/<slug>/`.
struct DimensionPage: PageContext, Sendable {
    var ranked: Bool
    var rankNote: String?
    var dimension: Named
    var categories: [Named]
    var rows: [DimensionRankRow]
    var peerGroups: [PeerGroup]
    var kpis: [KPILink]
    static let templateFields: [TemplateField<Self>] = [
        .field("ranked", \.ranked, "whether the cities' scores are comparable, so ranks are shown"),
        .field("rankNote", \.rankNote, "why there are no ranks"), .field("dimension", \.dimension, "the dimension"),
        .field("categories", \.categories, "its categories"), .field("rows", \.rows, "one row per city"),
        .field("peerGroups", \.peerGroups, "each city with peers, compared"),
        .field("kpis", \.kpis, "the dimension's KPIs"),
    ]
}

/// A round in the list of a city's rounds.
struct RoundEntry: TemplateRecord, Sendable {
    var score: ScoreFields
    var label: String
    var url: String
    var current: Bool
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("label", \.label, "the round (a year)"), .field("url", \.url, "link to its page"),
        .field("current", \.current, "whether it is the round shown"),
    ]
}

/// Something that moved a band between two rounds.
struct BandMovePart: TemplateRecord, Sendable {
    var name: String
    var level: String
    var from: BandFields
    var to: BandFields
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "what moved"), .field("level", \.level, "overall, dimension, category or KPI, in words"),
        .field("from", \.from, "the band before"), .field("to", \.to, "the band after"),
    ]
}

/// A city's evaluation rounds on its page.
struct RoundsPart: TemplateRecord, Sendable {
    var list: [RoundEntry]
    var intro: String
    var up: [BandMovePart]
    var down: [BandMovePart]
    var hasUp: Bool
    var hasDown: Bool
    var upHeading: String
    var downHeading: String
    var noMoves: String
    var hasMoves: Bool
    static let templateFields: [TemplateField<Self>] = [
        .field("list", \.list, "every round, oldest first"),
        .field("intro", \.intro, "one sentence: how many rounds, the latest"),
        .field("up", \.up, "what moved up a band since the previous round"),
        .field("down", \.down, "what moved down a band"), .field("hasUp", \.hasUp, "whether anything moved up"),
        .field("hasDown", \.hasDown, "whether anything moved down"),
        .field("upHeading", \.upHeading, "the heading of what moved up"),
        .field("downHeading", \.downHeading, "the heading of what moved down"),
        .field("noMoves", \.noMoves, "the sentence when nothing moved"),
        .field("hasMoves", \.hasMoves, "whether anything moved"),
    ]
}

/// The city of an earlier round's page.
struct RoundCity: TemplateRecord, Sendable {
    var score: ScoreFields
    var name: String
    var round: String
    var latestURL: String
    var notice: String
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("name", \.name, "the city's name"), .field("round", \.round, "the round shown"),
        .field("latestURL", \.latestURL, "link to the city's page (its latest round)"),
        .field("notice", \.notice, "one line saying this is an earlier round"),
    ]
}

/// A category of an earlier round, with its KPI rows (in place of the score's count of items).
struct RoundCategory: TemplateRecord, Sendable {
    var score: ScoreFields
    var name: String
    var items: [Made<ItemRow>]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score, hiding: ["items"]), .field("name", \.name, "the category's name"),
        .field("items", \.items, "the category's KPI rows"),
    ]
}

/// A dimension of an earlier round.
struct RoundDimension: TemplateRecord, Sendable {
    var score: ScoreFields
    var name: String
    var categories: [RoundCategory]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("name", \.name, "the dimension's name"),
        .field("categories", \.categories, "the dimension's categories, scored"),
    ]
}

/// `cities/<slug>/<round>/`.
struct CityRoundPage: PageContext, Sendable {
    var city: RoundCity
    var rounds: [RoundEntry]
    var dimensionScores: [RoundDimension]
    static let templateFields: [TemplateField<Self>] = [
        .field("city", \.city, "the city in this round, with its overall score"),
        .field("rounds", \.rounds, "every round of the city, oldest first"),
        .field("dimensionScores", \.dimensionScores, "the city's score in each dimension in this round"),
    ]
}

/// How many actions have one status.
struct StatusCount: TemplateRecord, Sendable {
    var status: ActionStatusFields
    var count: String
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.status), .field("count", \.count, "how many actions"),
    ]
}

/// A category weak in several cities.
struct WeakCategory: TemplateRecord, Sendable {
    var name: String
    var dimension: String
    var weakCount: String
    var weak: [Link]
    var acting: [Link]
    var strong: [Link]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the category's name"), .field("dimension", \.dimension, "its dimension"),
        .field("weakCount", \.weakCount, "\"weak in 4 of 9 scored cities\""),
        .field("weak", \.weak, "the cities weak in it"), .field("acting", \.acting, "the weak cities acting on it"),
        .field("strong", \.strong, "the cities strong in it (to learn from)"),
    ]
}

/// A KPI weak in several cities.
struct SharedWeakness: TemplateRecord, Sendable {
    var name: String
    var code: String
    var url: String
    var weakCount: String
    var weak: [Link]
    var acting: [Link]
    var notActing: [Link]
    var strong: [Link]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the KPI's name, with the data point"), .field("code", \.code, "its code"),
        .field("url", \.url, "link to its page"), .field("weakCount", \.weakCount, "\"weak in 4 of 9 scored cities\""),
        .field("weak", \.weak, "the cities weak in it"), .field("acting", \.acting, "the weak cities acting on it"),
        .field("notActing", \.notActing, "the weak cities not acting on it"),
        .field("strong", \.strong, "the cities strong in it"),
    ]
}

/// A KPI few cities report.
struct CoverageGap: TemplateRecord, Sendable {
    var name: String
    var code: String
    var url: String
    var reported: String
    var notReported: String
    var missing: String
    var notApplicable: String
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the KPI's name"), .field("code", \.code, "its code"),
        .field("url", \.url, "link to its page"), .field("reported", \.reported, "cities that reported it"),
        .field("notReported", \.notReported, "cities that did not"),
        .field("missing", \.missing, "cities without a row"),
        .field("notApplicable", \.notApplicable, "cities where it does not apply"),
    ]
}

/// A category or KPI that moved a band in some cities between their last two rounds.
struct MovesPart: TemplateRecord, Sendable {
    var name: String
    var upCount: String
    var downCount: String
    var up: [Link]
    var down: [Link]
    var url: String?
    var code: String?
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the category or KPI"), .field("upCount", \.upCount, "how many cities moved up"),
        .field("downCount", \.downCount, "how many moved down"), .field("up", \.up, "the cities up"),
        .field("down", \.down, "the cities down"), .field("url", \.url, "link to the KPI's page"),
        .field("code", \.code, "the KPI's code"),
    ]
}

/// What moved between the cities' last two rounds.
struct ProgressPart: TemplateRecord, Sendable {
    var lead: String
    var categories: [MovesPart]
    var kpis: [MovesPart]
    static let templateFields: [TemplateField<Self>] = [
        .field("lead", \.lead, "one sentence: how many cities moved up or down overall"),
        .field("categories", \.categories, "categories that moved a band"),
        .field("kpis", \.kpis, "KPIs that moved a band"),
    ]
}

/// `programme/`.
struct ProgrammePage: PageContext, Sendable {
    var lead: String
    var statusCounts: [StatusCount]
    var categories: [WeakCategory]
    var kpis: [SharedWeakness]
    var coverageGaps: [CoverageGap]
    var progress: ProgressPart?
    var cityCount: String
    var programmeJSON: String
    var actionsCSV: String
    static let templateFields: [TemplateField<Self>] = [
        .field("lead", \.lead, "one sentence: how many cities and actions"),
        .field("statusCounts", \.statusCounts, "how many actions have each status"),
        .field("categories", \.categories, "categories weak in several cities"),
        .field("kpis", \.kpis, "the KPIs weak in several cities"),
        .field("coverageGaps", \.coverageGaps, "the KPIs fewest cities report"),
        .field("progress", \.progress, "what moved between the cities' last two rounds"),
        .field("cityCount", \.cityCount, "the number of cities, formatted"),
        .field("programmeJSON", \.programmeJSON, "link to data/programme.json"),
        .field("actionsCSV", \.actionsCSV, "link to data/actions.csv"),
    ]
}

/// A data point whose direction differs from its KPI's.
struct DirectionNote: TemplateRecord, Sendable {
    var name: String
    var direction: String
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the data point"), .field("direction", \.direction, "which way is better"),
    ]
}

/// A KPI of the framework, on its page.
struct KPIDetail: TemplateRecord, Sendable {
    var code: String
    var name: String
    var level: String
    var kind: String
    var unit: String
    var direction: String
    var datapointDirections: [DirectionNote]
    var directionBasis: String
    var sdg: String
    var description: String
    var evidence: String
    var dimension: String
    var subdimension: String
    var category: String
    var datapoints: String
    var dimensionURL: String
    var benchmark: String?
    var benchmarkSource: String?
    static let templateFields: [TemplateField<Self>] = [
        .field("code", \.code, "the KPI's code"), .field("name", \.name, "its name"),
        .field("level", \.level, "Core or Advanced"), .field("kind", \.kind, "Smart, Sustainable or Structural"),
        .field("unit", \.unit, "the unit of its values"),
        .field("direction", \.direction, "which way is better, in words"),
        .field("datapointDirections", \.datapointDirections, "data points whose direction differs from the KPI's"),
        .field("directionBasis", \.directionBasis, "where the direction comes from"),
        .field("sdg", \.sdg, "the SDG target"), .field("description", \.description, "what it measures"),
        .field("evidence", \.evidence, "the framework's evidence note"),
        .field("dimension", \.dimension, "its dimension"), .field("subdimension", \.subdimension, "its sub-dimension"),
        .field("category", \.category, "its category"),
        .field("datapoints", \.datapoints, "its data points, comma-separated"),
        .field("dimensionURL", \.dimensionURL, "link to its dimension's page"),
        .field("benchmark", \.benchmark, "the framework's benchmark, with its unit"),
        .field("benchmarkSource", \.benchmarkSource, "where the benchmark comes from"),
    ]
}

/// An SDG an action serves.
struct SDGNumber: TemplateRecord, Sendable {
    var number: String
    static let templateFields: [TemplateField<Self>] = [.field("number", \.number, "the SDG's number")]
}

/// A link of an action's front matter.
struct Address: TemplateRecord, Sendable {
    var url: String
    static let templateFields: [TemplateField<Self>] = [.field("url", \.url, "the address")]
}

/// An action on its page.
struct ActionDetail: TemplateRecord, Sendable {
    var status: ActionStatusFields
    var title: String
    var city: String
    var cityURL: String
    var start: String?
    var due: String?
    var owner: String?
    var budget: String?
    var sdgs: [SDGNumber]
    var links: [Address]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.status), .field("title", \.title, "the action's title"), .field("city", \.city, "its city's name"),
        .field("cityURL", \.cityURL, "link to its city's page"), .field("start", \.start, "front matter `start`"),
        .field("due", \.due, "front matter `due`"), .field("owner", \.owner, "front matter `owner`"),
        .field("budget", \.budget, "the budget with its currency, formatted"),
        .field("sdgs", \.sdgs, "the SDGs it serves"), .field("links", \.links, "front matter `links`"),
    ]
}
