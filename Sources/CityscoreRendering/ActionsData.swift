import CityscoreModel
import CityscoreScoring

/// `data/actions.csv` and `data/programme.json` (issue 16).
extension DataFiles {
    /// Every action, one row each, in site order (city, then slug); every text spreadsheet-safe.
    func actionsCSV() -> String {
        var csv = CSVWriter(capacity: 256 * (site.actions.count + 1))
        csv.row(DataColumns.actions)
        for action in site.actions {
            for column in ActionsColumn.allCases {
                switch column {
                case .action: csv.field(action.slug)
                case .city: csv.field(action.city)
                case .title: csv.field(action.title)
                case .kpis: csv.field(action.targets.map(\.text).joined(separator: "; "))
                case .status: csv.field(action.status.rawValue)
                case .start: csv.field(action.start ?? "")
                case .due: csv.field(action.due ?? "")
                case .owner: csv.field(action.owner ?? "")
                case .budget: csv.number(action.budget)
                case .currency: csv.field(action.currency ?? "")
                case .sdgs: csv.field(action.sdgs.map(String.init).joined(separator: "; "))
                case .links: csv.field(action.links.joined(separator: "; "))
                }
            }
            csv.endRow()
        }
        return csv.text
    }

    /// The programme view as data: per category and KPI, the cities in band 1–2, those of them
    /// acting, those in band 4; coverage per KPI; actions per status.
    func programmeJSON() -> String {
        let view = programme ?? Programme(scorecards: scorecards, actions: ActionIndex(site.actions))
        func cities(_ slugs: [String]) -> JSON { .array(slugs.map { .string($0) }) }
        let categories: [JSON] = view.categories.map { c in
            .object([
                ("dimension", .string(c.dimension)), ("subdimension", .string(c.subdimension)),
                ("name", .string(c.name)), ("scored", .int(c.scored)), ("weak", cities(c.weak)),
                ("weak_acting", cities(c.weakActing)), ("strong", cities(c.strong)), ("acting", cities(c.acting)),
            ])
        }
        let indicators: [JSON] = view.items.map { i in
            .object([
                ("code", .string(i.kpi.code)), ("datapoint", .optional(i.datapoint)), ("name", .string(i.kpi.name)),
                ("scored", .int(i.scored)), ("reported", .int(i.reported)), ("not_reported", .int(i.notReported)),
                ("missing", .int(i.missing)), ("not_applicable", .int(i.notApplicable)), ("weak", cities(i.weak)),
                ("weak_acting", cities(i.weakActing)),
                ("weak_without_action", cities(i.weak.filter { !i.weakActing.contains($0) })),
                ("strong", cities(i.strong)), ("acting", cities(i.acting)),
            ])
        }
        let coverage: [JSON] = view.coverage.map { c in
            .object([
                ("code", .string(c.kpi.code)), ("name", .string(c.kpi.name)), ("reported", .int(c.reported)),
                ("not_reported", .int(c.notReported)), ("missing", .int(c.missing)),
                ("not_applicable", .int(c.notApplicable)),
            ])
        }
        let shared: [JSON] = view.sharedWeaknesses.map { i in
            .object([
                ("code", .string(i.kpi.code)), ("datapoint", .optional(i.datapoint)), ("weak", .int(i.weak.count)),
                ("weak_acting", .int(i.weakActing.count)), ("strong", .int(i.strong.count)),
            ])
        }
        func moves(_ list: [Programme.Progress.Moves]) -> JSON {
            .array(
                list.map { m in
                    var pairs: [(String, JSON)] = [("name", .string(m.name))]
                    if let kpi = m.kpi { pairs.append(("code", .string(kpi.code))) }
                    return .object(pairs + [("up", cities(m.up)), ("down", cities(m.down))])
                })
        }
        let progress: JSON =
            view.progress.map { p in
                .object([
                    ("cities", cities(p.cities)), ("overall_up", cities(p.overallUp)),
                    ("overall_down", cities(p.overallDown)), ("categories", moves(p.categories)),
                    ("indicators", moves(p.items)),
                ])
            } ?? .null
        let statuses: [(String, JSON)] = ActionStatus.allCases.map { ($0.rawValue, .int(view.statusCounts[$0] ?? 0)) }
        return JSON.object([
            ("cities", .array(scorecards.map { .string($0.city.slug) })),
            ("actions", .object([("total", .int(site.actions.count))] + statuses)),
            ("shared_weaknesses", .array(shared)), ("categories", .array(categories)),
            ("indicators", .array(indicators)), ("coverage", .array(coverage)), ("progress", progress),
        ]).serialized()
    }

    /// The columns of `actions.csv`, described for `datapackage.json`.
    static let actionFields: [Field] = {
        let described = byName([
            Field(
                name: "action", type: "string",
                description:
                    "The action's slug: its file is Content/actions/<action>.md and its page actions/<action>/.",
                constraints: [("required", .bool(true))]),
            Field(
                name: "city", type: "string", description: "The slug of the city that acts (as in results.csv).",
                constraints: [("required", .bool(true))]),
            Field(name: "title", type: "string", description: "What the city does, in a few words."),
            Field(
                name: "kpis", type: "string",
                description:
                    "The KPI codes the action targets (as in framework.csv), a data point as CODE/DATAPOINT, separated by \"; \"."
            ),
            Field(
                name: "status", type: "string", description: "Where the action stands.",
                constraints: [("enum", .array(ActionStatus.allCases.map { .string($0.rawValue) }))]),
            Field(name: "start", type: "string", description: "When it starts: YYYY-MM-DD, YYYY-MM or YYYY."),
            Field(name: "due", type: "string", description: "When it is due: YYYY-MM-DD, YYYY-MM or YYYY."),
            Field(name: "owner", type: "string", description: "Who is responsible."),
            Field(name: "budget", type: "number", description: "The budget, in the currency of the row."),
            Field(name: "currency", type: "string", description: "The ISO 4217 code of the budget's currency."),
            Field(
                name: "sdgs", type: "string",
                description: "The Sustainable Development Goals (1–17) it serves, separated by \"; \"."),
            Field(
                name: "links", type: "string", description: "Web addresses of plans and reports, separated by \"; \"."),
        ])
        return DataColumns.actions.map { described[$0] ?? Field(name: $0, type: "string", description: "") }
    }()

    /// The package resources of `actions.csv` and `programme.json`.
    func actionResources() -> [JSON] {
        [
            Self.table(
                name: "actions", path: "actions.csv", title: "Actions",
                description:
                    "What the cities do about their KPIs: one row per action of Content/actions/, in city order.",
                fields: Self.actionFields),
            .object([
                ("name", .string("programme")), ("type", .string("json")), ("path", .string("programme.json")),
                ("title", .string("Programme view")),
                (
                    "description",
                    .string(
                        "Across all cities: per category and KPI (and data point), the cities in band 1 or 2 (weak), those of them with an action (weak_acting), those in band 4 (strong: whom to learn from); shared_weaknesses ranked by how many cities are weak; coverage per KPI (how many cities report it); actions per status; progress (null when no city has two rounds): the cities, categories and KPIs that moved up or down a band between each city's last two evaluation rounds."
                    )
                ),
                ("format", .string("json")), ("mediatype", .string("application/json")),
                ("encoding", .string("utf-8")),
            ]),
        ]
    }
}
