import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// The actions of a site, looked up by city and by KPI (built once per render).
struct ActionIndex: Sendable {
    /// Every action, in site order (city, then slug).
    var actions: [Action]
    /// Positions in `actions` by city slug.
    var byCity: [String: [Int]] = [:]
    /// Positions in `actions` by KPI code.
    var byKPI: [String: [Int]] = [:]

    init(_ actions: [Action]) {
        self.actions = actions
        for (i, action) in actions.enumerated() {
            byCity[action.city, default: []].append(i)
            for code in Set(action.targets.map(\.kpi)) { byKPI[code, default: []].append(i) }
        }
    }

    /// Whether the site has any action: only then is a weak KPI without one marked.
    var isEmpty: Bool { actions.isEmpty }

    /// The actions of one city.
    func of(city: String) -> [Action] { (byCity[city] ?? []).map { actions[$0] } }

    /// The actions of every city on one KPI.
    func on(kpi: String) -> [Action] { (byKPI[kpi] ?? []).map { actions[$0] } }

    /// The actions of one city on one KPI and data point (a target without a data point covers them all).
    func of(city: String, kpi: String, datapoint: String?) -> [Action] {
        (byKPI[kpi] ?? []).map { actions[$0] }.filter { $0.city == city && $0.targets(kpi: kpi, datapoint: datapoint) }
    }

    /// Whether an item is weak (band 1 or 2).
    static func isWeak(_ item: ItemScore) -> Bool { item.band.map { $0 <= .two } ?? false }
}

extension Contexts {
    /// The status of an action for templates: its words and a CSS class.
    func actionStatus(_ status: ActionStatus) -> Fields {
        [
            "status": .string(strings["action_status_\(status.rawValue)"]),
            "statusClass": .string("action-\(status.rawValue)"),
        ]
    }

    /// An action as a line in a list: title, link, status, dates.
    func actionLine(_ action: Action) -> TemplateValue {
        var out = actionStatus(action.status)
        out["title"] = .string(action.title)
        out["url"] = .string(urls.link(URLs.action(action.slug)))
        if let due = action.due { out["due"] = .string(strings.format("action_due_on", ["date": due])) }
        if let card = cityIndex[action.city].map({ scorecards[$0] }) {
            out["city"] = .string(card.city.name)
            out["cityURL"] = .string(urls.link(URLs.city(card.city.slug)))
        }
        out["kpis"] = .list(
            action.targets.compactMap { target in
                site.framework.kpi(target.kpi).map { kpi in
                    [
                        "name": .string(target.datapoint.map { "\(kpi.name) (\($0))" } ?? kpi.name),
                        "url": .string(urls.link(URLs.indicator(kpi))),
                    ]
                }
            })
        return .object(out)
    }

    /// The fields a KPI row adds for actions: `rowActions` (this city's actions on the item) and
    /// `noAction` (a weak item, band 1 or 2, that no action targets, on a site that has actions).
    func actionFields(_ item: ItemScore, city: String, into row: inout Fields) {
        let acting = actionIndex.of(city: city, kpi: item.kpi.code, datapoint: item.datapoint)
        row["rowActions"] = .list(acting.map(actionLine))
        row["noAction"] = .bool(!actionIndex.isEmpty && acting.isEmpty && ActionIndex.isWeak(item))
    }

    /// "What the city is doing": its actions, and its weak KPIs that no action targets.
    func cityActions(_ card: Scorecard, into context: inout Fields) {
        let actions = actionIndex.of(city: card.city.slug)
        context["actionList"] = .list(actions.map(actionLine))
        context["hasActions"] = .bool(!actions.isEmpty)
        context["siteHasActions"] = .bool(!actionIndex.isEmpty)
        let unattended = card.items.filter {
            ActionIndex.isWeak($0)
                && actionIndex.of(city: card.city.slug, kpi: $0.kpi.code, datapoint: $0.datapoint).isEmpty
        }
        context["weakWithoutAction"] = .list(
            actionIndex.isEmpty
                ? []
                : unattended.map { item in
                    var row = display.band(item.band)
                    row["label"] = .string(item.label)
                    row["url"] = .string(urls.link(URLs.indicator(item.kpi)))
                    return .object(row)
                })
    }

    /// Every city's actions on one KPI, for its indicator page.
    func indicatorActions(_ kpi: KPI, into context: inout Fields) {
        let actions = actionIndex.on(kpi: kpi.code)
        context["actionList"] = .list(actions.map(actionLine))
        context["showCity"] = .bool(true)
        context["hasKPIActions"] = .bool(!actions.isEmpty)
        context["siteHasActions"] = .bool(!actionIndex.isEmpty)
    }

    /// The page of one action: what it is, who does it, when, what it costs, which KPIs it targets
    /// and where the city stands on each of them.
    func action(_ action: Action, _ route: Route) -> Fields {
        let card = cityIndex[action.city].map { scorecards[$0] }
        let cityName = card?.city.name ?? action.city
        var context = base(
            path: route.path, title: action.title,
            description: action.document.description
                ?? markdown[action.document.path].flatMap { $0.summary.isEmpty ? nil : $0.summary }
                ?? strings.format("action_description", ["city": cityName, "title": action.title]),
            breadcrumbs: [
                (strings["nav_cities"], URLs.cities), (cityName, URLs.city(action.city)), (action.title, nil),
            ],
            section: route.section)
        var a = actionStatus(action.status)
        a["title"] = .string(action.title)
        a["city"] = .string(cityName)
        a["cityURL"] = .string(urls.link(URLs.city(action.city)))
        if let start = action.start { a["start"] = .string(start) }
        if let due = action.due { a["due"] = .string(due) }
        if let owner = action.owner { a["owner"] = .string(owner) }
        if let budget = action.budget {
            a["budget"] = .string(display.format.number(budget, maxFractionDigits: 2) + " " + (action.currency ?? ""))
        }
        a["sdgs"] = .list(action.sdgs.map { ["number": .string(String($0))] })
        a["links"] = .list(action.links.map { ["url": .string($0)] })
        context["action"] = .object(a)
        context["narrative"] = narrative(action.document)
        let latestYear = card?.coverage.latestYear
        context["items"] = .list(
            action.targets.flatMap { target -> [TemplateValue] in
                guard let card else { return [] }
                return card.items(for: target.kpi).filter { target.covers(kpi: $0.kpi.code, datapoint: $0.datapoint) }
                    .map { item in
                        var row = display.item(item, latestYear: latestYear)
                        row["rowActions"] = .list([])
                        row["noAction"] = .bool(false)
                        return .object(row)
                    }
            })
        return context
    }
}
