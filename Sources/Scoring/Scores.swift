import Model

/// Where the target an item was scored against comes from.
public enum TargetOrigin: Sendable, Hashable {
    /// The city's own goal from `targets/*.csv`, with its note.
    case local(note: String)
    /// The framework's benchmark, with its source.
    case benchmark(source: String)
}

/// Direction of change from the previous year to the latest, judged by the KPI's direction.
public enum Trend: String, Sendable, Hashable {
    case improving
    case stable
    case worsening
}

/// Why an item has no points.
public enum ItemStatus: String, Sendable, Hashable {
    /// Value and target known: points given.
    case scored
    /// A value is reported but there is no target to score it against.
    case noTarget = "no-target"
    /// The latest row says NR (or is empty).
    case notReported = "not-reported"
    /// No row at all for this city and KPI.
    case missing
}

/// One KPI, or one data point of a KPI, for one city: the smallest scored unit.
public struct ItemScore: Sendable, Hashable {
    public var kpi: KPI
    public var datapoint: String?
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
    /// Items whose value is not reported (NR or no row).
    public var notReported: Int { items - reported }
    /// Items reported but without a target.
    public var noTarget: Int { reported - scored }
    /// Sum of points.
    public var points: Int

    /// Scores a set of items by the U4SSC method.
    public init(_ items: [ItemScore]) {
        var (scored, reported, points) = (0, 0, 0)
        for item in items {
            if let itemPoints = item.points {
                scored += 1
                points += itemPoints
            }
            if item.latest?.value.isReported ?? false { reported += 1 }
        }
        self.init(items: items.count, scored: scored, reported: reported, points: points)
    }

    /// The score of all the items of `groups` together: the same as scoring the items at once,
    /// since counts and points add up.
    public init(combining groups: [GroupScore]) {
        var (items, scored, reported, points) = (0, 0, 0, 0)
        for group in groups {
            items += group.items
            scored += group.scored
            reported += group.reported
            points += group.points
        }
        self.init(items: items, scored: scored, reported: reported, points: points)
    }

    private init(items: Int, scored: Int, reported: Int, points: Int) {
        self.items = items
        self.scored = scored
        self.reported = reported
        self.points = points
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
    public var notReported: Int
    public var noTarget: Int
    /// Reported values marked verified.
    public var verified: Int
    /// Reported values per data-quality level; `nil` key for "not stated".
    public var quality: [DataQuality?: Int]
    /// Latest year of any reported value.
    public var latestYear: Int?
}

/// A city's complete scorecard.
public struct Scorecard: Sendable, Hashable {
    public var city: City
    public var overall: GroupScore
    public var dimensions: [DimensionScore]
    public var coverage: Coverage
    /// Every item in framework order.
    public let items: [ItemScore]
    /// Positions in `items` by KPI code.
    private let index: [String: [Int]]

    /// Creates a scorecard; `items` and their index are derived from `dimensions` once.
    public init(city: City, overall: GroupScore, dimensions: [DimensionScore], coverage: Coverage) {
        self.city = city
        self.overall = overall
        self.dimensions = dimensions
        self.coverage = coverage
        let items = dimensions.flatMap(\.items)
        self.items = items
        var index: [String: [Int]] = [:]
        for (i, item) in items.enumerated() { index[item.kpi.code, default: []].append(i) }
        self.index = index
    }

    /// The items of one KPI (one per data point), in framework order.
    public func items(for code: String) -> [ItemScore] { (index[code] ?? []).map { items[$0] } }

    /// The item of one KPI and data point.
    public func item(_ code: String, datapoint: String?) -> ItemScore? {
        (index[code] ?? []).lazy.map { items[$0] }.first { $0.datapoint == datapoint }
    }

    /// The dimension with this slug.
    public func dimension(_ slug: String) -> DimensionScore? { dimensions.first { $0.slug == slug } }
}
