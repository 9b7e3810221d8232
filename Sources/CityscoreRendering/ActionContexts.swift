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
    func actionStatus(_ status: ActionStatus) -> ActionStatusFields {
        ActionStatusFields(
            status: strings["action_status_\(status.rawValue)"], statusClass: "action-\(status.rawValue)")
    }

    /// An action as a line in a list: title, link, status, dates.
    func actionLine(_ action: Action) -> ActionLine {
        let card = cityIndex[action.city].map { scorecards[$0] }
        return ActionLine(
            status: actionStatus(action.status), title: action.title, url: urls.link(URLs.action(action.slug)),
            due: action.due.map { strings.format("action_due_on", ["date": $0]) }, city: card?.city.name,
            cityURL: card.map { urls.link(URLs.city($0.city.slug)) },
            kpis: action.targets.compactMap { target in
                site.framework.kpi(target.kpi).map { kpi in
                    Link(
                        name: target.datapoint.map { "\(kpi.name) (\($0))" } ?? kpi.name,
                        url: urls.link(URLs.indicator(kpi)))
                }
            })
    }

    /// A KPI row of a city with the fields for actions: `rowActions` (the city's actions on the
    /// item) and `noAction` (a weak item, band 1 or 2, that no action targets, on a site that has actions).
    func actedRow(_ item: ItemScore, of card: Scorecard, shelved: Bool = false) -> ActedRow {
        let acting = actionIndex.of(city: card.city.slug, kpi: item.kpi.code, datapoint: item.datapoint)
        return ActedRow(
            item: shelved ? cityRow(item, of: card) : row(item, of: card), rowActions: acting.map(actionLine),
            noAction: !actionIndex.isEmpty && acting.isEmpty && ActionIndex.isWeak(item))
    }

    /// The city's weak KPIs that no action targets (none on a site without actions).
    func weakWithoutAction(_ card: Scorecard) -> [UnattendedKPI] {
        guard !actionIndex.isEmpty else { return [] }
        return card.items.filter {
            ActionIndex.isWeak($0)
                && actionIndex.of(city: card.city.slug, kpi: $0.kpi.code, datapoint: $0.datapoint).isEmpty
        }
        .map {
            UnattendedKPI(band: display.bandFields($0.band), label: $0.label, url: urls.link(URLs.indicator($0.kpi)))
        }
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
        let detail = ActionDetail(
            status: actionStatus(action.status), title: action.title, city: cityName,
            cityURL: urls.link(URLs.city(action.city)), start: action.start, due: action.due, owner: action.owner,
            budget: action.budget.map {
                display.format.number($0, maxFractionDigits: 2) + " " + (action.currency ?? "")
            },
            sdgs: action.sdgs.map { SDGNumber(number: String($0)) }, links: action.links.map(Address.init))
        ActionPage(
            action: detail, narrative: narrative(action.document),
            items: action.targets.flatMap { target -> [ActedRow] in
                guard let card else { return [] }
                return card.items(for: target.kpi).filter { target.covers(kpi: $0.kpi.code, datapoint: $0.datapoint) }
                    .map { ActedRow(item: row($0, of: card), rowActions: [], noAction: false) }
            }
        ).write(into: &context)
        return context
    }
}
