import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreText

/// `data/datapackage.json`: a Frictionless Data Package (https://datapackage.org/) describing every
/// other file under `data/`, each column with its type and unit, so that the downloads can be
/// checked (`frictionless validate`) and read by tools without guessing.
extension DataFiles {
    /// One described column: its name, Table Schema type, meaning, and fixed unit (if any).
    struct Field {
        var name: String
        var type: String
        var description: String
        var unit: String? = nil
        var constraints: [(String, JSON)] = []
        /// Extra properties of the type (`trueValues` for booleans).
        var options: [(String, JSON)] = []

        var json: JSON {
            var pairs: [(String, JSON)] = [
                ("name", .string(name)), ("type", .string(type)), ("description", .string(description)),
            ]
            if let unit { pairs.append(("unit", .string(unit))) }
            pairs += options
            if !constraints.isEmpty { pairs.append(("constraints", .object(constraints))) }
            return .object(pairs)
        }
    }

    /// Fields by name.
    static func byName(_ fields: [Field]) -> [String: Field] {
        Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where the value's unit is said, for columns whose unit changes from row to row.
    static let unitOfTheRow =
        "Unit: the row's unit column, or when that is empty the KPI's unit in framework.csv (unit column)."

    /// The columns of `results.csv`, described; `extras` are the `x-` columns written.
    static func resultFields(extras: [String]) -> [Field] {
        let described = Self.byName([
            Field(
                name: "city", type: "string",
                description: "The city's slug: its page is cities/<city>/ and its scores data/cities/<city>.json.",
                constraints: [("required", .bool(true))]),
            Field(
                name: "kpi", type: "string", description: "The KPI's code, as in framework.csv (code column).",
                constraints: [("required", .bool(true))]),
            Field(
                name: "datapoint", type: "string",
                description:
                    "The data point of the KPI the value is for (e.g. 4G, PM2.5), empty for a KPI without data points."
            ),
            Field(
                name: "year", type: "year", description: "The year the value refers to.",
                constraints: [("required", .bool(true))]),
            Field(
                name: "value", type: "string",
                description:
                    "The value as it was published, with its printed digits (97.00 stays 97.00): a decimal number with a point, yes or no for a KPI answered yes or no, NR when not reported. "
                    + unitOfTheRow),
            Field(
                name: "unit", type: "string",
                description: "The unit the city gave with the value; empty means the KPI's unit in framework.csv."),
            Field(name: "source", type: "string", description: "Where the value was published."),
            Field(name: "note", type: "string", description: "A note on the value, as the site gives it."),
            Field(
                name: "quality", type: "string",
                description:
                    "The U4SSC data-quality level: measured (accurate measurements), survey (extrapolated from a survey of inhabitants), higher-level (extrapolated from higher-level data), assumptions (estimated on certain assumptions), personal-estimate, unknown (methodology not traceable); empty when not stated.",
                constraints: [("enum", .array(DataQuality.allCases.map { .string($0.rawValue) }))]),
            Field(
                name: "verified", type: "boolean",
                description: "Whether the value was verified (yes or no); empty when not stated.",
                options: [("trueValues", .array([.string("yes")])), ("falseValues", .array([.string("no")]))]),
            Field(
                name: "benchmark", type: "string",
                description:
                    "none when the city's report says the KPI has no benchmark: the value is shown but never scored; empty otherwise.",
                constraints: [("enum", .array([.string("none")]))]),
            Field(
                name: "round", type: "integer",
                description:
                    "The evaluation round the row belongs to, named by its year. Each round of a city is scored on its own; the city's page shows the latest. In a results file an empty cell means the row's year; the rows of a city from files without the column are one round, named by the latest year among them."
            ),
            Field(
                name: "target", type: "number",
                description:
                    "The target the row was scored against (on scored rows of KPIs that take a number). Unit: that of the value. Where it comes from: target_kind."
            ),
            Field(
                name: "target_kind", type: "string",
                description:
                    "Where the target comes from: benchmark (the framework's U4SSC benchmark, see framework.csv target_source), local (the city's own goal), programme (set by a national programme for all its cities) or illustrative (for demos and training, never a city's goal); empty when the row was not scored."
            ),
            Field(
                name: "achievement", type: "number",
                description:
                    "The value as a percentage of the target, unrounded: value ÷ target × 100 where higher is better, target ÷ value × 100 where lower is better (a value of 0 or less meets any target: 100), yes = 100 and no = 0. The direction of each KPI and data point is in framework.csv (direction, datapoint_directions).",
                unit: "%"),
            Field(
                name: "points", type: "integer",
                description:
                    "The U4SSC points of the row: 1 under 33 % of target, 2 from 33 %, 3 from 66 %, 4 from 95 % (a value exactly on a boundary takes the higher band). A category, sub-dimension, dimension or city scores the sum of its rows' points ÷ (4 × the number of scored rows) × 100.",
                unit: "points",
                constraints: [("minimum", .int(1)), ("maximum", .int(4))]),
            Field(
                name: "band", type: "integer",
                description:
                    "The band of the achievement: 1 less than 33 % of target, 2 33–66 %, 3 66–95 %, 4 95 %+ of target.",
                constraints: [("minimum", .int(1)), ("maximum", .int(4))]),
            Field(
                name: "status", type: "string",
                description:
                    "How the row counts: scored (it has points), no-target (a value but no benchmark or target to score it against, or the report says there is no benchmark), not-reported (the city did not report it: NR), not-applicable (N/A: the KPI does not apply to the city), \(earlierYear) (an earlier year of an item: only each item's latest year is scored, earlier years give the trend).",
                constraints: [("required", .bool(true))]),
        ])
        let extra = extras.map {
            Field(
                name: $0, type: "string", description: "A column of the site's own results files, published as it is.")
        }
        let input = DataColumns.results.map { described[$0] ?? Field(name: $0, type: "string", description: "") }
        let computed = DataColumns.resultsComputed.map {
            described[$0] ?? Field(name: $0, type: "string", description: "")
        }
        return input + extra + computed
    }

    /// The columns of `framework.csv`, described.
    static let frameworkFields: [Field] = {
        let described = Self.byName([
            Field(
                name: "code", type: "string", description: "The KPI's code (e.g. EC: ICT: ICT: 1C).",
                constraints: [("required", .bool(true)), ("unique", .bool(true))]),
            Field(name: "dimension", type: "string", description: "The dimension the KPI belongs to."),
            Field(
                name: "subdimension", type: "string", description: "The sub-dimension the KPI belongs to."),
            Field(name: "category", type: "string", description: "The category the KPI belongs to."),
            Field(name: "name", type: "string", description: "The KPI's name."),
            Field(
                name: "datapoints", type: "string",
                description:
                    "The data points the KPI is reported by, separated by semicolons (3G;4G); empty for one value."),
            Field(name: "level", type: "string", description: "Core or Advanced."),
            Field(name: "kind", type: "string", description: "Smart, Sustainable or Structural, where known."),
            Field(name: "unit", type: "string", description: "The unit of the KPI's values and targets."),
            Field(
                name: "range", type: "string",
                description:
                    "The values the KPI's figures can take, lowest..highest (0..1; 0.. for 0 or more; .. for any value). Empty: a percentage is between 0 and 100, any other figure 0 or more. A value outside is refused."
            ),
            Field(
                name: "direction", type: "string",
                description:
                    "Whether a higher or a lower value is better (higher, lower), or the KPI is answered yes or no (yes-no); its data points take it unless datapoint_directions says otherwise.",
                constraints: [("enum", .array(Direction.allCases.map { .string($0.rawValue) }))]),
            Field(
                name: "direction_basis", type: "string",
                description:
                    "ITU when the direction was read from the ITU definition, inferred when it follows the KPI's meaning (the evidence column gives the reasons)."
            ),
            Field(
                name: "datapoint_directions", type: "string",
                description:
                    "Data points whose direction differs from the KPI's, as data point: direction, separated by semicolons (recycled: higher)."
            ),
            Field(
                name: "target", type: "number",
                description: "The framework's benchmark target, where one is public. Unit: the unit column."),
            Field(
                name: "target_source", type: "string", description: "Where the benchmark target comes from."),
            Field(name: "sdg", type: "string", description: "The Sustainable Development Goals referred to."),
            Field(name: "description", type: "string", description: "What the KPI measures."),
            Field(
                name: "evidence", type: "string",
                description: "How solid the facts of the row are, their sources, and the reasons for its directions."),
        ])
        return DataColumns.framework.map { described[$0] ?? Field(name: $0, type: "string", description: "") }
    }()

    /// A tabular resource: a CSV file with its schema.
    static func table(name: String, path: String, title: String, description: String, fields: [Field]) -> JSON {
        .object([
            ("name", .string(name)), ("type", .string("table")), ("path", .string(path)), ("title", .string(title)),
            ("description", .string(description)), ("format", .string("csv")), ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
            ("schema", .object([("fields", .array(fields.map(\.json))), ("missingValues", .array([.string("")]))])),
        ])
    }

    /// `data/datapackage.json`: every file under `data/`, in a fixed order (results, framework,
    /// then each city in city order).
    func dataPackage() -> String {
        let slug = Slug.make(site.config.title)
        var resources: [JSON] = [
            Self.table(
                name: "results", path: "results.csv", title: "Results",
                description:
                    "Every published value, one row per city, KPI, data point and year, in the format of a site's results files; then how each row was scored (target, target_kind, achievement, points, band, status), so that every score can be recomputed.",
                fields: Self.resultFields(extras: extraColumns())),
            Self.table(
                name: "framework", path: "framework.csv", title: "Framework",
                description:
                    "The indicator framework (\(site.framework.origin)): one row per KPI, in the format of Content/framework/kpis.csv.",
                fields: Self.frameworkFields),
        ]
        resources += actionResources()
        for card in scorecards {
            let path = String(URLs.cityJSON(card.city.slug).dropFirst("data/".count))
            resources.append(
                .object([
                    ("name", .string("city-" + card.city.slug)), ("type", .string("json")), ("path", .string(path)),
                    ("title", .string(card.city.name)),
                    (
                        "description",
                        .string(
                            "\(card.city.name)'s scorecard: overall, dimension, sub-dimension and category scores (percent unrounded, band, counts), and each indicator's latest value (with value_text as published), year, unit, target and target_origin, achievement (% of target, unrounded), points, status, trend, source, source_url, note and history."
                        )
                    ),
                    ("format", .string("json")), ("mediatype", .string("application/json")),
                    ("encoding", .string("utf-8")),
                ]))
        }
        var package: [(String, JSON)] = [
            ("$schema", .string("https://datapackage.org/profiles/2.0/datapackage.json")),
            ("name", .string(slug.isEmpty ? "cityscore-data" : slug)), ("title", .string(site.config.title)),
        ]
        if !site.config.description.isEmpty { package.append(("description", .string(site.config.description))) }
        if site.config.baseURL.hasPrefix("http") { package.append(("homepage", .string(site.config.baseURL))) }
        package.append(("resources", .array(resources)))
        return JSON.object(package).serialized()
    }
}
