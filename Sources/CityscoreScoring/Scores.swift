import CityscoreModel

/// Where the target an item was scored against comes from.
public enum TargetOrigin: Sendable, Hashable {
    /// A goal from `targets/*.csv` (its `kind`: local, programme, illustrative or benchmark), with its note.
    case goal(kind: TargetKind, note: String)
    /// The framework's benchmark, with its source.
    case benchmark(source: String)

    /// `target_origin.kind`.
    public var kind: TargetKind {
        switch self {
        case .goal(let kind, _): kind
        case .benchmark: .benchmark
        }
    }
}

/// Direction of change from the previous year to the latest, judged by the KPI's direction.
public enum Trend: String, Sendable, Hashable {
    case improving
    case stable
    case worsening
}

/// Why an item has no points: the four kinds of absence, named apart everywhere (docs/scoring.md, "Absence").
public enum ItemStatus: String, Sendable, Hashable, CaseIterable {
    /// Value and target known: points given.
    case scored
    /// A value is reported but there is no benchmark or target to score it against (or the row
    /// says `benchmark: none`).
    case noTarget = "no-target"
    /// Not reported by the city: the latest row says NR (or is empty).
    case notReported = "not-reported"
    /// No value in this site's data: no row at all for this city and KPI.
    case missing
    /// The latest row says N/A: the KPI does not apply to the city.
    case notApplicable = "not-applicable"
}

/// One KPI, or one data point of a KPI, for one city: the smallest scored unit.
public struct ItemScore: Sendable, Hashable {
    public var kpi: KPI
    public var datapoint: String?
    /// Which way is better for this item: its data point's direction where the framework gives one,
    /// else its KPI's.
    public var direction: Direction { kpi.direction(for: datapoint) }
    /// Every row for the item, oldest year first.
    public var history: [Observation]
    /// The target scored against, if any.
    public var target: Double?
    public var targetOrigin: TargetOrigin?
    /// Value as a percentage of target (may exceed 100).
    public var achievement: Double?
    /// Band (and so points) when scored.
    public var band: Band?
    public var trend: Trend?
    public var status: ItemStatus

    /// The row of the latest year, if any.
    public var latest: Observation? { history.last }
    /// Points 1–4 when scored.
    public var points: Int? { band?.points }
    /// The KPI's name, with the data point when there is one (`Air Pollution (PM2.5)`).
    public var label: String { datapoint.map { "\(kpi.name) (\($0))" } ?? kpi.name }
}

/// The score of a group of items: a category, sub-dimension, dimension or a whole city.
public struct GroupScore: Sendable, Hashable {
    /// Sum of points over 4 × number of scored items, as a percentage; nil when nothing was scored.
    public var percent: Double?
    public var band: Band?
    /// Items with points.
    public var scored: Int
    /// Items with a reported value (scored or not).
    public var reported: Int
    /// Items in the group.
    public var items: Int
    /// Items not reported by the city (NR).
    public var notReported: Int
    /// Items with no value in this site's data (no row).
    public var missing: Int
    /// Items marked not applicable (N/A).
    public var notApplicable: Int
    /// Items reported but without a benchmark or target.
    public var noTarget: Int { reported - scored }
    /// Sum of points.
    public var points: Int

    /// Scores a set of items by the U4SSC method.
    public init(_ items: [ItemScore]) {
        var (scored, reported, points) = (0, 0, 0)
        var (notReported, missing, notApplicable) = (0, 0, 0)
        for item in items {
            if let itemPoints = item.points {
                scored += 1
                points += itemPoints
            }
            switch item.status {
            case .scored, .noTarget: reported += 1
            case .notReported: notReported += 1
            case .missing: missing += 1
            case .notApplicable: notApplicable += 1
            }
        }
        self.init(
            items: items.count, scored: scored, reported: reported, points: points,
            absent: (notReported, missing, notApplicable))
    }

    /// The score of all the items of `groups` together: the same as scoring the items at once,
    /// since counts and points add up.
    public init(combining groups: [GroupScore]) {
        var (items, scored, reported, points) = (0, 0, 0, 0)
        var (notReported, missing, notApplicable) = (0, 0, 0)
        for group in groups {
            items += group.items
            scored += group.scored
            reported += group.reported
            points += group.points
            notReported += group.notReported
            missing += group.missing
            notApplicable += group.notApplicable
        }
        self.init(
            items: items, scored: scored, reported: reported, points: points,
            absent: (notReported, missing, notApplicable))
    }

    private init(
        items: Int, scored: Int, reported: Int, points: Int,
        absent: (notReported: Int, missing: Int, notApplicable: Int)
    ) {
        self.items = items
        self.scored = scored
        self.reported = reported
        self.points = points
        (notReported, missing, notApplicable) = absent
        if scored == 0 {
            percent = nil
            band = nil
        } else {
            let value = Double(points) / Double(4 * scored) * 100
            percent = value
            band = Band(percent: value)
        }
    }
}

/// A category's score and its items.
public struct CategoryScore: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var score: GroupScore
    public var items: [ItemScore]
}

/// A sub-dimension's score and its categories.
public struct SubdimensionScore: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var score: GroupScore
    public var categories: [CategoryScore]
}

/// A dimension's score and its sub-dimensions.
public struct DimensionScore: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var score: GroupScore
    public var subdimensions: [SubdimensionScore]

    /// Every item of the dimension in framework order.
    public var items: [ItemScore] { subdimensions.flatMap { $0.categories.flatMap(\.items) } }
    /// Every category of the dimension in framework order.
    public var categories: [CategoryScore] { subdimensions.flatMap(\.categories) }
}

/// How much of the framework a city reported, and how well the data is documented.
public struct Coverage: Sendable, Hashable {
    public var items: Int
    public var reported: Int
    public var scored: Int
    /// Not reported by the city (NR).
    public var notReported: Int
    /// No value in this site's data.
    public var missing: Int
    /// Not applicable (N/A).
    public var notApplicable: Int
    /// Reported, no benchmark or target.
    public var noTarget: Int
    /// Reported values marked verified.
    public var verified: Int
    /// Reported values per data-quality level; `nil` key for "not stated".
    public var quality: [DataQuality?: Int]
    /// Latest year of any reported value.
    public var latestYear: Int?
    /// Earliest year of any reported value (with ``latestYear``: "values from 2020–2022").
    public var earliestYear: Int?
}

/// A city's complete scorecard.
public struct Scorecard: Sendable, Hashable {
    public var city: City
    public var overall: GroupScore
    public var dimensions: [DimensionScore]
    public var coverage: Coverage
    /// The evaluation round this scorecard scores (a year); nil for a city without rows.
    public var round: Int? = nil
    /// The city's earlier rounds, oldest first, each scored on its own (README, "Rounds"); empty
    /// for a city with one round and on the earlier rounds themselves.
    public var earlier: [Scorecard] = []
    /// Every item in framework order.
    public let items: [ItemScore]
    /// Positions in `items` by KPI code: one for every scorecard of a site (see `ItemIndex`).
    private let index: ItemIndex

    /// Creates a scorecard; `items` and their index are derived from `dimensions` once.
    public init(city: City, overall: GroupScore, dimensions: [DimensionScore], coverage: Coverage) {
        self.init(city: city, overall: overall, dimensions: dimensions, coverage: coverage, index: nil)
    }

    /// Creates a scorecard whose items are looked up through `index` when it fits them (the
    /// scorer's one index for the framework), else through an index of their own.
    init(city: City, overall: GroupScore, dimensions: [DimensionScore], coverage: Coverage, index: ItemIndex?) {
        self.city = city
        self.overall = overall
        self.dimensions = dimensions
        self.coverage = coverage
        // Room for exactly the items: 112 of some 90 bytes for each city of the built-in framework.
        var count = 0
        for dimension in dimensions {
            for sub in dimension.subdimensions { for category in sub.categories { count += category.items.count } }
        }
        var items: [ItemScore] = []
        items.reserveCapacity(count)
        for dimension in dimensions {
            for sub in dimension.subdimensions {
                for category in sub.categories { items.append(contentsOf: category.items) }
            }
        }
        self.items = items
        if let index, index.fits(items) {
            self.index = index
        } else {
            self.index = ItemIndex(codes: items.map(\.kpi.code))
        }
    }

    /// The items of one KPI (one per data point), in framework order.
    public func items(for code: String) -> [ItemScore] { (index.positions[code] ?? []).map { items[$0] } }

    /// The item of one KPI and data point.
    public func item(_ code: String, datapoint: String?) -> ItemScore? {
        (index.positions[code] ?? []).lazy.map { items[$0] }.first { $0.datapoint == datapoint }
    }

    /// Whether the two look their items up through one index, as every scorecard the scorer
    /// makes for a site does.
    public func sharesItemIndex(with other: Scorecard) -> Bool { index === other.index }

    /// The dimension with this slug.
    public func dimension(_ slug: String) -> DimensionScore? { dimensions.first { $0.slug == slug } }
}

/// Positions of a scorecard's items by KPI code. Every scorecard of a site holds the framework's
/// items in the framework's order, so the scorer makes one index for all of them instead of one
/// per city (some 8 KB each).
final class ItemIndex: Sendable, Hashable {
    /// Each item's KPI code, in order.
    let codes: [String]
    /// Positions in `codes` by KPI code.
    let positions: [String: [Int]]

    init(codes: [String]) {
        self.codes = codes
        var positions: [String: [Int]] = [:]
        for (i, code) in codes.enumerated() { positions[code, default: []].append(i) }
        self.positions = positions
    }

    /// The index of the items of every scorecard of `framework`.
    convenience init(framework: Framework) {
        var codes: [String] = []
        for dimension in framework.dimensions {
            for sub in dimension.subdimensions {
                for category in sub.categories {
                    for kpi in category.kpis {
                        for _ in kpi.itemDatapoints { codes.append(kpi.code) }
                    }
                }
            }
        }
        self.init(codes: codes)
    }

    /// Whether this indexes `items`.
    func fits(_ items: [ItemScore]) -> Bool {
        items.count == codes.count && zip(items, codes).allSatisfy { $0.kpi.code == $1 }
    }

    static func == (a: ItemIndex, b: ItemIndex) -> Bool { a === b || a.codes == b.codes }

    func hash(into hasher: inout Hasher) { hasher.combine(codes) }
}
