/// The four U4SSC achievement bands (docs/scoring.md, "Bands and points").
public enum Band: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Less than 33 % of target.
    case one = 1
    /// 33 % to under 66 % of target.
    case two = 2
    /// 66 % to under 95 % of target.
    case three = 3
    /// 95 % of target and above.
    case four = 4

    /// The band of an achievement percentage; a value exactly on a boundary takes the higher band.
    /// The thresholds live in ``lowerBound`` only: every other place (charts' band regions and grid
    /// lines, the methodology page, the display's rounding) reads them from there.
    public init(percent: Double) {
        self = Band.allCases.last { percent >= $0.lowerBound } ?? .one
    }

    /// The lower thresholds of bands 2–4 (33, 66, 95), in ascending order.
    public static var thresholds: [Double] { allCases.dropFirst().map(\.lowerBound) }

    /// Points the band is worth (1–4).
    public var points: Int { rawValue }

    /// Lower threshold of the band in percent of target.
    public var lowerBound: Double {
        switch self {
        case .one: 0
        case .two: 33
        case .three: 66
        case .four: 95
        }
    }

    // The bands' names are words of the page's language: `band_1` … `band_4` of the theme's strings.

    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rawValue < rhs.rawValue }
}
