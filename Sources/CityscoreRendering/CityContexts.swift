import CityscoreTemplating

// The contexts of a city's pages and of the rows that show its KPIs with their actions.

/// An action's status in words, and its CSS class.
struct ActionStatusFields: TemplateRecord, Sendable {
    var status: String
    var statusClass: String
    static let templateFields: [TemplateField<Self>] = [
        .field("status", \.status, "the action's status, in words"),
        .field("statusClass", \.statusClass, "CSS class `action-<status>`"),
    ]
}

/// An action as a line in a list.
struct ActionLine: TemplateRecord, Sendable {
    var status: ActionStatusFields
    var title: String
    var url: String
    var due: String?
    var city: String?
    var cityURL: String?
    var kpis: [Link]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.status), .field("title", \.title, "the action's title"), .field("url", \.url, "link to its page"),
        .field("due", \.due, "\"due 2026-12-31\""), .field("city", \.city, "its city's name"),
        .field("cityURL", \.cityURL, "link to its city"), .field("kpis", \.kpis, "the KPIs it targets"),
    ]
}

/// A KPI row with the city's actions on it.
struct ActedRow: TemplateRecord, Sendable {
    var item: Made<ItemRow>
    var rowActions: [ActionLine]
    var noAction: Bool
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.item), .field("rowActions", \.rowActions, "the city's actions on this KPI"),
        .field("noAction", \.noAction, "a weak KPI (band 1 or 2) no action targets, on a site with actions"),
    ]
}

/// A city's score in one dimension, with its categories.
struct DimensionScoreRow: TemplateRecord, Sendable {
    var score: ScoreFields
    var name: String
    var url: String
    var categories: [NamedScore]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("name", \.name, "the dimension's name"),
        .field("url", \.url, "link to the city's page of this dimension"),
        .field("categories", \.categories, "the dimension's categories, scored"),
    ]
}

/// A weak KPI that no action targets.
struct UnattendedKPI: TemplateRecord, Sendable {
    var band: BandFields
    var label: String
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.band), .field("label", \.label, "the KPI's name, with the data point when there is one"),
        .field("url", \.url, "link to the KPI's page"),
    ]
}

/// The latest entry of `Content/changes/` naming a city.
struct LatestChange: TemplateRecord, Sendable {
    var date: String
    var title: String
    var text: String
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .field("date", \.date, "the entry's date"), .field("title", \.title, "its title"),
        .field("text", \.text, "\"updated 2026-11-30: …\""),
        .field("url", \.url, "link to the entry on the changes page"),
    ]
}

/// `cities/<slug>/`.
struct CityPage: PageContext, Sendable {
    var city: Made<CityCard>
    var narrative: Narrative?
    var dimensionScores: [DimensionScoreRow]
    var strongest: [Made<ItemRow>]
    var weakest: [ActedRow]
    var hasScored: Bool
    var coverage: CoverageFields
    var json: String
    var peers: [Link]
    var params: Parameters
    var latestChange: LatestChange?
    var actionList: [ActionLine]
    var hasActions: Bool
    var siteHasActions: Bool
    var weakWithoutAction: [UnattendedKPI]
    var rounds: RoundsPart?
    static let templateFields: [TemplateField<Self>] = [
        .field("city", \.city, "the city"), .field("narrative", \.narrative, "the city's narrative"),
        .field("dimensionScores", \.dimensionScores, "the city's score in each dimension"),
        .field("strongest", \.strongest, "the five best-rated KPIs"),
        .field("weakest", \.weakest, "the five worst-rated KPIs, with their actions"),
        .field("hasScored", \.hasScored, "whether any KPI of the city is scored"),
        .field("coverage", \.coverage, "how many values the city reported, scored, verified"),
        .field("json", \.json, "link to the city's JSON file"), .field("peers", \.peers, "the city's peer cities"),
        .field("params", \.params, "other front matter keys of the city's file, as text"),
        .field("latestChange", \.latestChange, "the latest entry of Content/changes/ naming the city"),
        .field("actionList", \.actionList, "the city's actions"),
        .field("hasActions", \.hasActions, "whether the city has actions"),
        .field("siteHasActions", \.siteHasActions, "whether the site has any action"),
        .field(
            "weakWithoutAction", \.weakWithoutAction,
            "weak KPIs (band 1 or 2) no action targets (empty on a site without actions)"),
        .field("rounds", \.rounds, "the city's evaluation rounds, when it has more than one"),
    ]
}

/// A dimension of a city's dimension page.
struct CityDimensionInfo: TemplateRecord, Sendable {
    var name: String
    var score: ScoreFields
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the dimension's name"), .field("score", \.score, "the city's score"),
        .field("url", \.url, "link to the dimension's page"),
    ]
}

/// A KPI row of a city's dimension page, with its small charts.
struct ChartedRow: TemplateRecord, Sendable {
    var row: ActedRow
    var bullet: HTML?
    var sparkline: HTML?
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.row), .field("bullet", \.bullet, "inline SVG bullet chart"),
        .field("sparkline", \.sparkline, "inline SVG trend line"),
    ]
}

/// A category of a city's dimension page.
struct CategoryRows: TemplateRecord, Sendable {
    var name: String
    var id: String
    var score: ScoreFields
    var items: [ChartedRow]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the category's name"),
        .field("id", \.id, "an HTML id for the category (`cat-<sub>-<category>`)"),
        .field("score", \.score, "the city's score in it"),
        .field("items", \.items, "every KPI and data point of the category"),
    ]
}

/// A sub-dimension of a city's dimension page.
struct SubdimensionRows: TemplateRecord, Sendable {
    var name: String
    var score: ScoreFields
    var categories: [CategoryRows]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the sub-dimension's name"), .field("score", \.score, "the city's score in it"),
        .field("categories", \.categories, "the sub-dimension's categories"),
    ]
}

/// `cities/<slug>/<dimension>/`.
struct CityDimensionPage: PageContext, Sendable {
    var city: Made<CityCard>
    var dimension: CityDimensionInfo
    var narrative: Narrative?
    var subdimensions: [SubdimensionRows]
    var otherDimensions: [Link]
    static let templateFields: [TemplateField<Self>] = [
        .field("city", \.city, "the city"), .field("dimension", \.dimension, "the dimension"),
        .field("narrative", \.narrative, "Content/cities/<city>/<dimension>.md"),
        .field("subdimensions", \.subdimensions, "the dimension's sub-dimensions, with every KPI row"),
        .field("otherDimensions", \.otherDimensions, "the city's other dimension pages"),
    ]
}

/// A row of an indicator's page: one city's KPI or data point.
struct IndicatorRow: TemplateRecord, Sendable {
    var row: ActedRow
    var city: String
    var cityURL: String
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.row), .field("city", \.city, "the city's name"),
        .field("cityURL", \.cityURL, "link to the city's page of the KPI's dimension"),
    ]
}

/// `indicators/<code>/`.
struct IndicatorPage: PageContext, Sendable {
    var kpi: KPIDetail
    var actionList: [ActionLine]
    var showCity: Bool
    var hasKPIActions: Bool
    var siteHasActions: Bool
    var rows: [IndicatorRow]
    static let templateFields: [TemplateField<Self>] = [
        .field("kpi", \.kpi, "the KPI"),
        .field("actionList", \.actionList, "every city's actions on the KPI"),
        .field("showCity", \.showCity, "always true: action lines name their city"),
        .field("hasKPIActions", \.hasKPIActions, "whether any action targets the KPI"),
        .field("siteHasActions", \.siteHasActions, "whether the site has any action"),
        .field("rows", \.rows, "one row per city and data point"),
    ]
}

/// `actions/<slug>/`.
struct ActionPage: PageContext, Sendable {
    var action: ActionDetail
    var narrative: Narrative?
    var items: [ActedRow]
    static let templateFields: [TemplateField<Self>] = [
        .field("action", \.action, "the action"),
        .field("narrative", \.narrative, "the action's Markdown"),
        .field("items", \.items, "the city's rows of the KPIs the action targets"),
    ]
}
