import CityscoreModel

/// What a chart shows for one scored item: its achievement and band, or why it has none.
public enum ChartScore: Sendable, Hashable {
    /// Achievement in percent of target (or, for groups, points as a percentage) and its band.
    case scored(percent: Double, band: Band)
    /// Not reported by the city (`NR`): hatched.
    case notReported
    /// No value in this site's data (the KPI is absent from the data): an empty track.
    case missing
    /// Not applicable to the city (`N/A`).
    case notApplicable
    /// A value was reported but there is no benchmark or target to score it against.
    case noTarget
    /// A group with nothing scored in it.
    case notScored

    /// The kinds of absence, in the order legends and descriptions name them.
    static let absences: [ChartScore] = [.notReported, .missing, .noTarget, .notApplicable, .notScored]

    /// A scored item whose band follows from `percent` (docs/scoring.md); non-finite is not scored.
    public static func percent(_ percent: Double) -> ChartScore {
        percent.isFinite ? .scored(percent: percent, band: Band(percent: percent)) : .notScored
    }

    /// A score from the optional percent and band the scoring gives; either missing is not scored.
    public init(percent: Double?, band: Band?) {
        if let percent, let band, percent.isFinite {
            self = .scored(percent: percent, band: band)
        } else {
            self = .notScored
        }
    }

    /// The band, when scored with a finite percent.
    public var band: Band? {
        if case .scored(let percent, let band) = self, percent.isFinite { return band }
        return nil
    }

    /// The percent, when scored and finite.
    public var percent: Double? {
        if case .scored(let percent, _) = self, percent.isFinite { return percent }
        return nil
    }

    /// The fill role of the score (the hatch is drawn by pattern, see ``ChartFrame``).
    var fill: ChartPaint {
        if let band { return ChartPalette.band(band) }
        switch self {
        case .notReported: return ChartPalette.hatchGround
        case .missing, .notApplicable: return ChartPalette.track
        default: return ChartPalette.unscored
        }
    }

    /// The text role on the score's fill.
    var ink: ChartPaint {
        if let band { return ChartPalette.onBand(band) }
        switch self {
        case .notReported: return ChartPalette.onHatch
        case .missing, .notApplicable: return ChartPalette.muted
        default: return ChartPalette.onUnscored
        }
    }
}

/// One item of a score tree (a dimension, category or KPI) for ``BenchmarkWheel`` and ``ScoreBars``.
public struct ChartItem: Sendable, Hashable {
    /// Full name, shown in tooltips, tables and descriptions.
    public var name: String
    /// Short name or code for tight places in the drawing.
    public var shortName: String
    /// The item's score.
    public var score: ChartScore
    /// Items one level down (categories of a dimension, KPIs of a category).
    public var children: [ChartItem]

    /// Creates an item; `shortName` defaults to `name`.
    public init(name: String, shortName: String? = nil, score: ChartScore, children: [ChartItem] = []) {
        self.name = name
        self.shortName = shortName ?? name
        self.score = score
        self.children = children
    }

    /// Items without children at or above `depth` levels below this one, counted as 1 each.
    func leafCount(depth: Int) -> Int {
        guard depth > 1, !children.isEmpty else { return 1 }
        return children.reduce(0) { $0 + $1.leafCount(depth: depth - 1) }
    }

    /// Levels of the tree below and including this item.
    var depth: Int { 1 + (children.map(\.depth).max() ?? 0) }
}
