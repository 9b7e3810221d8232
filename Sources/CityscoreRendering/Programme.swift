import CityscoreModel
import CityscoreScoring

/// The programme view (issue 16): across every city of the site, which weaknesses they share, who
/// is acting on them and who has already solved them; which KPIs most cities cannot report.
/// Computed once from the scorecards and actions; pages, charts and `data/programme.json` read it.
struct Programme: Sendable {
    /// One KPI or data point across the cities.
    struct Item: Sendable {
        var kpi: KPI
        var datapoint: String?
        /// Cities (slugs, in city order) in band 1 or 2.
        var weak: [String]
        /// The weak cities with an action on the item.
        var weakActing: [String]
        /// Cities in band 4: whom to learn from.
        var strong: [String]
        /// Cities with points on the item.
        var scored: Int
        /// Cities with a reported value.
        var reported: Int
        var notReported: Int
        var missing: Int
        var notApplicable: Int
        /// Every city with an action on the item, weak or not.
        var acting: [String]

        var label: String { datapoint.map { "\(kpi.name) (\($0))" } ?? kpi.name }
    }

    /// One category across the cities, by its category score.
    struct Category: Sendable {
        var dimension: String
        var subdimension: String
        var name: String
        /// The name shown (told apart by its sub-dimension where two categories share a name).
        var label: String
        var weak: [String]
        var weakActing: [String]
        var strong: [String]
        var scored: Int
        /// Every city with an action on a KPI of the category.
        var acting: [String]
    }

    /// One KPI's coverage: how many cities report it (any data point).
    struct Coverage: Sendable {
        var kpi: KPI
        var reported: Int
        var notReported: Int
        var missing: Int
        var notApplicable: Int
    }

    /// What moved a band between each city's last two rounds, across the cities that have two.
    struct Progress: Sendable {
        /// One category or KPI (data point) that moved in some cities.
        struct Moves: Sendable {
            var name: String
            var kpi: KPI?
            var up: [String] = []
            var down: [String] = []
        }

        /// Cities with an earlier round.
        var cities: [String] = []
        var overallUp: [String] = []
        var overallDown: [String] = []
        /// Categories that moved, most cities up first.
        var categories: [Moves] = []
        /// KPIs (data points) that moved, most cities up first.
        var items: [Moves] = []
    }

    var cityCount: Int
    /// Nil when no city has two rounds.
    var progress: Progress?
    /// Items in framework order.
    var items: [Item]
    /// Categories in framework order.
    var categories: [Category]
    /// KPIs in framework order.
    var coverage: [Coverage]
    /// Actions by status.
    var statusCounts: [ActionStatus: Int]

    init(scorecards: [Scorecard], actions: ActionIndex) {
        cityCount = scorecards.count
        var counts: [ActionStatus: Int] = [:]
        for action in actions.actions { counts[action.status, default: 0] += 1 }
        statusCounts = counts
        progress = Self.progress(scorecards)
        guard let first = scorecards.first else {
            items = []
            categories = []
            coverage = []
            return
        }
        func acting(_ city: String, _ item: ItemScore) -> Bool {
            !actions.of(city: city, kpi: item.kpi.code, datapoint: item.datapoint).isEmpty
        }
        // Every scorecard lists the framework's items in the same order.
        items = first.items.indices.map { i in
            var out = Item(
                kpi: first.items[i].kpi, datapoint: first.items[i].datapoint, weak: [], weakActing: [], strong: [],
                scored: 0, reported: 0, notReported: 0, missing: 0, notApplicable: 0, acting: [])
            for card in scorecards where i < card.items.count {
                let item = card.items[i]
                let slug = card.city.slug
                let isActing = acting(slug, item)
                if isActing { out.acting.append(slug) }
                if ActionIndex.isWeak(item) {
                    out.weak.append(slug)
                    if isActing { out.weakActing.append(slug) }
                }
                if item.band == .four { out.strong.append(slug) }
                if item.band != nil { out.scored += 1 }
                switch item.status {
                case .scored, .noTarget: out.reported += 1
                case .notReported: out.notReported += 1
                case .missing: out.missing += 1
                case .notApplicable: out.notApplicable += 1
                }
            }
            return out
        }
        var categories: [Category] = []
        for (d, dimension) in first.dimensions.enumerated() {
            let names = Contexts.categoryNames(dimension)
            for (c, category) in dimension.categories.enumerated() {
                let sub = dimension.subdimensions.first { $0.categories.contains(category) }?.name ?? ""
                var out = Category(
                    dimension: dimension.name, subdimension: sub, name: category.name, label: names[c], weak: [],
                    weakActing: [], strong: [], scored: 0, acting: [])
                let codes = Set(category.items.map(\.kpi.code))
                for card in scorecards where d < card.dimensions.count {
                    let cats = card.dimensions[d].categories
                    guard c < cats.count else { continue }
                    let score = cats[c].score
                    let slug = card.city.slug
                    let isActing = actions.of(city: slug).contains { action in
                        codes.contains { action.targets(kpi: $0) }
                    }
                    if isActing { out.acting.append(slug) }
                    if let band = score.band {
                        out.scored += 1
                        if band <= .two {
                            out.weak.append(slug)
                            if isActing { out.weakActing.append(slug) }
                        }
                        if band == .four { out.strong.append(slug) }
                    }
                }
                categories.append(out)
            }
        }
        self.categories = categories
        coverage = first.dimensions.flatMap(\.items).reduce(into: [Coverage]()) { list, item in
            guard list.last?.kpi != item.kpi else { return }
            var out = Coverage(kpi: item.kpi, reported: 0, notReported: 0, missing: 0, notApplicable: 0)
            for card in scorecards {
                let statuses = card.items(for: item.kpi.code).map(\.status)
                if statuses.contains(where: { $0 == .scored || $0 == .noTarget }) {
                    out.reported += 1
                } else if statuses.contains(.notReported) {
                    out.notReported += 1
                } else if statuses.contains(.notApplicable) {
                    out.notApplicable += 1
                } else {
                    out.missing += 1
                }
            }
            list.append(out)
        }
    }

    /// Band moves between each city's last two rounds, by category and item, in framework order of
    /// first appearance and then ranked by how many cities moved up.
    static func progress(_ scorecards: [Scorecard]) -> Progress? {
        var progress = Progress()
        var categories: [String: Progress.Moves] = [:]
        var categoryOrder: [String] = []
        var items: [String: Progress.Moves] = [:]
        var itemOrder: [String] = []
        for card in scorecards {
            guard let previous = card.previous else { continue }
            let slug = card.city.slug
            progress.cities.append(slug)
            for move in card.bandMoves(since: previous, levels: [.overall, .category, .item]) {
                switch move.level {
                case .overall:
                    if move.isUp { progress.overallUp.append(slug) } else { progress.overallDown.append(slug) }
                case .category:
                    let key = (move.subdimension ?? "") + "|" + move.name
                    if categories[key] == nil {
                        categoryOrder.append(key)
                        categories[key] = Progress.Moves(name: move.name + " (" + (move.subdimension ?? "") + ")")
                    }
                    if move.isUp { categories[key]?.up.append(slug) } else { categories[key]?.down.append(slug) }
                case .item:
                    let key = (move.kpi ?? "") + "|" + (move.datapoint ?? "")
                    if items[key] == nil {
                        itemOrder.append(key)
                        items[key] = Progress.Moves(
                            name: move.name, kpi: card.items(for: move.kpi ?? "").first?.kpi)
                    }
                    if move.isUp { items[key]?.up.append(slug) } else { items[key]?.down.append(slug) }
                case .dimension:
                    break
                }
            }
        }
        guard !progress.cities.isEmpty else { return nil }
        func ranked(_ order: [String], _ moves: [String: Progress.Moves]) -> [Progress.Moves] {
            order.enumerated().compactMap { i, key in moves[key].map { (i, $0) } }
                .sorted { ($1.1.up.count, $0.0) < ($0.1.up.count, $1.0) }.map(\.1)
        }
        progress.categories = ranked(categoryOrder, categories)
        progress.items = ranked(itemOrder, items)
        return progress
    }

    /// Items at least one city is weak on, most shared first (then framework order).
    var sharedWeaknesses: [Item] {
        items.enumerated().filter { !$0.element.weak.isEmpty }
            .sorted { ($1.element.weak.count, $0.offset) < ($0.element.weak.count, $1.offset) }.map(\.element)
    }

    /// Categories at least one city is weak on, most shared first.
    var weakCategories: [Category] {
        categories.enumerated().filter { !$0.element.weak.isEmpty }
            .sorted { ($1.element.weak.count, $0.offset) < ($0.element.weak.count, $1.offset) }.map(\.element)
    }

    /// KPIs that fewer than half of the cities report, least reported first.
    var coverageGaps: [Coverage] {
        coverage.enumerated().filter { 2 * $0.element.reported < cityCount }
            .sorted { ($0.element.reported, $0.offset) < ($1.element.reported, $1.offset) }.map(\.element)
    }
}
