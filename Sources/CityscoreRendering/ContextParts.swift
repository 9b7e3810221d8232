import CityscoreTemplating

// The parts many pages show (a band, a score, a KPI row, a narrative, a city's card, a link), each
// a type whose fields are declared once: their template values and their reference come from here.

/// A rating band: its number, name and CSS class ("not scored" when there is none).
struct BandFields: TemplateRecord, Sendable {
    var bandNumber: String
    var bandName: String
    var bandClass: String

    static let templateFields: [TemplateField<Self>] = [
        .field("bandNumber", \.bandNumber, "the rating band's number (1–4), or – when not scored"),
        .field("bandName", \.bandName, "the band's name"),
        .field("bandClass", \.bandClass, "CSS class `band-<n>` or `band-none`"),
    ]
}

/// The score of a group (the city overall, a dimension, a category), with its counts.
struct ScoreFields: TemplateRecord, Sendable {
    var band: BandFields
    var percent: String
    var scored: String
    var reported: String
    var items: String
    var notReported: String
    var noTarget: String
    var isScored: Bool
    var coverage: String

    static let templateFields: [TemplateField<Self>] = [
        .inline(\.band),
        .field("percent", \.percent, "the score, or \"not scored\""),
        .field("scored", \.scored, "how many items are scored"),
        .field("reported", \.reported, "how many are reported"), .field("items", \.items, "how many there are"),
        .field("notReported", \.notReported, "how many are not reported"),
        .field("noTarget", \.noTarget, "how many have no target"),
        .field("isScored", \.isScored, "whether there is a score"),
        .field("coverage", \.coverage, "one line: reported of items, scored"),
    ]
}

/// A score with a name (a dimension, a category, a sub-dimension).
struct NamedScore: TemplateRecord, Sendable {
    var score: ScoreFields
    var name: String
    static let templateFields: [TemplateField<Self>] = [.inline(\.score), .field("name", \.name, "its name")]
}

/// The trend of a KPI since its earlier value.
struct TrendBadge: TemplateRecord, Sendable {
    var symbol: String
    var text: String
    var `class`: String

    static let templateFields: [TemplateField<Self>] = [
        .field("symbol", \.symbol, "▲, ▶ or ▼"), .field("text", \.text, "the trend in words"),
        .field("class", \.class, "CSS class `trend-<trend>`"),
    ]
}

/// One year's value of a KPI.
struct HistoryEntry: TemplateRecord, Sendable {
    var year: String
    var value: String
    static let templateFields: [TemplateField<Self>] = [
        .field("year", \.year, "the year"), .field("value", \.value, "the value with its unit"),
    ]
}

/// One KPI or data point of one city, with everything needed to trace its rating.
struct ItemRow: TemplateRecord, Sendable {
    var band: BandFields
    var code: String
    var name: String
    var label: String
    var datapoint: String?
    var indicatorURL: String
    var direction: String
    var status: String
    var statusClass: String
    var value: String
    var year: String?
    var otherYear: String?
    var source: String?
    var sourceURL: String?
    var note: String?
    var quality: String?
    var verified: String?
    var noBenchmark: String?
    var target: String?
    var targetOrigin: String
    var targetKind: String?
    var achievement: String?
    var points: String?
    var trend: TrendBadge?
    var history: [HistoryEntry]
    var hasHistory: Bool

    static let templateFields: [TemplateField<Self>] = [
        .inline(\.band),
        .field("code", \.code, "the KPI's code"), .field("name", \.name, "the KPI's name"),
        .field("label", \.label, "the KPI's name, with the data point when there is one"),
        .field("datapoint", \.datapoint, "the data point"),
        .field("indicatorURL", \.indicatorURL, "link to the KPI's page"),
        .field("direction", \.direction, "which way is better, in words"),
        .field("status", \.status, "the item's status, in words"),
        .field("statusClass", \.statusClass, "CSS class `status-<status>`"),
        .field("value", \.value, "the latest value with its unit, as published"),
        .field("year", \.year, "the year of the latest value"),
        .field("otherYear", \.otherYear, "\"(2019)\" when the value is older than the city's latest"),
        .field("source", \.source, "the value's source"),
        .field("sourceURL", \.sourceURL, "a link to the source (`x-source-url`)"),
        .field("note", \.note, "the value's note"),
        .field("quality", \.quality, "the data quality, in words"),
        .field("verified", \.verified, "whether the value is verified, in words"),
        .field("noBenchmark", \.noBenchmark, "why there is no benchmark"),
        .field("target", \.target, "the target with its unit"),
        .field("targetOrigin", \.targetOrigin, "where the target comes from"),
        .field("targetKind", \.targetKind, "the target's kind (`local`, `national`, …)"),
        .field("achievement", \.achievement, "how far the target is reached"),
        .field("points", \.points, "the points of the band"),
        .field("trend", \.trend, "the trend since the earlier value"),
        .field("history", \.history, "every year's value"),
        .field("hasHistory", \.hasHistory, "whether there is more than one year"),
    ]
}

/// A heading of a narrative's contents.
struct TocHeading: TemplateRecord, Sendable {
    var text: String
    var id: String
    static let templateFields: [TemplateField<Self>] = [
        .field("text", \.text, "the heading's text"), .field("id", \.id, "the heading's id"),
    ]
}

/// A Markdown file of the site, rendered, with its contents.
struct Narrative: TemplateRecord, Sendable {
    var html: HTML
    var toc: [TocHeading]
    var hasToc: Bool
    static let templateFields: [TemplateField<Self>] = [
        .field(
            "html", \.html,
            "the Markdown as HTML (a narrative not translated into the page's language comes in the default one, marked with its `lang` and preceded by a note saying so)"
        ),
        .field("toc", \.toc, "the level-2 headings"),
        .field("hasToc", \.hasToc, "whether there are three or more level-2 headings"),
    ]
}

/// A link with the name of what it leads to.
struct Link: TemplateRecord, Sendable {
    var name: String
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "its name"), .field("url", \.url, "link to its page"),
    ]
}

/// A scored part with its name and a link to it (a city's dimension).
struct ScoredLink: TemplateRecord, Sendable {
    var score: ScoreFields
    var name: String
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("name", \.name, "its name"), .field("url", \.url, "link to its page"),
    ]
}

/// A city with its scores, as every list of cities shows it.
struct CityCard: TemplateRecord, Sendable {
    var slug: String
    var name: String
    var url: String
    var overall: ScoreFields
    var dimensions: [ScoredLink]
    var country: String?
    var region: String?
    var population: String?
    var year: String?
    var years: String?

    static let templateFields: [TemplateField<Self>] = [
        .field("slug", \.slug, "the city's slug"), .field("name", \.name, "the city's name"),
        .field("url", \.url, "link to the city's page"), .field("overall", \.overall, "the city's overall score"),
        .field("dimensions", \.dimensions, "the city's score in each dimension, linked to its page of it"),
        .field("country", \.country, "front matter `country`"), .field("region", \.region, "front matter `region`"),
        .field("population", \.population, "front matter `population`, formatted"),
        .field("year", \.year, "the latest year of the city's values"),
        .field("years", \.years, "\"values from 2019–2021\""),
    ]
}

/// Something counted, in words.
struct Counted: TemplateRecord, Sendable {
    var label: String
    var count: String
    static let templateFields: [TemplateField<Self>] = [
        .field("label", \.label, "what is counted"), .field("count", \.count, "how many"),
    ]
}

/// How many values a city reported, scored, verified.
struct CoverageFields: TemplateRecord, Sendable {
    var items: String
    var reported: String
    var scored: String
    var notReported: String
    var noTarget: String
    var verified: String
    var missing: String
    var notApplicable: String
    var hasNotApplicable: Bool
    var quality: [Counted]

    static let templateFields: [TemplateField<Self>] = [
        .field("items", \.items, "items (KPIs and data points)"), .field("reported", \.reported, "reported"),
        .field("scored", \.scored, "scored"), .field("notReported", \.notReported, "not reported"),
        .field("noTarget", \.noTarget, "without a target"), .field("verified", \.verified, "verified"),
        .field("missing", \.missing, "missing"), .field("notApplicable", \.notApplicable, "not applicable"),
        .field("hasNotApplicable", \.hasNotApplicable, "whether any is not applicable"),
        .field("quality", \.quality, "how many values of each data quality"),
    ]
}

/// A rating band in the method's table.
struct BandRow: TemplateRecord, Sendable {
    var band: BandFields
    var points: String
    var from: String
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.band), .field("points", \.points, "the band's points"),
        .field("from", \.from, "the achievement where the band starts"),
    ]
}
