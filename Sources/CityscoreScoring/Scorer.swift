import CityscoreConcurrency
import CityscoreModel

/// The Scoring stage: the U4SSC method (docs/scoring.md) applied to every city of a validated site.
public struct Scorer: Sendable {
    /// Relative change below which a trend counts as stable (1 %).
    public static let stableThreshold = 0.01

    public var site: Site

    /// Creates a scorer for `site`.
    public init(site: Site) { self.site = site }

    struct Key: Hashable {
        var city: String
        var kpi: String
        var datapoint: String?
    }

    /// Every city's scorecard, in city order.
    public func scorecards() -> [Scorecard] {
        let rows = CityRows(site.observations)
        // Each city's targets (positions in `site.targets`), indexed by item as the city is scored:
        // an index of every target of 2,000 cities at once is some 60 MB while it grows.
        var targetsByCity: [String: [Int]] = [:]
        for (i, target) in site.targets.enumerated() { targetsByCity[target.city, default: []].append(i) }
        let allTargets = site.targets
        let positions = targetsByCity
        let rounds = CityRoundIndex(site.observations)
        let index = ItemIndex(framework: site.framework)
        // Cities are scored on every core; each scorecard depends on its own rows only.
        return Parallel.map(site.cities) { city in
            var targets: [Key: LocalTarget] = [:]
            for i in positions[city.slug] ?? [] {
                let target = allTargets[i]
                targets[Key(city: target.city, kpi: target.kpi, datapoint: target.datapoint)] = target
            }
            return roundedScorecard(
                for: city, rows: rows.items(of: city.slug), targets: targets, rounds: rounds, index: index)
        }
    }

    /// The scorecard of `city` from the rows `history` gives each item (oldest first).
    func scorecard(
        for city: City, targets: [Key: LocalTarget], index: ItemIndex? = nil, history: (Key) -> [Observation]
    ) -> Scorecard {
        let dimensions = site.framework.dimensions.map { dimension in
            let subdimensions = dimension.subdimensions.map { sub in
                let categories = sub.categories.map { category in
                    // Room for exactly the items (a list grown one item at a time has up to twice that).
                    var items: [ItemScore] = []
                    items.reserveCapacity(category.kpis.reduce(0) { $0 + $1.itemDatapoints.count })
                    for kpi in category.kpis {
                        for datapoint in kpi.itemDatapoints {
                            let key = Key(city: city.slug, kpi: kpi.code, datapoint: datapoint)
                            items.append(
                                Self.score(
                                    kpi: kpi, datapoint: datapoint, history: history(key), localTarget: targets[key]))
                        }
                    }
                    return CategoryScore(
                        name: category.name, slug: category.slug, score: GroupScore(items), items: items)
                }
                return SubdimensionScore(
                    name: sub.name, slug: sub.slug, score: GroupScore(combining: categories.map(\.score)),
                    categories: categories)
            }
            return DimensionScore(
                name: dimension.name, slug: dimension.slug,
                score: GroupScore(combining: subdimensions.map(\.score)), subdimensions: subdimensions)
        }
        let items = dimensions.flatMap(\.items)
        let overall = GroupScore(combining: dimensions.map(\.score))
        let reportedRows = items.compactMap(\.latest).filter { $0.value.isReported }
        var quality: [DataQuality?: Int] = [:]
        for row in reportedRows { quality[row.quality, default: 0] += 1 }
        let coverage = Coverage(
            items: items.count, reported: overall.reported, scored: overall.scored, notReported: overall.notReported,
            missing: overall.missing, notApplicable: overall.notApplicable, noTarget: overall.noTarget,
            verified: reportedRows.filter { $0.verified == true }.count, quality: quality,
            latestYear: reportedRows.map(\.year).max(), earliestYear: reportedRows.map(\.year).min())
        return Scorecard(city: city, overall: overall, dimensions: dimensions, coverage: coverage, index: index)
    }

    /// Scores one item from its history (oldest first) and the city's own target, if any.
    public static func score(kpi: KPI, datapoint: String?, history: [Observation], localTarget: LocalTarget?)
        -> ItemScore
    {
        var item = ItemScore(
            kpi: kpi, datapoint: datapoint, history: history, target: nil, targetOrigin: nil, achievement: nil,
            band: nil, trend: nil, status: .missing)
        // A row that says its KPI has no benchmark is shown with its value and never scored.
        let noBenchmark = history.last?.noBenchmark ?? false
        if !noBenchmark {
            if let localTarget {
                item.target = localTarget.target
                item.targetOrigin = .goal(kind: localTarget.kind, note: localTarget.note)
            } else if let benchmark = kpi.target {
                item.target = benchmark
                item.targetOrigin = .benchmark(source: kpi.targetSource)
            }
        }
        guard let latest = history.last else { return item }
        switch latest.value {
        case .notReported:
            item.status = .notReported
            return item
        case .notApplicable:
            item.status = .notApplicable
            return item
        case .number, .yesNo: break
        }
        item.achievement =
            noBenchmark
            ? nil : achievement(of: latest.value, target: item.target, direction: item.direction)
        item.band = item.achievement.map { Band(percent: $0) }
        item.status = item.band == nil ? .noTarget : .scored
        let reported = history.filter { $0.value.isReported }
        if reported.count >= 2 {
            item.trend = trend(
                from: reported[reported.count - 2].value, to: latest.value, direction: item.direction)
        }
        return item
    }

    /// Achievement in percent of target (docs/scoring.md, "Achievement"); nil when it cannot be computed.
    public static func achievement(of value: ObservedValue, target: Double?, direction: Direction) -> Double? {
        if case .number(let number) = value, !number.isFinite { return nil }
        switch (value, direction) {
        case (.yesNo(let yes), _):
            return yes ? 100 : 0
        case (.number(let number), .higher):
            guard let target, target > 0 else { return nil }
            return number / target * 100
        case (.number(let number), .lower):
            guard let target, target >= 0 else { return nil }
            // A value of zero (or below) where lower is better meets any target of zero or more.
            guard number > 0 else { return 100 }
            return target / number * 100
        case (.number, .yesNo), (.notReported, _), (.notApplicable, _):
            return nil
        }
    }

    /// Improving, stable or worsening from `old` to `new`, judged by `direction`.
    public static func trend(from old: ObservedValue, to new: ObservedValue, direction: Direction) -> Trend? {
        switch (old, new) {
        case (.yesNo(let a), .yesNo(let b)):
            return a == b ? .stable : (b ? .improving : .worsening)
        case (.number(let a), .number(let b)):
            let scale = max(abs(a), abs(b))
            if scale == 0 || abs(b - a) <= scale * stableThreshold { return .stable }
            let up = b > a
            return (up == (direction != .lower)) ? .improving : .worsening
        default:
            return nil
        }
    }
}

/// The site's rows city by city. Rows that come grouped by city, as the validator's sorted
/// observations do, are indexed by item one city at a time, as each city is scored: an index of
/// every item of the site at once is some 50 MB at 2,000 cities while it grows.
struct CityRows: Sendable {
    private let observations: [Observation]
    /// Each city's rows; nil when some city's rows are not next to each other.
    private let cities: [String: Range<Int>]?
    /// Every item's rows when `cities` is nil.
    private let all: ItemRows?

    init(_ observations: [Observation]) {
        self.observations = observations
        cities = Self.ranges(of: observations)
        all = cities == nil ? ItemRows(observations[...]) : nil
    }

    /// The range of every city's rows; nil when some city's rows are not next to each other.
    private static func ranges(of observations: [Observation]) -> [String: Range<Int>]? {
        var ranges: [String: Range<Int>] = [:]
        for (city, rows) in observations.cityRuns() {
            guard ranges.updateValue(rows, forKey: city) == nil else { return nil }
        }
        return ranges
    }

    /// The rows of the items of the city with this slug (the rows of every item when the site's
    /// rows are not grouped by city).
    func items(of city: String) -> ItemRows {
        if let all { return all }
        return ItemRows(observations[cities?[city] ?? 0..<0])
    }
}

/// The rows of items (city, KPI, data point). Rows that come grouped by item, as the
/// validator's sorted observations do, are found as ranges of one array instead of being copied
/// into an array per item.
struct ItemRows: Sendable {
    private let observations: ArraySlice<Observation>
    private let ranges: [Scorer.Key: Range<Int>]
    private let collected: [Scorer.Key: [Observation]]

    init(_ observations: ArraySlice<Observation>) {
        self.observations = observations
        if let ranges = Self.ranges(of: observations) {
            self.ranges = ranges
            collected = [:]
        } else {
            ranges = [:]
            var collected: [Scorer.Key: [Observation]] = [:]
            for o in observations {
                collected[Scorer.Key(city: o.city, kpi: o.kpi, datapoint: o.datapoint), default: []].append(o)
            }
            self.collected = collected
        }
    }

    /// The range of every item's rows; nil when some item's rows are not next to each other.
    private static func ranges(of observations: ArraySlice<Observation>) -> [Scorer.Key: Range<Int>]? {
        var ranges: [Scorer.Key: Range<Int>] = [:]
        var start = observations.startIndex
        while start < observations.endIndex {
            let first = observations[start]
            var end = start + 1
            while end < observations.endIndex, observations[end].city == first.city,
                observations[end].kpi == first.kpi, observations[end].datapoint == first.datapoint
            {
                end += 1
            }
            let key = Scorer.Key(city: first.city, kpi: first.kpi, datapoint: first.datapoint)
            guard ranges.updateValue(start..<end, forKey: key) == nil else { return nil }
            start = end
        }
        return ranges
    }

    /// The item's rows in the order given.
    func history(_ key: Scorer.Key) -> [Observation] {
        if let range = ranges[key] { return Array(observations[range]) }
        return collected[key] ?? []
    }
}
