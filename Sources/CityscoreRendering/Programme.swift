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
        // City by city, each scorecard read once (the lists stay in city order): the items, the
        // categories and the coverage of every city are a few array lookups each, not a copy of
        // every scorecard per item.
        // Every scorecard lists the framework's items in the same order.
        var items = first.items.map { item in
            Item(
                kpi: item.kpi, datapoint: item.datapoint, weak: [], weakActing: [], strong: [], scored: 0,
                reported: 0, notReported: 0, missing: 0, notApplicable: 0, acting: [])
        }
        var categories: [Category] = []
        // Each category's dimension, position in it and KPI codes, in framework order.
        var places: [(d: Int, c: Int, codes: Set<String>)] = []
        for (d, dimension) in first.dimensions.enumerated() {
            let names = Contexts.categoryNames(dimension)
            for (c, category) in dimension.categories.enumerated() {
                let sub = dimension.subdimensions.first { $0.categories.contains(category) }?.name ?? ""
                categories.append(
                    Category(
                        dimension: dimension.name, subdimension: sub, name: category.name, label: names[c], weak: [],
                        weakActing: [], strong: [], scored: 0, acting: []))
                places.append((d, c, Set(category.items.map(\.kpi.code))))
            }
        }
        // Each KPI once, in the order of its first item (a KPI's items are adjacent).
        var coverage = first.items.reduce(into: [Coverage]()) { list, item in
            guard list.last?.kpi != item.kpi else { return }
            list.append(Coverage(kpi: item.kpi, reported: 0, notReported: 0, missing: 0, notApplicable: 0))
        }
        for card in scorecards {
            let slug = card.city.slug
            for (i, item) in card.items.enumerated() where i < items.count {
                let isActing = !actions.of(city: slug, kpi: item.kpi.code, datapoint: item.datapoint).isEmpty
                if isActing { items[i].acting.append(slug) }
                if ActionIndex.isWeak(item) {
                    items[i].weak.append(slug)
                    if isActing { items[i].weakActing.append(slug) }
                }
                if item.band == .four { items[i].strong.append(slug) }
                if item.band != nil { items[i].scored += 1 }
                switch item.status {
                case .scored, .noTarget: items[i].reported += 1
                case .notReported: items[i].notReported += 1
                case .missing: items[i].missing += 1
                case .notApplicable: items[i].notApplicable += 1
                }
            }
            let cityActions = actions.of(city: slug)
            let cats = card.dimensions.map(\.categories)
            for (k, place) in places.enumerated() where place.d < cats.count && place.c < cats[place.d].count {
                let score = cats[place.d][place.c].score
                let isActing = cityActions.contains { action in place.codes.contains { action.targets(kpi: $0) } }
                if isActing { categories[k].acting.append(slug) }
                if let band = score.band {
                    categories[k].scored += 1
                    if band <= .two {
                        categories[k].weak.append(slug)
                        if isActing { categories[k].weakActing.append(slug) }
                    }
                    if band == .four { categories[k].strong.append(slug) }
                }
            }
            // Whether any item of each KPI is reported, not reported, not applicable.
            var statuses: [String: (reported: Bool, notReported: Bool, notApplicable: Bool)] = [:]
            statuses.reserveCapacity(coverage.count)
            for item in card.items {
                var seen = statuses[item.kpi.code] ?? (false, false, false)
                switch item.status {
                case .scored, .noTarget: seen.reported = true
                case .notReported: seen.notReported = true
                case .notApplicable: seen.notApplicable = true
                case .missing: break
                }
                statuses[item.kpi.code] = seen
            }
            for k in coverage.indices {
                let seen = statuses[coverage[k].kpi.code] ?? (false, false, false)
                if seen.reported {
                    coverage[k].reported += 1
                } else if seen.notReported {
                    coverage[k].notReported += 1
                } else if seen.notApplicable {
                    coverage[k].notApplicable += 1
                } else {
                    coverage[k].missing += 1
                }
            }
        }
        self.items = items
        self.categories = categories
        self.coverage = coverage
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
