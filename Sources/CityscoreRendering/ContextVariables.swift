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
                V(
                    "dimensionScores",
                    .list(
                        of: .object(
                            V.score + [
                                V("name", .text, "the dimension's name"),
                                V("url", .text, "link to the city's page of this dimension"),
                                V(
                                    "categories",
                                    .list(of: .object(V.score + [V("name", .text, "the category's name")])),
                                    "the dimension's categories, scored"),
                            ])), "the city's score in each dimension"),
                V("strongest", .list(of: .object(V.item)), "the five best-rated KPIs"),
                V("weakest", .list(of: .object(V.item)), "the five worst-rated KPIs"),
                V("hasScored", .flag, "whether any KPI of the city is scored"),
                V("coverage", .object(V.coverage), "how many values the city reported, scored, verified"),
                V("json", .text, "link to the city's JSON file"),
                V("peers", .list(of: .object(V.link("city"))), "the city's peer cities"),
                V("params", .parameters, "other front matter keys of the city's file, as text"),
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
                                                    V.item + [
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
                V(
                    "rows",
                    .list(
                        of: .object(
                            V.item + [
                                V("city", .text, "the city's name"),
                                V("cityURL", .text, "link to the city's page of the KPI's dimension"),
                            ])), "one row per city and data point"),
            ]
        case .page:
            return [V("narrative", .object(V.narrative), "the page's Markdown", optional: true)]
        case .methodology:
            return [
                V("narrative", .object(V.narrative), "Content/pages/methodology.md", optional: true),
                V(
                    "bands",
                    .list(
                        of: .object(
                            V.band + [
                                V("points", .text, "the band's points"),
                                V("from", .text, "the achievement where the band starts"),
                            ])), "the rating bands, best first"),
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
                V("language", .text, "the site's language (BCP 47)"), V("homeURL", .text, "link to the home page"),
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
        V(
            "charts",
            .list(
                of: .object([
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
                ])), "the page's charts, in page order"),
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

    static let narrative: [ContextVariable] = [
        V("html", .html, "the Markdown as HTML"),
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
    /// `Themes/README.md`: every variable each template receives, generated from the descriptions
    /// above (a test keeps the file in step with them).
    public static func reference() -> String {
        var out = """
            # Template variables

            <!-- Generated from Sources/CityscoreRendering/ContextVariables.swift by the tests
                 (ThemeReferenceTests); do not edit by hand. -->

            Every page is rendered by one Mustache template of the theme (`templates/<name>.mustache`),
            which may include partials (`{{>partials/head}}`); a partial sees the variables of the page
            that includes it. This is every variable each template receives. `cityscore check` reports a
            name that no page gives its template, at its line and column (it would show as nothing).

            Names inside a list are written `list[].name`: inside `{{#list}}…{{/list}}` they are read
            as `{{name}}`. *Optional* variables are left out on some pages: show a part only when one
            is there with `{{#name}}…{{/name}}`. Values are text unless the type says otherwise; texts
            marked *HTML* are written with `{{{name}}}`. Numbers come formatted for the site's language.

            ## Every page


            """
        out += table(shared)
        for kind in PageKind.allCases {
            out += "\n## `\(kind.template)` (templates/\(kind.template).mustache)\n\n"
            let own = kind.contextVariables
            out +=
                own.isEmpty
                ? "Only the variables of every page.\n" : "The variables of every page, and:\n\n" + table(own)
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
