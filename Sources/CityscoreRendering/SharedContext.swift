import CityscoreRouting
import CityscoreTemplating

// What every page receives: the site, its words and files (made once per language), the page's
// navigation and title (made per page), its charts and languages.

/// `site`: the site's title, description and language.
struct SiteInfo: TemplateRecord, Sendable {
    var title: String
    var description: String
    var language: String
    var homeURL: String
    var params: Parameters
    static let templateFields: [TemplateField<Self>] = [
        .field("title", \.title, "`title` of site.yml"),
        .field("description", \.description, "`description` of site.yml"),
        .field("language", \.language, "the page's language (BCP 47), for `<html lang>`"),
        .field("homeURL", \.homeURL, "link to the home page"),
        .field("params", \.params, "other keys of site.yml, as text"),
    ]
}

/// `assets`: links to the site's files.
struct Assets: TemplateRecord, Sendable {
    var css: String
    var chartsCSS: String
    var favicon: String
    var resultsCSV: String
    var frameworkCSV: String
    static let templateFields: [TemplateField<Self>] = [
        .field("css", \.css, "link to theme/site.css"), .field("chartsCSS", \.chartsCSS, "link to theme/charts.css"),
        .field("favicon", \.favicon, "link to theme/favicon.svg"),
        .field("resultsCSV", \.resultsCSV, "link to data/results.csv"),
        .field("frameworkCSV", \.frameworkCSV, "link to data/framework.csv"),
    ]
}

/// The parts of every page that are the same on all of them, made once per language.
struct SiteShared: TemplateRecord, Sendable {
    var site: SiteInfo
    var t: Parameters
    var assets: Assets
    static let templateFields: [TemplateField<Self>] = [
        .field("site", \.site, "the site"),
        .field("t", \.t, "the interface words of strings/<language>.yml, by key (`{{t.nav_home}}`)"),
        .field("assets", \.assets, "links to the site's files"),
    ]
}

/// An entry of the main navigation.
struct NavEntry: TemplateRecord, Sendable {
    var title: String
    var url: String
    var current: Bool
    static let templateFields: [TemplateField<Self>] = [
        .field("title", \.title, "the entry's words"), .field("url", \.url, "its link"),
        .field("current", \.current, "whether this page is in its section"),
    ]
}

/// A step of the breadcrumbs.
struct Crumb: TemplateRecord, Sendable {
    var title: String
    var url: String?
    static let templateFields: [TemplateField<Self>] = [
        .field("title", \.title, "the step's words"), .field("url", \.url, "its link (none on the last step)"),
    ]
}

/// `page`: the page's title, description and addresses.
struct PageInfo: TemplateRecord, Sendable {
    var title: String
    var fullTitle: String
    var description: String
    var canonical: String
    var url: String
    static let templateFields: [TemplateField<Self>] = [
        .field("title", \.title, "the page's title"),
        .field("fullTitle", \.fullTitle, "the title and the site's, for <title>"),
        .field("description", \.description, "the page's description (the site's when it has none)"),
        .field("canonical", \.canonical, "the page's absolute URL"), .field("url", \.url, "link to the page"),
    ]
}

/// The parts of every page made for the page: navigation, breadcrumbs, title.
struct PageBase: TemplateRecord, Sendable {
    var nav: [NavEntry]
    var breadcrumbs: [Crumb]
    var hasBreadcrumbs: Bool
    var page: PageInfo
    static let templateFields: [TemplateField<Self>] = [
        .field("nav", \.nav, "the main navigation"),
        .field("breadcrumbs", \.breadcrumbs, "the way from the home page to this one (empty on the home page)"),
        .field("hasBreadcrumbs", \.hasBreadcrumbs, "whether there are breadcrumbs"),
        .field("page", \.page, "the page"),
    ]
}

/// A column of a chart's data table.
struct ChartHeader: TemplateRecord, Sendable {
    var text: String
    var numeric: Bool
    static let templateFields: [TemplateField<Self>] = [
        .field("text", \.text, "the column's heading"),
        .field("numeric", \.numeric, "whether the column holds numbers"),
    ]
}

/// A chart with its words and its data as a table.
struct ChartPart: TemplateRecord, Sendable {
    var id: String
    var title: String
    var description: String
    var svg: HTML
    var caption: String
    var headers: [ChartHeader]
    var tableRows: HTML
    var download: String?
    static let templateFields: [TemplateField<Self>] = [
        .field("id", \.id, "the chart's HTML id"), .field("title", \.title, "its title"),
        .field("description", \.description, "one sentence saying what it shows"),
        .field("svg", \.svg, "the chart as inline SVG"), .field("caption", \.caption, "the caption of its data table"),
        .field("headers", \.headers, "the data table's columns"),
        .field("tableRows", \.tableRows, "the data table's rows, as HTML"),
        .field("download", \.download, "link to the standalone .svg"),
    ]
}

extension ChartFigure {
    /// The chart as a template part. The data table comes as ready HTML (`tableRows`), like the SVG:
    /// it is generated data, and a large one (a wheel lists every KPI) renders far faster in Swift.
    var part: ChartPart {
        ChartPart(
            id: id, title: title, description: description, svg: HTML(svg), caption: caption,
            headers: headers.enumerated().map { ChartHeader(text: $0.element, numeric: numeric.contains($0.offset)) },
            tableRows: HTML(tableRows), download: downloadURL)
    }

    /// The figure under a heading of its own.
    var headed: HeadedCharts { HeadedCharts(heading: heading ?? title, folded: folded, charts: [part]) }
}

/// Charts shown under a heading of their own.
struct HeadedCharts: TemplateRecord, Sendable {
    var heading: String
    var folded: Bool
    var charts: [ChartPart]
    static let templateFields: [TemplateField<Self>] = [
        .field("heading", \.heading, "the heading the charts are shown under"),
        .field("folded", \.folded, "whether they start folded (an earlier round's heat map)"),
        .field("charts", \.charts, "the charts under that heading"),
    ]
}

/// A language of the site, for the switcher and `hreflang`.
struct LanguageEntry: TemplateRecord, Sendable {
    var code: String
    var name: String
    var url: String
    var absolute: String
    var current: Bool
    static let templateFields: [TemplateField<Self>] = [
        .field("code", \.code, "the language's code (BCP 47), for `hreflang` and `lang`"),
        .field("name", \.name, "the language's name in itself (`language_self` of its strings)"),
        .field("url", \.url, "link to this page in that language"),
        .field("absolute", \.absolute, "this page's absolute URL in that language, for `hreflang` alternates"),
        .field("current", \.current, "whether it is the page's own language"),
    ]
}

/// The page's charts and languages, added to every page's context.
struct PageExtras: TemplateRecord, Sendable {
    var charts: [ChartPart]
    var headedCharts: [HeadedCharts]
    var languages: [LanguageEntry]?
    var hasLanguages: Bool?
    var pager: Pager? = nil
    static let templateFields: [TemplateField<Self>] = [
        .field("charts", \.charts, "the page's charts, in page order"),
        .field(
            "headedCharts", \.headedCharts,
            "charts shown each under a heading of its own (the programme page's heat map per round)"),
        .field(
            "languages", \.languages,
            "every language of a site with `languages:`, the default first (not on the 404 page)"),
        .field("hasLanguages", \.hasLanguages, "whether the site has more than one language (not on the 404 page)"),
        .field(
            "pager", \.pager,
            "where the page stands among the pages of a list of every city, when the site has more cities than `cities_per_page` (home, cities, a dimension, an indicator)"
        ),
    ]
}

/// The context of one kind of page, beyond what every page shares: a type whose fields are
/// declared once (`TemplateRecord`), named by its kind's arm of `PageKind.contextType`. A kind
/// without one shows only the shared variables.
protocol PageContext: TemplateRecord {
    /// The whole context of `route`'s page (the shared parts and this type's fields), made by
    /// `contexts`; nil when the route lacks the subject the kind shows. `rows` are the charts of
    /// the page's KPI rows.
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields?
}

extension ContextVariable {
    /// The variables every page receives.
    static let shared: [ContextVariable] = SiteShared.variables + PageBase.variables + PageExtras.variables
}
