import CityscoreTemplating

// The context of each page kind that shows data of its own, beyond the shared variables: one type
// per kind, its fields declared once. `PageKind.contextType` names the type of each kind.

/// A dimension of the framework, linked.
struct DimensionLink: TemplateRecord, Sendable {
    var name: String
    var url: String
    var slug: String
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the dimension's name"), .field("url", \.url, "link to its page"),
        .field("slug", \.slug, "its slug"),
    ]
}

/// `index.html`.
struct HomePage: PageContext, Sendable {
    var narrative: Narrative?
    var cities: MadeList<CityCard>
    var dimensionNames: [String]
    var dimensionLinks: [DimensionLink]
    var cityCount: String
    var kpiCount: String
    var valueCount: String
    static let templateFields: [TemplateField<Self>] = [
        .field("narrative", \.narrative, "Content/pages/index.md, when there is one"),
        .field("cities", \.cities, "every city, by slug"),
        .field("dimensionNames", \.dimensionNames, "the framework's dimensions, in order (`{{.}}`)"),
        .field("dimensionLinks", \.dimensionLinks, "the framework's dimensions with links"),
        .field("cityCount", \.cityCount, "the number of cities, formatted"),
        .field("kpiCount", \.kpiCount, "the number of KPIs of the framework, formatted"),
        .field("valueCount", \.valueCount, "the number of reported values, formatted"),
    ]
}

/// `cities/`.
struct CitiesPage: PageContext, Sendable {
    var cities: MadeList<CityCard>
    var dimensionNames: [String]
    static let templateFields: [TemplateField<Self>] = [
        .field("cities", \.cities, "every city, by slug"),
        .field("dimensionNames", \.dimensionNames, "the framework's dimensions, in order (`{{.}}`)"),
    ]
}

/// A free page of `Content/pages/`.
struct FreePage: PageContext, Sendable {
    var narrative: Narrative?
    static let templateFields: [TemplateField<Self>] = [.field("narrative", \.narrative, "the page's Markdown")]
}

/// A sub-dimension with its categories' names.
struct SubdimensionSummary: TemplateRecord, Sendable {
    var name: String
    var categories: String
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the sub-dimension's name"),
        .field("categories", \.categories, "its categories' names, comma-separated"),
    ]
}

/// A dimension in the list of dimensions.
struct DimensionSummary: TemplateRecord, Sendable {
    var name: String
    var url: String
    var kpiCount: String
    var subdimensions: [SubdimensionSummary]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the dimension's name"), .field("url", \.url, "link to its page"),
        .field("kpiCount", \.kpiCount, "its number of KPIs, formatted"),
        .field("subdimensions", \.subdimensions, "its sub-dimensions"),
    ]
}

/// `dimensions/`.
struct DimensionsPage: PageContext, Sendable {
    var dimensions: [DimensionSummary]
    static let templateFields: [TemplateField<Self>] = [
        .field("dimensions", \.dimensions, "the framework's dimensions")
    ]
}

/// A KPI in the list of indicators.
struct KPIEntry: TemplateRecord, Sendable {
    var code: String
    var name: String
    var url: String
    var level: String
    var unit: String
    var reported: String
    static let templateFields: [TemplateField<Self>] = [
        .field("code", \.code, "the KPI's code"), .field("name", \.name, "the KPI's name"),
        .field("url", \.url, "link to its page"), .field("level", \.level, "Core or Advanced"),
        .field("unit", \.unit, "the unit of its values"),
        .field("reported", \.reported, "how many values were reported, formatted"),
    ]
}

/// A category with its KPIs, in the list of indicators.
struct KPICategory: TemplateRecord, Sendable {
    var name: String
    var kpis: [KPIEntry]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "`Sub-dimension: Category`"), .field("kpis", \.kpis, "the category's KPIs"),
    ]
}

/// A dimension with its categories' KPIs, in the list of indicators.
struct KPIDimension: TemplateRecord, Sendable {
    var name: String
    var categories: [KPICategory]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the dimension's name"),
        .field("categories", \.categories, "the dimension's categories"),
    ]
}

/// `indicators/`.
struct IndicatorsPage: PageContext, Sendable {
    var dimensions: [KPIDimension]
    static let templateFields: [TemplateField<Self>] = [
        .field("dimensions", \.dimensions, "the framework's dimensions")
    ]
}

/// A category and how many KPIs it has, in the method.
struct MethodCategory: TemplateRecord, Sendable {
    var name: String
    var count: String
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the category's name"), .field("count", \.count, "its number of KPIs"),
    ]
}

/// A sub-dimension in the method.
struct MethodSubdimension: TemplateRecord, Sendable {
    var name: String
    var categories: [MethodCategory]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the sub-dimension's name"), .field("categories", \.categories, "its categories"),
    ]
}

/// A dimension in the method.
struct MethodDimension: TemplateRecord, Sendable {
    var name: String
    var subdimensions: [MethodSubdimension]
    static let templateFields: [TemplateField<Self>] = [
        .field("name", \.name, "the dimension's name"), .field("subdimensions", \.subdimensions, "its sub-dimensions"),
    ]
}

/// A KPI with the framework's benchmark.
struct Benchmark: TemplateRecord, Sendable {
    var code: String
    var name: String
    var target: String
    var source: String
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .field("code", \.code, "the KPI's code"), .field("name", \.name, "the KPI's name"),
        .field("target", \.target, "the benchmark, formatted"),
        .field("source", \.source, "where the benchmark comes from"), .field("url", \.url, "link to the KPI's page"),
    ]
}

/// `methodology/`.
struct MethodologyPage: PageContext, Sendable {
    var narrative: Narrative?
    var bands: [BandRow]
    var frameworkOrigin: String
    var dimensions: [MethodDimension]
    var benchmarks: [Benchmark]
    var localTargetCount: String
    var targetKinds: [Counted]
    var kpiCount: String
    static let templateFields: [TemplateField<Self>] = [
        .field("narrative", \.narrative, "Content/pages/methodology.md"),
        .field("bands", \.bands, "the rating bands, best first"),
        .field("frameworkOrigin", \.frameworkOrigin, "where the framework comes from"),
        .field("dimensions", \.dimensions, "the framework's structure"),
        .field("benchmarks", \.benchmarks, "the framework's KPIs with a benchmark"),
        .field("localTargetCount", \.localTargetCount, "how many local targets the site sets"),
        .field("targetKinds", \.targetKinds, "how many targets of each kind"),
        .field("kpiCount", \.kpiCount, "the number of KPIs of the framework, formatted"),
    ]
}

/// An entry of `Content/changes/`.
struct ChangeEntryPart: TemplateRecord, Sendable {
    var date: String
    var title: String
    var id: String
    var html: HTML
    var cities: [Link]
    var hasCities: Bool
    static let templateFields: [TemplateField<Self>] = [
        .field("date", \.date, "the entry's date"), .field("title", \.title, "its title"),
        .field("id", \.id, "its HTML id (`change-<date>`)"), .field("html", \.html, "its Markdown as HTML"),
        .field("cities", \.cities, "the cities it names"),
        .field("hasCities", \.hasCities, "whether it names any city"),
    ]
}

/// `changes/`.
struct ChangesPageContext: PageContext, Sendable {
    var entries: [ChangeEntryPart]
    var feedURL: String
    static let templateFields: [TemplateField<Self>] = [
        .field("entries", \.entries, "every entry of Content/changes/, newest first"),
        .field("feedURL", \.feedURL, "link to the Atom feed changes.xml"),
    ]
}
