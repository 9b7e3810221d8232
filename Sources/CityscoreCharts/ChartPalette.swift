import CityscoreModel

/// One colour role of the charts: the CSS class that carries it (`cs-band-3`), whether it sets
/// `fill` or `stroke`, and its colour in light and dark mode.
public struct ChartPaint: Sendable, Hashable {
    /// Whether the role colours an element's inside or its outline.
    public enum Property: String, Sendable, Hashable {
        case fill
        case stroke
    }

    /// Role name: the class is `cs-<name>`, the CSS variable `--cs-<name>`.
    public var name: String
    /// The property the class sets.
    public var property: Property
    /// Colour on a light page (and in standalone files and print).
    public var light: ChartColor
    /// Colour under `prefers-color-scheme: dark`.
    public var dark: ChartColor

    /// Creates a role.
    public init(_ name: String, _ property: Property, light: ChartColor, dark: ChartColor) {
        self.name = name
        self.property = property
        self.light = light
        self.dark = dark
    }

    /// `cs-<name>`.
    public var className: String { "cs-" + name }
    /// `--cs-<name>`.
    public var variable: String { "--cs-" + name }
}

/// The charts' colours. Bands run from a dark red (1) over orange (2) and mid blue (3) to dark
/// blue (4): a diverging red–blue scheme that stays distinct under the common colour-vision
/// deficiencies, and every band is also told by text (its number or percent) or, for "not
/// reported", a hatch pattern. Text on a fill is whichever of near-black and white contrasts most.
public enum ChartPalette {
    private static func color(_ hex: UInt32) -> ChartColor { ChartColor(hex: hex) }

    /// Page background (standalone files draw it; inline charts leave the page's own).
    public static let background = ChartPaint("bg", .fill, light: color(0xFFFFFF), dark: color(0x121212))
    /// Outline in the background colour: gaps between wheel segments, rims around dots.
    public static let halo = ChartPaint("halo", .stroke, light: background.light, dark: background.dark)
    /// Ordinary text.
    public static let text = ChartPaint("text", .fill, light: color(0x1A1A1A), dark: color(0xE8E8E8))
    /// Secondary text: axis labels, notes.
    public static let muted = ChartPaint("muted", .fill, light: color(0x595959), dark: color(0xB3B3B3))
    /// Faint guide lines.
    public static let grid = ChartPaint("grid", .stroke, light: color(0xD4D4D4), dark: color(0x3D3D3D))
    /// Axes and threshold lines, 3:1 against the background.
    public static let axis = ChartPaint("axis", .stroke, light: color(0x767676), dark: color(0x8C8C8C))
    /// Target lines.
    public static let target = ChartPaint("target", .stroke, light: color(0x1A1A1A), dark: color(0xE8E8E8))
    /// Lines and dots of a series without bands (trends).
    public static let series = ChartPaint("series", .stroke, light: color(0x404040), dark: color(0xD0D0D0))
    /// Dots of a series without bands.
    public static let seriesDot = ChartPaint("series-dot", .fill, light: series.light, dark: series.dark)
    /// Empty bar tracks behind bars.
    public static let track = ChartPaint("track", .fill, light: color(0xEFEFEF), dark: color(0x262626))
    /// Background of a highlighted row (the city the page is about).
    public static let highlight = ChartPaint("highlight", .fill, light: color(0xFFF3C4), dark: color(0x3A3320))
    /// Fill of scored items, by band.
    public static let bands: [ChartPaint] = [
        ChartPaint("band-1", .fill, light: color(0xB2182B), dark: color(0xE8735A)),
        ChartPaint("band-2", .fill, light: color(0xD07A2A), dark: color(0xF4A261)),
        ChartPaint("band-3", .fill, light: color(0x4A90C2), dark: color(0xA6D0EA)),
        ChartPaint("band-4", .fill, light: color(0x1F4E8C), dark: color(0x4A90D9)),
    ]
    /// Fill of items with no target, or nothing scored.
    public static let unscored = ChartPaint("unscored", .fill, light: color(0x8F8F8F), dark: color(0x808080))
    /// Ground of the "not reported" hatch pattern.
    public static let hatchGround = ChartPaint("hatch-ground", .fill, light: color(0xF2F2F2), dark: color(0x2A2A2A))
    /// Stripes of the "not reported" hatch pattern.
    public static let hatchStripe = ChartPaint("hatch", .fill, light: color(0x8F8F8F), dark: color(0x666666))

    /// Candidate text colours on fills.
    public static let inks = [color(0x111111), color(0xFFFFFF)]

    /// The fill of a band.
    public static func band(_ band: Band) -> ChartPaint { bands[min(max(band.rawValue - 1, 0), bands.count - 1)] }

    /// Text on a band's fill.
    public static func onBand(_ band: Band) -> ChartPaint {
        onBands[min(max(band.rawValue - 1, 0), onBands.count - 1)]
    }
    /// Text on each band's fill, chosen once.
    private static let onBands: [ChartPaint] = Band.allCases.map { band in
        textRole("on-band-\(band.rawValue)", on: [Self.band(band)])
    }
    /// Text on the "not scored" fill.
    public static let onUnscored = textRole("on-unscored", on: [unscored])
    /// Text on the "not reported" hatch (readable on both ground and stripes).
    public static let onHatch = textRole("on-hatch", on: [hatchGround, hatchStripe])

    /// Every role, in the order the stylesheet lists them.
    public static var all: [ChartPaint] {
        [background, halo, text, muted, grid, axis, target, series, seriesDot, track, highlight] + bands
            + Band.allCases.map(onBand) + [unscored, onUnscored, hatchGround, hatchStripe, onHatch]
    }

    /// Every pairing of text on a fill the charts draw (text roles first), for contrast checks.
    static var textOnFill: [(text: ChartPaint, fill: ChartPaint)] {
        [
            (text, background), (muted, background), (text, highlight), (muted, highlight), (muted, track),
            (onUnscored, unscored), (onHatch, hatchGround), (onHatch, hatchStripe),
        ] + Band.allCases.map { (onBand($0), band($0)) }
    }

    /// Every role drawn as a shape or line that carries meaning, for the 3:1 non-text contrast check.
    static var meaningfulGraphics: [ChartPaint] { bands + [unscored, hatchStripe, axis, target, series, seriesDot] }

    /// The text role for `fills`: per mode, the ink whose lowest contrast over the fills is highest.
    static func textRole(_ name: String, on fills: [ChartPaint]) -> ChartPaint {
        func best(_ colors: [ChartColor]) -> ChartColor {
            inks.max { a, b in
                colors.map { a.contrastRatio(with: $0) }.min() ?? 0 < colors.map { b.contrastRatio(with: $0) }.min()
                    ?? 0
            } ?? text.light
        }
        return ChartPaint(name, .fill, light: best(fills.map(\.light)), dark: best(fills.map(\.dark)))
    }
}
