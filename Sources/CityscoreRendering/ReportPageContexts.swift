import CityscoreTemplating

// The contexts of the printed reports.

/// `report`: the report's paper and stylesheets, linked relative to the page.
struct ReportInfo: TemplateRecord, Sendable {
    var paper: String
    var pageCSS: String
    var css: String
    var siteCSS: String
    var chartsCSS: String
    var pdf: String?
    static let templateFields: [TemplateField<Self>] = [
        .field("paper", \.paper, "`A4` or `letter` (`report_paper` of site.yml)"),
        .field("pageCSS", \.pageCSS, "the `@page` rules: paper, running header, page numbers"),
        .field("css", \.css, "link to theme/report.css, relative to the page"),
        .field("siteCSS", \.siteCSS, "link to theme/site.css, relative to the page"),
        .field("chartsCSS", \.chartsCSS, "link to theme/charts.css, relative to the page"),
        .field("pdf", \.pdf, "link to the report's PDF (`report_pdf: true`)"),
    ]
}

/// A report's cover page.
struct Cover: TemplateRecord, Sendable {
    var kicker: String
    var title: String
    var subtitle: String
    var years: String?
    static let templateFields: [TemplateField<Self>] = [
        .field("kicker", \.kicker, "the line above the title"), .field("title", \.title, "the report's title"),
        .field("subtitle", \.subtitle, "the line below it"), .field("years", \.years, "\"values from 2019–2021\""),
    ]
}

/// An entry of a report's contents.
struct TocEntry: TemplateRecord, Sendable {
    var id: String
    var text: String
    static let templateFields: [TemplateField<Self>] = [
        .field("id", \.id, "the section's HTML id"), .field("text", \.text, "its heading"),
    ]
}

/// A reported KPI row of a city report's dimension section.
struct ReportRow: TemplateRecord, Sendable {
    var item: Made<ItemRow>
    var category: String?
    var first: Bool
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.item), .field("category", \.category, "the category, on its first row"),
        .field("first", \.first, "whether the row is its category's first"),
    ]
}

/// A dimension's section of a city report.
struct ReportDimension: TemplateRecord, Sendable {
    var score: ScoreFields
    var id: String
    var name: String
    var chart: ChartPart
    var rows: [ReportRow]
    var hasRows: Bool
    var subdimensions: [NamedScore]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("id", \.id, "the section's HTML id (`dimension-<slug>`)"),
        .field("name", \.name, "the dimension's name"), .field("chart", \.chart, "the dimension's category bars"),
        .field("rows", \.rows, "the reported KPI rows"), .field("hasRows", \.hasRows, "whether there are rows"),
        .field("subdimensions", \.subdimensions, "the dimension's sub-dimensions, scored"),
    ]
}

/// A KPI not reported, with where it belongs.
struct PlacedRow: TemplateRecord, Sendable {
    var item: Made<ItemRow>
    var dimension: String
    var category: String
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.item), .field("dimension", \.dimension, "the KPI's dimension"),
        .field("category", \.category, "its category"),
    ]
}

/// One of a city's weakest categories, with its KPIs furthest from target.
struct ActNext: TemplateRecord, Sendable {
    var score: ScoreFields
    var name: String
    var dimension: String
    var kpis: [Made<ItemRow>]
    static let templateFields: [TemplateField<Self>] = [
        .inline(\.score), .field("name", \.name, "the category's name"),
        .field("dimension", \.dimension, "`Dimension · Sub-dimension`"),
        .field("kpis", \.kpis, "its three KPIs furthest from target"),
    ]
}

/// A source of reported values.
struct SourceEntry: TemplateRecord, Sendable {
    var text: String
    var count: String
    var url: String?
    static let templateFields: [TemplateField<Self>] = [
        .field("text", \.text, "the source"), .field("count", \.count, "how many values it gave"),
        .field("url", \.url, "its address (`x-source-url`)"),
    ]
}

/// `cities/<slug>/report/`.
struct CityReportPage: PageContext, Sendable {
    var report: ReportInfo
    var cover: Cover
    var city: Made<CityCard>
    var narrative: Narrative?
    var dimensionScores: [DimensionScoreRow]
    var coverage: CoverageFields
    var wheel: ChartPart
    var toc: [TocEntry]
    var dimensions: [ReportDimension]
    var notReported: [PlacedRow]
    var noBenchmark: [Made<ItemRow>]
    var actNext: [ActNext]
    var sources: [SourceEntry]
    var bands: [BandRow]
    var frameworkOrigin: String
    static let templateFields: [TemplateField<Self>] = [
        .field("report", \.report, "the report's paper and stylesheets"), .field("cover", \.cover, "the cover page"),
        .field("city", \.city, "the city"), .field("narrative", \.narrative, "the city's narrative"),
        .field("dimensionScores", \.dimensionScores, "the city's score in each dimension"),
        .field("coverage", \.coverage, "how many values the city reported, scored, verified"),
        .field("wheel", \.wheel, "the city's benchmarking wheel"), .field("toc", \.toc, "the report's contents"),
        .field("dimensions", \.dimensions, "one section per dimension"),
        .field("notReported", \.notReported, "the KPIs not reported or missing"),
        .field("noBenchmark", \.noBenchmark, "the reported KPIs without a target"),
        .field("actNext", \.actNext, "the city's five weakest categories"),
        .field("sources", \.sources, "the sources of the reported values, most used first"),
        .field("bands", \.bands, "the rating bands, best first"),
        .field("frameworkOrigin", \.frameworkOrigin, "where the framework comes from"),
    ]
}

/// A city's score in one dimension, in a table of cities.
struct CityScoreRow: TemplateRecord, Sendable {
    var score: ScoreFields
    var city: String
    static let templateFields: [TemplateField<Self>] = [.inline(\.score), .field("city", \.city, "the city's name")]
}

/// A dimension's section of the programme report.
struct ReportHeatDimension: TemplateRecord, Sendable {
    var id: String
    var name: String
    var chart: ChartPart
    var rows: [CityScoreRow]
    static let templateFields: [TemplateField<Self>] = [
        .field("id", \.id, "the section's HTML id (`dimension-<slug>`)"),
        .field("name", \.name, "the dimension's name"),
        .field("chart", \.chart, "every city × category heat map"),
        .field("rows", \.rows, "every city's score in the dimension"),
    ]
}

/// A city's coverage in the programme report.
struct CoverageRow: TemplateRecord, Sendable {
    var city: String
    var coverage: CoverageFields
    static let templateFields: [TemplateField<Self>] = [
        .field("city", \.city, "the city's name"), .inline(\.coverage),
    ]
}

/// `report/`.
struct ProgrammeReportPage: PageContext, Sendable {
    var report: ReportInfo
    var cover: Cover
    var overview: ChartPart
    var dimensionNames: [String]
    var cities: MadeList<CityCard>
    var dimensions: [ReportHeatDimension]
    var coverageRows: [CoverageRow]
    var toc: [TocEntry]
    var bands: [BandRow]
    var frameworkOrigin: String
    var kpiCount: String
    static let templateFields: [TemplateField<Self>] = [
        .field("report", \.report, "the report's paper and stylesheets"), .field("cover", \.cover, "the cover page"),
        .field("overview", \.overview, "every city's overall and dimension scores as a heat map"),
        .field("dimensionNames", \.dimensionNames, "the framework's dimensions, in order (`{{.}}`)"),
        .field("cities", \.cities, "every city, by slug"),
        .field("dimensions", \.dimensions, "one section per dimension"),
        .field("coverageRows", \.coverageRows, "every city's coverage"), .field("toc", \.toc, "the report's contents"),
        .field("bands", \.bands, "the rating bands, best first"),
        .field("frameworkOrigin", \.frameworkOrigin, "where the framework comes from"),
        .field("kpiCount", \.kpiCount, "the number of KPIs of the framework, formatted"),
    ]
}
