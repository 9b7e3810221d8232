import CityscoreDiagnostics
import CityscoreText

/// Whether a higher or lower value is better, or the KPI is answered yes or no.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case higher
    case lower
    case yesNo = "yes-no"
}

/// The values a KPI's figures can possibly take, from the framework's `range` column: `0..100`,
/// `0..` (no upper limit), `..` (any value), `-100..100`.
public struct ValueRange: Sendable, Hashable {
    /// The smallest possible value, nil for no lower limit.
    public var lower: Double?
    /// The largest possible value, nil for no upper limit.
    public var upper: Double?

    public init(lower: Double?, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    /// A percentage: 0 to 100.
    public static let percentage = ValueRange(lower: 0, upper: 100)
    /// A count, rate or amount: 0 or more.
    public static let nonNegative = ValueRange(lower: 0, upper: nil)

    /// The range as the framework's `range` column writes it (`0..100`, `0..`, `..`).
    public var text: String {
        func number(_ value: Double) -> String {
            abs(value) < 1e15 && Double(Int(value)) == value ? String(Int(value)) : "\(value)"
        }
        return (lower.map(number) ?? "") + ".." + (upper.map(number) ?? "")
    }

    /// Whether `value` is possible.
    public func contains(_ value: Double) -> Bool {
        (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
    }
}

/// One key performance indicator of the framework (a U4SSC KPI).
///
/// Immutable and shared: every scored item of every city refers to its KPI, so a KPI is a class,
/// and copying an item costs one reference count instead of one for each of the KPI's texts.
public final class KPI: Sendable, Hashable {
    /// Framework code, e.g. `EC: ICT: ICT: 1C`.
    public let code: String
    /// Human name, e.g. `Household Internet Access`.
    public let name: String
    /// Data points the KPI is reported by (`3G`, `4G`), empty when it has none.
    public let datapoints: [String]
    /// The KPI's scored items, by data point: one item per data point, or one item (`nil`) for a
    /// KPI without data points.
    public var itemDatapoints: [String?] { datapoints.isEmpty ? [nil] : datapoints.map(Optional.some) }
    /// `Core` or `Advanced`.
    public let level: String
    /// `Smart`, `Sustainable`, `Structural` or empty.
    public let kind: String
    /// Unit of the value, e.g. `%`.
    public let unit: String
    /// Whether higher or lower is better, or yes-no: the KPI's own, which its data points take
    /// unless `datapointDirections` says otherwise. Ask `direction(for:)` for an item's direction.
    public let direction: Direction
    /// Data points whose direction differs from the KPI's (landfill share: lower; recycled: higher).
    public let datapointDirections: [String: Direction]
    /// The values the KPI's figures can take when the framework says (`range` column); nil when
    /// the unit decides (a percentage 0–100, anything else 0 or more).
    public let range: ValueRange?
    /// `ITU` when the direction was read from the ITU definition, `inferred` when it follows the meaning.
    public let directionBasis: String
    /// The framework's benchmark target, when one is known.
    public let target: Double?
    /// Where the benchmark target comes from.
    public let targetSource: String
    /// SDG references.
    public let sdg: String
    /// What the KPI measures.
    public let description: String
    /// How solid the facts of this row are, and their sources.
    public let evidence: String
    /// Names of the dimension, sub-dimension and category the KPI belongs to.
    public let dimension: String
    public let subdimension: String
    public let category: String
    /// Where the KPI is defined.
    public let location: SourceLocation
    /// Display names of the data points in the page's language, by identifier (empty: the
    /// identifiers are shown).
    public let datapointNames: [String: String]

    /// The name of data point `id` as pages show it.
    public func datapointName(_ id: String) -> String { datapointNames[id] ?? id }

    /// Creates a KPI.
    public init(
        code: String, name: String, datapoints: [String] = [], level: String = "", kind: String = "",
        unit: String = "", direction: Direction, datapointDirections: [String: Direction] = [:],
        range: ValueRange? = nil, directionBasis: String = "", target: Double? = nil,
        targetSource: String = "", sdg: String = "", description: String = "", evidence: String = "",
        dimension: String, subdimension: String, category: String,
        location: SourceLocation = SourceLocation(path: ""), datapointNames: [String: String] = [:]
    ) {
        self.datapointNames = datapointNames
        self.code = code
        self.slug = Slug.make(code)
        self.codeEnd = code.split(separator: ":").last.map { String($0).trimmingSpaces } ?? code
        self.name = name
        self.datapoints = datapoints
        self.level = level
        self.kind = kind
        self.unit = unit
        self.direction = direction
        self.datapointDirections = datapointDirections
        self.range = range
        self.directionBasis = directionBasis
        self.target = target
        self.targetSource = targetSource
        self.sdg = sdg
        self.description = description
        self.evidence = evidence
        self.dimension = dimension
        self.subdimension = subdimension
        self.category = category
        self.location = location
    }

    /// Whether higher or lower is better for one data point (or for the KPI, with nil): the data
    /// point's own direction where the framework gives one, the KPI's otherwise.
    public func direction(for datapoint: String?) -> Direction {
        datapoint.flatMap { datapointDirections[$0] } ?? direction
    }

    /// URL slug: the code lowercased, runs of non-alphanumerics turned into `-` (`ec-ict-ict-1c`);
    /// made once, as pages ask for it on every row.
    public let slug: String
    /// The last part of the code, trimmed (`1C` of `EC: ICT: ICT: 1C`), as charts label a KPI; made
    /// once, as every wheel and bar chart asks for it on every KPI.
    public let codeEnd: String

    public static func == (a: KPI, b: KPI) -> Bool {
        a === b
            || (a.code == b.code && a.name == b.name && a.datapoints == b.datapoints && a.level == b.level
                && a.kind == b.kind && a.unit == b.unit && a.direction == b.direction
                && a.datapointDirections == b.datapointDirections && a.range == b.range
                && a.directionBasis == b.directionBasis && a.target == b.target && a.targetSource == b.targetSource
                && a.sdg == b.sdg && a.description == b.description && a.evidence == b.evidence
                && a.dimension == b.dimension && a.subdimension == b.subdimension && a.category == b.category
                && a.location == b.location)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(name)
        hasher.combine(datapoints)
    }
}

/// A category of KPIs (e.g. ICT Infrastructure), within a sub-dimension.
public struct Category: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var kpis: [KPI]
}

/// A sub-dimension (e.g. ICT), within a dimension.
public struct Subdimension: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var categories: [Category]
}

/// A dimension: Economy, Environment, Society and Culture.
public struct Dimension: Sendable, Hashable {
    public var name: String
    /// `economy`, `environment`, `society-and-culture`.
    public var slug: String
    public var subdimensions: [Subdimension]

    /// Every KPI of the dimension in framework order.
    public var kpis: [KPI] { subdimensions.flatMap { $0.categories.flatMap(\.kpis) } }
    /// Every category of the dimension in framework order.
    public var categories: [Category] { subdimensions.flatMap(\.categories) }
}

/// The indicator framework: dimensions, sub-dimensions, categories and KPIs, in their order.
public struct Framework: Sendable {
    /// Dimensions in framework order.
    public var dimensions: [Dimension]
    /// Where the framework was read from (`built-in U4SSC` or a site path).
    public var origin: String
    private var index: [String: KPI]

    /// Groups KPIs, in the order given, into dimensions, sub-dimensions and categories.
    public init(kpis: [KPI], origin: String) {
        self.origin = origin
        var dims: [Dimension] = []
        for kpi in kpis {
            let d =
                dims.firstIndex { $0.name == kpi.dimension }
                ?? {
                    dims.append(Dimension(name: kpi.dimension, slug: Slug.make(kpi.dimension), subdimensions: []))
                    return dims.count - 1
                }()
            let s =
                dims[d].subdimensions.firstIndex { $0.name == kpi.subdimension }
                ?? {
                    dims[d].subdimensions.append(
                        Subdimension(name: kpi.subdimension, slug: Slug.make(kpi.subdimension), categories: []))
                    return dims[d].subdimensions.count - 1
                }()
            let c =
                dims[d].subdimensions[s].categories.firstIndex { $0.name == kpi.category }
                ?? {
                    dims[d].subdimensions[s].categories.append(
                        Category(name: kpi.category, slug: Slug.make(kpi.category), kpis: []))
                    return dims[d].subdimensions[s].categories.count - 1
                }()
            dims[d].subdimensions[s].categories[c].kpis.append(kpi)
        }
        self.dimensions = dims
        self.kpis = dims.flatMap(\.kpis)
        self.index = Dictionary(kpis.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.codes = self.kpis.map(\.code)
    }

    /// A framework from dimensions already grouped (a translation of another, with its slugs).
    public init(dimensions: [Dimension], origin: String) {
        self.origin = origin
        self.dimensions = dimensions
        self.kpis = dimensions.flatMap(\.kpis)
        self.index = Dictionary(kpis.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.codes = self.kpis.map(\.code)
    }

    /// Every KPI in framework order (dimension, sub-dimension, category).
    public let kpis: [KPI]

    /// Every KPI code, in framework order, for suggestions.
    public let codes: [String]

    /// The KPI with this exact code.
    public func kpi(_ code: String) -> KPI? { index[code] }

    /// The dimension with this slug.
    public func dimension(slug: String) -> Dimension? { dimensions.first { $0.slug == slug } }

    /// The dimension that holds the KPI with this code (its slug stays the same in every language,
    /// while its name is translated).
    public func dimension(ofKPI code: String) -> Dimension? {
        dimensions.first { dimension in dimension.categories.contains { $0.kpis.contains { $0.code == code } } }
    }
}
