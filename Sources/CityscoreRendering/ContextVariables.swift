import CityscoreReading
import CityscoreRouting
import CityscoreTemplating

/// One variable a template receives: its name, what it holds and what it means. The variables of
/// every page kind are described here once; `Themes/README.md` is generated from them, `check`
/// reports a template name none of them provides, and a test holds them to the values the
/// contexts really build.
public struct ContextVariable: Sendable, Equatable {
    /// What a variable holds.
    public indirect enum Kind: Sendable, Equatable {
        case text
        /// Text that is HTML already: write it with `{{{name}}}`.
        case html
        case flag
        case object([ContextVariable])
        /// An object with whatever names the site's files give (free parameters).
        case parameters
        case list(of: Kind)
    }

    public var name: String
    public var kind: Kind
    /// One line: what it is.
    public var meaning: String
    /// Whether some pages leave it out (then `{{#name}}…{{/name}}` shows a part only when it is there).
    public var optional: Bool

    init(_ name: String, _ kind: Kind, _ meaning: String, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.meaning = meaning
        self.optional = optional
    }

    /// The shape the template checker walks.
    var shape: TemplateShape { Self.shape(kind) }

    static func shape(_ kind: Kind) -> TemplateShape {
        switch kind {
        case .text, .html: .text
        case .flag: .flag
        case .parameters: .anyObject
        case .list(let item): .list(shape(item))
        case .object(let fields):
            .object(Dictionary(fields.map { ($0.name, $0.shape) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The shape of the context of a page whose variables are `variables`.
    static func shape(of variables: [ContextVariable]) -> TemplateShape { shape(.object(variables)) }
}

private typealias V = ContextVariable

extension PageKind {
    /// The variables the templates of this kind receive, beyond those every page shares.
    public var contextVariables: [ContextVariable] {
        switch self {
        case .home:
            return [
                V("narrative", .object(V.narrative), "Content/pages/index.md, when there is one", optional: true),
                V("cities", .list(of: .object(V.cityCard)), "every city, by slug"),
                V("dimensionNames", .list(of: .text), "the framework's dimensions, in order (`{{.}}`)"),
                V("dimensionLinks", .list(of: .object(V.dimensionLink)), "the framework's dimensions with links"),
                V("cityCount", .text, "the number of cities, formatted"),
                V("kpiCount", .text, "the number of KPIs of the framework, formatted"),
                V("valueCount", .text, "the number of reported values, formatted"),
            ]
        case .cities:
            return [
                V("cities", .list(of: .object(V.cityCard)), "every city, by slug"),
                V("dimensionNames", .list(of: .text), "the framework's dimensions, in order (`{{.}}`)"),
            ]
        case .city:
            return [
                V("city", .object(V.cityCard), "the city"),
                V("narrative", .object(V.narrative), "the city's narrative", optional: true),
                V.dimensionScores,
                V("strongest", .list(of: .object(V.item)), "the five best-rated KPIs"),
                V("weakest", .list(of: .object(V.actedItem)), "the five worst-rated KPIs, with their actions"),
                V("hasScored", .flag, "whether any KPI of the city is scored"),
                V("coverage", .object(V.coverage), "how many values the city reported, scored, verified"),
                V("json", .text, "link to the city's JSON file"),
                V("peers", .list(of: .object(V.link("city"))), "the city's peer cities"),
                V("params", .parameters, "other front matter keys of the city's file, as text"),
                V(
                    "latestChange", .object(V.latestChange), "the latest entry of Content/changes/ naming the city",
                    optional: true),
                V("actionList", .list(of: .object(V.actionLine)), "the city's actions"),
                V("hasActions", .flag, "whether the city has actions"),
                V("siteHasActions", .flag, "whether the site has any action"),
                V(
                    "weakWithoutAction",
                    .list(
                        of: .object(
                            V.band + [
                                V("label", .text, "the KPI's name, with the data point when there is one"),
                                V("url", .text, "link to the KPI's page"),
                            ])), "weak KPIs (band 1 or 2) no action targets (empty on a site without actions)"),
                V(
                    "rounds", .object(V.rounds), "the city's evaluation rounds, when it has more than one",
                    optional: true),
            ]
        case .cityDimension:
            return [
                V("city", .object(V.cityCard), "the city"),
                V(
                    "dimension",
                    .object([
                        V("name", .text, "the dimension's name"), V("score", .object(V.score), "the city's score"),
                        V("url", .text, "link to the dimension's page"),
                    ]), "the dimension"),
                V("narrative", .object(V.narrative), "Content/cities/<city>/<dimension>.md", optional: true),
                V(
                    "subdimensions",
                    .list(
                        of: .object([
                            V("name", .text, "the sub-dimension's name"),
                            V("score", .object(V.score), "the city's score in it"),
                            V(
                                "categories",
                                .list(
                                    of: .object([
                                        V("name", .text, "the category's name"),
                                        V("id", .text, "an HTML id for the category (`cat-<sub>-<category>`)"),
                                        V("score", .object(V.score), "the city's score in it"),
                                        V(
                                            "items",
                                            .list(
                                                of: .object(
                                                    V.actedItem + [
                                                        V("bullet", .html, "inline SVG bullet chart", optional: true),
                                                        V("sparkline", .html, "inline SVG trend line", optional: true),
                                                    ])), "every KPI and data point of the category"),
                                    ])), "the sub-dimension's categories"),
                        ])), "the dimension's sub-dimensions, with every KPI row"),
                V("otherDimensions", .list(of: .object(V.link("dimension"))), "the city's other dimension pages"),
            ]
        case .dimensions:
            return [
                V(
                    "dimensions",
                    .list(
                        of: .object([
                            V("name", .text, "the dimension's name"), V("url", .text, "link to its page"),
                            V("kpiCount", .text, "its number of KPIs, formatted"),
                            V(
                                "subdimensions",
                                .list(
                                    of: .object([
                                        V("name", .text, "the sub-dimension's name"),
                                        V("categories", .text, "its categories' names, comma-separated"),
                                    ])), "its sub-dimensions"),
                        ])), "the framework's dimensions")
            ]
        case .dimension:
            return [
                V("ranked", .flag, "whether the cities' scores are comparable, so ranks are shown"),
                V("rankNote", .text, "why there are no ranks", optional: true),
                V("dimension", .object([V("name", .text, "the dimension's name")]), "the dimension"),
                V("categories", .list(of: .object([V("name", .text, "the category's name")])), "its categories"),
                V(
                    "rows",
                    .list(
                        of: .object(
                            V.score + [
                                V("city", .text, "the city's name"),
                                V("url", .text, "link to the city's page of this dimension"),
                                V("rank", .text, "the rank, or – when not comparable"),
                                V("cells", .list(of: .object(V.score)), "the city's score in each category"),
                            ])), "one row per city"),
                V(
                    "peerGroups",
                    .list(
                        of: .object([
                            V("city", .text, "the city whose peers these are"),
                            V(
                                "members", .list(of: .object(V.score + [V("name", .text, "the city's name")])),
                                "the city and its peers, scored"),
                        ])), "each city with peers, compared"),
                V(
                    "kpis",
                    .list(
                        of: .object([
                            V("code", .text, "the KPI's code"), V("name", .text, "the KPI's name"),
                            V("url", .text, "link to its page"),
                        ])), "the dimension's KPIs"),
            ]
        case .indicators:
            return [
                V(
                    "dimensions",
                    .list(
                        of: .object([
                            V("name", .text, "the dimension's name"),
                            V(
                                "categories",
                                .list(
                                    of: .object([
                                        V("name", .text, "`Sub-dimension: Category`"),
                                        V(
                                            "kpis",
                                            .list(
                                                of: .object([
                                                    V("code", .text, "the KPI's code"),
                                                    V("name", .text, "the KPI's name"),
                                                    V("url", .text, "link to its page"),
                                                    V("level", .text, "Core or Advanced"),
                                                    V("unit", .text, "the unit of its values"),
                                                    V("reported", .text, "how many values were reported, formatted"),
                                                ])), "the category's KPIs"),
                                    ])), "the dimension's categories"),
                        ])), "the framework's dimensions")
            ]
        case .indicator:
            return [
                V("kpi", .object(V.kpi), "the KPI"),
                V("actionList", .list(of: .object(V.actionLine)), "every city's actions on the KPI"),
                V("showCity", .flag, "always true: action lines name their city"),
                V("hasKPIActions", .flag, "whether any action targets the KPI"),
                V("siteHasActions", .flag, "whether the site has any action"),
                V(
                    "rows",
                    .list(
                        of: .object(
                            V.actedItem + [
                                V("city", .text, "the city's name"),
                                V("cityURL", .text, "link to the city's page of the KPI's dimension"),
                            ])), "one row per city and data point"),
            ]
        case .page:
            return [V("narrative", .object(V.narrative), "the page's Markdown", optional: true)]
        case .methodology:
            return [
                V("narrative", .object(V.narrative), "Content/pages/methodology.md", optional: true),
                V("bands", .list(of: .object(V.bandRow)), "the rating bands, best first"),
                V("frameworkOrigin", .text, "where the framework comes from"),
                V(
                    "dimensions",
                    .list(
                        of: .object([
                            V("name", .text, "the dimension's name"),
                            V(
                                "subdimensions",
                                .list(
                                    of: .object([
                                        V("name", .text, "the sub-dimension's name"),
                                        V(
                                            "categories",
                                            .list(
                                                of: .object([
                                                    V("name", .text, "the category's name"),
                                                    V("count", .text, "its number of KPIs"),
                                                ])), "its categories"),
                                    ])), "its sub-dimensions"),
                        ])), "the framework's structure"),
                V(
                    "benchmarks",
                    .list(
                        of: .object([
                            V("code", .text, "the KPI's code"), V("name", .text, "the KPI's name"),
                            V("target", .text, "the benchmark, formatted"),
                            V("source", .text, "where the benchmark comes from"),
                            V("url", .text, "link to the KPI's page"),
                        ])), "the framework's KPIs with a benchmark"),
                V("localTargetCount", .text, "how many local targets the site sets"),
                V("targetKinds", .list(of: .object(V.counted)), "how many targets of each kind"),
                V("kpiCount", .text, "the number of KPIs of the framework, formatted"),
            ]
        case .notFound:
            return []
        case .cityRound:
            return [
                V(
                    "city",
                    .object(
                        V.score + [
                            V("name", .text, "the city's name"), V("round", .text, "the round shown"),
                            V("latestURL", .text, "link to the city's page (its latest round)"),
                            V("notice", .text, "one line saying this is an earlier round"),
                        ]), "the city in this round, with its overall score"),
                V("rounds", .list(of: .object(V.roundEntry)), "every round of the city, oldest first"),
                V(
                    "dimensionScores",
                    .list(
                        of: .object(
                            V.score + [
                                V("name", .text, "the dimension's name"),
                                V(
                                    "categories",
                                    .list(
                                        of: .object(
                                            V.score.filter { $0.name != "items" } + [
                                                V("name", .text, "the category's name"),
                                                V("items", .list(of: .object(V.item)), "the category's KPI rows"),
                                            ])), "the dimension's categories, scored"),
                            ])), "the city's score in each dimension in this round"),
            ]
        case .programme:
            let cities = ContextVariable.Kind.list(of: .object(V.link("city")))
            return [
                V("lead", .text, "one sentence: how many cities and actions"),
                V(
                    "statusCounts", .list(of: .object(V.actionStatus + [V("count", .text, "how many actions")])),
                    "how many actions have each status"),
                V(
                    "categories",
                    .list(
                        of: .object([
                            V("name", .text, "the category's name"), V("dimension", .text, "its dimension"),
                            V("weakCount", .text, "\"weak in 4 of 9 scored cities\""),
                            V("weak", cities, "the cities weak in it"),
                            V("acting", cities, "the weak cities acting on it"),
                            V("strong", cities, "the cities strong in it (to learn from)"),
                        ])), "categories weak in several cities"),
                V(
                    "kpis",
                    .list(
                        of: .object([
                            V("name", .text, "the KPI's name, with the data point"), V("code", .text, "its code"),
                            V("url", .text, "link to its page"),
                            V("weakCount", .text, "\"weak in 4 of 9 scored cities\""),
                            V("weak", cities, "the cities weak in it"),
                            V("acting", cities, "the weak cities acting on it"),
                            V("notActing", cities, "the weak cities not acting on it"),
                            V("strong", cities, "the cities strong in it"),
                        ])), "the KPIs weak in several cities"),
                V(
                    "coverageGaps",
                    .list(
                        of: .object([
                            V("name", .text, "the KPI's name"), V("code", .text, "its code"),
                            V("url", .text, "link to its page"), V("reported", .text, "cities that reported it"),
                            V("notReported", .text, "cities that did not"), V("missing", .text, "cities without a row"),
                            V("notApplicable", .text, "cities where it does not apply"),
                        ])), "the KPIs fewest cities report"),
                V(
                    "progress",
                    .object([
                        V("lead", .text, "one sentence: how many cities moved up or down overall"),
                        V("categories", .list(of: .object(V.moves)), "categories that moved a band"),
                        V("kpis", .list(of: .object(V.moves)), "KPIs that moved a band"),
                    ]), "what moved between the cities' last two rounds", optional: true),
                V("cityCount", .text, "the number of cities, formatted"),
                V("programmeJSON", .text, "link to data/programme.json"),
                V("actionsCSV", .text, "link to data/actions.csv"),
            ]
        case .action:
            return [
                V(
                    "action",
                    .object(
                        V.actionStatus + [
                            V("title", .text, "the action's title"), V("city", .text, "its city's name"),
                            V("cityURL", .text, "link to its city's page"),
                            V("start", .text, "front matter `start`", optional: true),
                            V("due", .text, "front matter `due`", optional: true),
                            V("owner", .text, "front matter `owner`", optional: true),
                            V("budget", .text, "the budget with its currency, formatted", optional: true),
                            V(
                                "sdgs", .list(of: .object([V("number", .text, "the SDG's number")])),
                                "the SDGs it serves"),
                            V("links", .list(of: .object([V("url", .text, "the address")])), "front matter `links`"),
                        ]), "the action"),
                V("narrative", .object(V.narrative), "the action's Markdown", optional: true),
                V("items", .list(of: .object(V.actedItem)), "the city's rows of the KPIs the action targets"),
            ]
        case .changes:
            return [
                V(
                    "entries",
                    .list(
                        of: .object([
                            V("date", .text, "the entry's date"), V("title", .text, "its title"),
                            V("id", .text, "its HTML id (`change-<date>`)"), V("html", .html, "its Markdown as HTML"),
                            V("cities", .list(of: .object(V.link("city"))), "the cities it names"),
                            V("hasCities", .flag, "whether it names any city"),
                        ])), "every entry of Content/changes/, newest first"),
                V("feedURL", .text, "link to the Atom feed changes.xml"),
            ]
        case .cityReport:
            let toc = V("toc", .list(of: .object(V.tocEntry)), "the report's contents")
            return V.reportShared + [
                V("city", .object(V.cityCard), "the city"),
                V("narrative", .object(V.narrative), "the city's narrative", optional: true),
                V.dimensionScores,
                V("coverage", .object(V.coverage), "how many values the city reported, scored, verified"),
                V("wheel", .object(V.chart), "the city's benchmarking wheel"), toc,
                V(
                    "dimensions",
                    .list(
                        of: .object(
                            V.score + [
                                V("id", .text, "the section's HTML id (`dimension-<slug>`)"),
                                V("name", .text, "the dimension's name"),
                                V("chart", .object(V.chart), "the dimension's category bars"),
                                V(
                                    "rows",
                                    .list(
                                        of: .object(
                                            V.item + [
                                                V("category", .text, "the category, on its first row", optional: true),
                                                V("first", .flag, "whether the row is its category's first"),
                                            ])), "the reported KPI rows"),
                                V("hasRows", .flag, "whether there are rows"),
                                V(
                                    "subdimensions", .list(of: .object(V.score + [V("name", .text, "its name")])),
                                    "the dimension's sub-dimensions, scored"),
                            ])), "one section per dimension"),
                V(
                    "notReported",
                    .list(
                        of: .object(
                            V.item + [
                                V("dimension", .text, "the KPI's dimension"), V("category", .text, "its category"),
                            ])), "the KPIs not reported or missing"),
                V("noBenchmark", .list(of: .object(V.item)), "the reported KPIs without a target"),
                V(
                    "actNext",
                    .list(
                        of: .object(
                            V.score + [
                                V("name", .text, "the category's name"),
                                V("dimension", .text, "`Dimension · Sub-dimension`"),
                                V("kpis", .list(of: .object(V.item)), "its three KPIs furthest from target"),
                            ])), "the city's five weakest categories"),
                V(
                    "sources",
                    .list(
                        of: .object([
                            V("text", .text, "the source"), V("count", .text, "how many values it gave"),
                            V("url", .text, "its address (`x-source-url`)", optional: true),
                        ])), "the sources of the reported values, most used first"),
                V("bands", .list(of: .object(V.bandRow)), "the rating bands, best first"),
                V("frameworkOrigin", .text, "where the framework comes from"),
            ]
        case .programmeReport:
            return V.reportShared + [
                V("overview", .object(V.chart), "every city's overall and dimension scores as a heat map"),
                V("dimensionNames", .list(of: .text), "the framework's dimensions, in order (`{{.}}`)"),
                V("cities", .list(of: .object(V.cityCard)), "every city, by slug"),
                V(
                    "dimensions",
                    .list(
                        of: .object([
                            V("id", .text, "the section's HTML id (`dimension-<slug>`)"),
                            V("name", .text, "the dimension's name"),
                            V("chart", .object(V.chart), "every city × category heat map"),
                            V(
                                "rows", .list(of: .object(V.score + [V("city", .text, "the city's name")])),
                                "every city's score in the dimension"),
                        ])), "one section per dimension"),
                V(
                    "coverageRows", .list(of: .object([V("city", .text, "the city's name")] + V.coverage)),
                    "every city's coverage"),
                V("toc", .list(of: .object(V.tocEntry)), "the report's contents"),
                V("bands", .list(of: .object(V.bandRow)), "the rating bands, best first"),
                V("frameworkOrigin", .text, "where the framework comes from"),
                V("kpiCount", .text, "the number of KPIs of the framework, formatted"),
            ]
        }
    }

    /// Every variable of this kind's templates: the shared ones, then the kind's own.
    public var allContextVariables: [ContextVariable] { ContextVariable.shared + contextVariables }
}

extension ContextVariable {
    /// The variables every page receives.
    static let shared: [ContextVariable] = [
        V(
            "site",
            .object([
                V("title", .text, "`title` of site.yml"), V("description", .text, "`description` of site.yml"),
                V("language", .text, "the page's language (BCP 47), for `<html lang>`"),
                V("homeURL", .text, "link to the home page"),
                V("params", .parameters, "other keys of site.yml, as text"),
            ]), "the site"),
        V("t", .parameters, "the interface words of strings/<language>.yml, by key (`{{t.nav_home}}`)"),
        V(
            "assets",
            .object([
                V("css", .text, "link to theme/site.css"), V("chartsCSS", .text, "link to theme/charts.css"),
                V("favicon", .text, "link to theme/favicon.svg"), V("resultsCSV", .text, "link to data/results.csv"),
                V("frameworkCSV", .text, "link to data/framework.csv"),
            ]), "links to the site's files"),
        V(
            "nav",
            .list(
                of: .object([
                    V("title", .text, "the entry's words"), V("url", .text, "its link"),
                    V("current", .flag, "whether this page is in its section"),
                ])), "the main navigation"),
        V(
            "breadcrumbs",
            .list(
                of: .object([
                    V("title", .text, "the step's words"),
                    V("url", .text, "its link (none on the last step)", optional: true),
                ])), "the way from the home page to this one (empty on the home page)"),
        V("hasBreadcrumbs", .flag, "whether there are breadcrumbs"),
        V(
            "page",
            .object([
                V("title", .text, "the page's title"), V("fullTitle", .text, "the title and the site's, for <title>"),
                V("description", .text, "the page's description (the site's when it has none)"),
                V("canonical", .text, "the page's absolute URL"), V("url", .text, "link to the page"),
            ]), "the page"),
        V("charts", .list(of: .object(chart)), "the page's charts, in page order"),
        V(
            "headedCharts",
            .list(
                of: .object([
                    V("heading", .text, "the heading the charts are shown under"),
                    V("folded", .flag, "whether they start folded (an earlier round's heat map)"),
                    V("charts", .list(of: .object(chart)), "the charts under that heading"),
                ])), "charts shown each under a heading of its own (the programme page's heat map per round)"),
        V(
            "languages",
            .list(
                of: .object([
                    V("code", .text, "the language's code (BCP 47), for `hreflang` and `lang`"),
                    V("name", .text, "the language's name in itself (`language_self` of its strings)"),
                    V("url", .text, "link to this page in that language"),
                    V("absolute", .text, "this page's absolute URL in that language, for `hreflang` alternates"),
                    V("current", .flag, "whether it is the page's own language"),
                ])), "every language of a site with `languages:`, the default first (not on the 404 page)",
            optional: true),
        V("hasLanguages", .flag, "whether the site has more than one language (not on the 404 page)", optional: true),
    ]

    /// A chart with its words and its data as a table.
    static let chart: [ContextVariable] = [
        V("id", .text, "the chart's HTML id"), V("title", .text, "its title"),
        V("description", .text, "one sentence saying what it shows"),
        V("svg", .html, "the chart as inline SVG"), V("caption", .text, "the caption of its data table"),
        V(
            "headers",
            .list(
                of: .object([
                    V("text", .text, "the column's heading"),
                    V("numeric", .flag, "whether the column holds numbers"),
                ])), "the data table's columns"),
        V("tableRows", .html, "the data table's rows, as HTML"),
        V("download", .text, "link to the standalone .svg", optional: true),
    ]

    /// What both printed reports receive (they have no breadcrumbs, and their own stylesheets).
    static let reportShared: [ContextVariable] = [
        V(
            "report",
            .object([
                V("paper", .text, "`A4` or `letter` (`report_paper` of site.yml)"),
                V("pageCSS", .text, "the `@page` rules: paper, running header, page numbers"),
                V("css", .text, "link to theme/report.css, relative to the page"),
                V("siteCSS", .text, "link to theme/site.css, relative to the page"),
                V("chartsCSS", .text, "link to theme/charts.css, relative to the page"),
                V("pdf", .text, "link to the report's PDF (`report_pdf: true`)", optional: true),
            ]), "the report's paper and stylesheets"),
        V(
            "cover",
            .object([
                V("kicker", .text, "the line above the title"), V("title", .text, "the report's title"),
                V("subtitle", .text, "the line below it"),
                V("years", .text, "\"values from 2019–2021\"", optional: true),
            ]), "the cover page"),
    ]

    static let tocEntry: [ContextVariable] = [
        V("id", .text, "the section's HTML id"), V("text", .text, "its heading"),
    ]

    static let band: [ContextVariable] = [
        V("bandNumber", .text, "the rating band's number (1–4), or – when not scored"),
        V("bandName", .text, "the band's name"), V("bandClass", .text, "CSS class `band-<n>` or `band-none`"),
    ]

    static let score: [ContextVariable] =
        band + [
            V("percent", .text, "the score, or \"not scored\""), V("scored", .text, "how many items are scored"),
            V("reported", .text, "how many are reported"), V("items", .text, "how many there are"),
            V("notReported", .text, "how many are not reported"), V("noTarget", .text, "how many have no target"),
            V("isScored", .flag, "whether there is a score"),
            V("coverage", .text, "one line: reported of items, scored"),
        ]

    static let trend: [ContextVariable] = [
        V("symbol", .text, "▲, ▶ or ▼"), V("text", .text, "the trend in words"),
        V("class", .text, "CSS class `trend-<trend>`"),
    ]

    static let item: [ContextVariable] =
        band + [
            V("code", .text, "the KPI's code"), V("name", .text, "the KPI's name"),
            V("label", .text, "the KPI's name, with the data point when there is one"),
            V("datapoint", .text, "the data point", optional: true),
            V("indicatorURL", .text, "link to the KPI's page"),
            V("direction", .text, "which way is better, in words"), V("status", .text, "the item's status, in words"),
            V("statusClass", .text, "CSS class `status-<status>`"),
            V("value", .text, "the latest value with its unit, as published"),
            V("year", .text, "the year of the latest value", optional: true),
            V("otherYear", .text, "\"(2019)\" when the value is older than the city's latest", optional: true),
            V("source", .text, "the value's source", optional: true),
            V("sourceURL", .text, "a link to the source (`x-source-url`)", optional: true),
            V("note", .text, "the value's note", optional: true),
            V("quality", .text, "the data quality, in words", optional: true),
            V("verified", .text, "whether the value is verified, in words", optional: true),
            V("noBenchmark", .text, "why there is no benchmark", optional: true),
            V("target", .text, "the target with its unit", optional: true),
            V("targetOrigin", .text, "where the target comes from"),
            V("targetKind", .text, "the target's kind (`local`, `national`, …)", optional: true),
            V("achievement", .text, "how far the target is reached", optional: true),
            V("points", .text, "the points of the band", optional: true),
            V("trend", .object(trend), "the trend since the earlier value", optional: true),
            V(
                "history",
                .list(of: .object([V("year", .text, "the year"), V("value", .text, "the value with its unit")])),
                "every year's value"),
            V("hasHistory", .flag, "whether there is more than one year"),
        ]

    /// A KPI row with the city's actions on it.
    static let actedItem: [ContextVariable] =
        item + [
            V("rowActions", .list(of: .object(actionLine)), "the city's actions on this KPI"),
            V("noAction", .flag, "a weak KPI (band 1 or 2) no action targets, on a site with actions"),
        ]

    static let actionStatus: [ContextVariable] = [
        V("status", .text, "the action's status, in words"), V("statusClass", .text, "CSS class `action-<status>`"),
    ]

    /// An action as a line in a list.
    static let actionLine: [ContextVariable] =
        actionStatus + [
            V("title", .text, "the action's title"), V("url", .text, "link to its page"),
            V("due", .text, "\"due 2026-12-31\"", optional: true),
            V("city", .text, "its city's name", optional: true),
            V("cityURL", .text, "link to its city", optional: true),
            V(
                "kpis", .list(of: .object([V("name", .text, "the KPI's name"), V("url", .text, "link to its page")])),
                "the KPIs it targets"),
        ]

    static let latestChange: [ContextVariable] = [
        V("date", .text, "the entry's date"), V("title", .text, "its title"),
        V("text", .text, "\"updated 2026-11-30: …\""), V("url", .text, "link to the entry on the changes page"),
    ]

    /// A round in the list of a city's rounds.
    static let roundEntry: [ContextVariable] =
        score + [
            V("label", .text, "the round (a year)"), V("url", .text, "link to its page"),
            V("current", .flag, "whether it is the round shown"),
        ]

    static let move: [ContextVariable] = [
        V("name", .text, "what moved"), V("level", .text, "overall, dimension, category or KPI, in words"),
        V("from", .object(band), "the band before"), V("to", .object(band), "the band after"),
    ]

    static let rounds: [ContextVariable] = [
        V("list", .list(of: .object(roundEntry)), "every round, oldest first"),
        V("intro", .text, "one sentence: how many rounds, the latest"),
        V("up", .list(of: .object(move)), "what moved up a band since the previous round"),
        V("down", .list(of: .object(move)), "what moved down a band"),
        V("hasUp", .flag, "whether anything moved up"), V("hasDown", .flag, "whether anything moved down"),
        V("upHeading", .text, "the heading of what moved up"),
        V("downHeading", .text, "the heading of what moved down"),
        V("noMoves", .text, "the sentence when nothing moved"), V("hasMoves", .flag, "whether anything moved"),
    ]

    /// A category or KPI that moved a band in some cities between their last two rounds.
    static let moves: [ContextVariable] = [
        V("name", .text, "the category or KPI"), V("upCount", .text, "how many cities moved up"),
        V("downCount", .text, "how many moved down"), V("up", .list(of: .object(link("city"))), "the cities up"),
        V("down", .list(of: .object(link("city"))), "the cities down"),
        V("url", .text, "link to the KPI's page", optional: true), V("code", .text, "the KPI's code", optional: true),
    ]

    static let bandRow: [ContextVariable] =
        band + [
            V("points", .text, "the band's points"), V("from", .text, "the achievement where the band starts"),
        ]

    /// The city's score in each dimension and its categories (the city page, the city report).
    static let dimensionScores = ContextVariable(
        "dimensionScores",
        .list(
            of: .object(
                score + [
                    V("name", .text, "the dimension's name"),
                    V("url", .text, "link to the city's page of this dimension"),
                    V(
                        "categories", .list(of: .object(score + [V("name", .text, "the category's name")])),
                        "the dimension's categories, scored"),
                ])), "the city's score in each dimension")

    static let narrative: [ContextVariable] = [
        V(
            "html", .html,
            "the Markdown as HTML (a narrative not translated into the page's language comes in the default one, marked with its `lang` and preceded by a note saying so)"
        ),
        V(
            "toc",
            .list(of: .object([V("text", .text, "the heading's text"), V("id", .text, "the heading's id")])),
            "the level-2 headings"),
        V("hasToc", .flag, "whether there are three or more level-2 headings"),
    ]

    static let cityCard: [ContextVariable] = [
        V("slug", .text, "the city's slug"), V("name", .text, "the city's name"),
        V("url", .text, "link to the city's page"), V("overall", .object(score), "the city's overall score"),
        V(
            "dimensions",
            .list(
                of: .object(
                    score + [
                        V("name", .text, "the dimension's name"),
                        V("url", .text, "link to the city's page of it"),
                    ])), "the city's score in each dimension"),
        V("country", .text, "front matter `country`", optional: true),
        V("region", .text, "front matter `region`", optional: true),
        V("population", .text, "front matter `population`, formatted", optional: true),
        V("year", .text, "the latest year of the city's values", optional: true),
        V("years", .text, "\"values from 2019–2021\"", optional: true),
    ]

    static let dimensionLink: [ContextVariable] = [
        V("name", .text, "the dimension's name"), V("url", .text, "link to its page"),
        V("slug", .text, "its slug"),
    ]

    static func link(_ what: String) -> [ContextVariable] {
        [V("name", .text, "the \(what)'s name"), V("url", .text, "link to its page")]
    }

    static let counted: [ContextVariable] = [V("label", .text, "what is counted"), V("count", .text, "how many")]

    static let coverage: [ContextVariable] = [
        V("items", .text, "items (KPIs and data points)"), V("reported", .text, "reported"),
        V("scored", .text, "scored"), V("notReported", .text, "not reported"),
        V("noTarget", .text, "without a target"), V("verified", .text, "verified"), V("missing", .text, "missing"),
        V("notApplicable", .text, "not applicable"), V("hasNotApplicable", .flag, "whether any is not applicable"),
        V("quality", .list(of: .object(counted)), "how many values of each data quality"),
    ]

    static let kpi: [ContextVariable] = [
        V("code", .text, "the KPI's code"), V("name", .text, "its name"), V("level", .text, "Core or Advanced"),
        V("kind", .text, "Smart, Sustainable or Structural"), V("unit", .text, "the unit of its values"),
        V("direction", .text, "which way is better, in words"),
        V(
            "datapointDirections",
            .list(of: .object([V("name", .text, "the data point"), V("direction", .text, "which way is better")])),
            "data points whose direction differs from the KPI's"),
        V("directionBasis", .text, "where the direction comes from"), V("sdg", .text, "the SDG target"),
        V("description", .text, "what it measures"), V("evidence", .text, "the framework's evidence note"),
        V("dimension", .text, "its dimension"), V("subdimension", .text, "its sub-dimension"),
        V("category", .text, "its category"), V("datapoints", .text, "its data points, comma-separated"),
        V("dimensionURL", .text, "link to its dimension's page"),
        V("benchmark", .text, "the framework's benchmark, with its unit", optional: true),
        V("benchmarkSource", .text, "where the benchmark comes from", optional: true),
    ]
}

extension ContextVariable {
    /// `Themes/README.md`: every template of `theme` with the variables it receives and the
    /// partials it includes, generated from the descriptions above (a test keeps the file in step).
    public static func reference(theme: ThemeSource) -> String {
        let library = Templates.compile(theme).0.library
        var out = """
            # Template variables

            <!-- Generated from Sources/CityscoreRendering/ContextVariables.swift by
                 `CITYSCORE_WRITE_THEMES_README=1 swift test --filter ThemeReferenceTests`; do not edit by hand
                 (the test fails when this file drifts from the code). -->

            Every page is rendered by one Mustache template of the theme (`templates/<name>.mustache`),
            which may include partials (`{{>partials/head}}`); a partial sees the variables of the page
            that includes it. This is every variable each template receives. `cityscore check` reports a
            name that no page gives its template, at its line and column, with the closest name that is
            there (`unknown-template-variable`): it would otherwise show as nothing.

            Names inside a list are written `list[].name`: inside `{{#list}}…{{/list}}` they are read
            as `{{name}}`. *Optional* variables are left out on some pages: show a part only when one
            is there with `{{#name}}…{{/name}}`. Values are text unless the type says otherwise; texts
            marked *HTML* are written with `{{{name}}}`. Numbers come formatted for the site's language.

            ## Every page


            """
        out += table(shared)
        for kind in PageKind.allCases {
            out += "\n## `\(kind.template)` (templates/\(kind.template).mustache)\n\n"
            let partials = library.partials(includedBy: kind.template)
            if !partials.isEmpty {
                out += "Includes " + partials.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
            }
            let own = kind.contextVariables
            out +=
                own.isEmpty
                ? "Only the variables of every page.\n" : "The variables of every page, and:\n\n" + table(own)
        }
        out += "\n## Partials\n\nA partial receives the variables of each template that includes it.\n\n"
        out += "| Partial | Included by |\n| --- | --- |\n"
        let pages = PageKind.allCases.map(\.template)
        for name in library.allNames where name.hasPrefix("partials/") {
            let users = pages.filter { library.partials(includedBy: $0).contains(name) }
            out += "| `\(name)` | \(users.isEmpty ? "no page" : users.map { "`\($0)`" }.joined(separator: ", ")) |\n"
        }
        return out
    }

    static func table(_ variables: [ContextVariable]) -> String {
        var rows = "| Variable | Type | Meaning |\n| --- | --- | --- |\n"
        func add(_ variables: [ContextVariable], prefix: String) {
            for v in variables {
                let name = prefix + v.name
                rows += "| `\(name)` | \(typeName(v.kind))\(v.optional ? ", optional" : "") | \(v.meaning) |\n"
                switch v.kind {
                case .object(let fields): add(fields, prefix: name + ".")
                case .list(of: .object(let fields)): add(fields, prefix: name + "[].")
                default: break
                }
            }
        }
        add(variables, prefix: "")
        return rows
    }

    static func typeName(_ kind: Kind) -> String {
        switch kind {
        case .text: "text"
        case .html: "HTML"
        case .flag: "flag"
        case .object: "object"
        case .parameters: "any names"
        case .list(of: let item): "list of \(typeName(item))s"
        }
    }
}
