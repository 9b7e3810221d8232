import CityscoreFormatting
import CityscoreModel
import CityscoreText

/// The fixed words of drawings, tables and descriptions, in one place so they can be translated.
enum Words {
    // The four kinds of absence, in the words of the theme's strings (status_* in en.yml).
    static let notScored = "not scored"
    static let notReported = "not reported by the city"
    static let missing = "no value in this site's data"
    static let notApplicable = "not applicable"
    static let noTarget = "reported, no benchmark or target"
    static let noData = "no data"
    static let oneYearOnly = "one year only"
    static let target = "target"
    static let yes = "Yes"
    static let no = "No"
    static let higherIsBetter = "higher is better"
    static let lowerIsBetter = "lower is better"

    /// Why an item has no band, or its band's name.
    static func status(_ score: ChartScore) -> String {
        switch score {
        case .scored(_, let band): band.name
        case .notReported: notReported
        case .missing: missing
        case .notApplicable: notApplicable
        case .noTarget: noTarget
        case .notScored: notScored
        }
    }

    /// The mark a legend swatch carries for a kind of absence.
    static func mark(_ score: ChartScore) -> String {
        switch score {
        case .notReported: "NR"
        case .notApplicable: "/"
        case .missing: "·"
        default: "–"
        }
    }

    /// How many of `scores` are absent, by kind: "8 not reported by the city, 104 no value in this
    /// site's data"; empty when none is.
    static func absences(_ scores: [ChartScore], format: NumberFormat) -> String {
        list(
            ChartScore.absences.compactMap { kind in
                let n = scores.filter { $0 == kind }.count
                return n > 0 ? format.count(n) + " " + status(kind) : nil
            })
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// "1 KPI", "3 KPIs".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil, format: NumberFormat) -> String {
        format.count(n) + " " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// English plural of a level name, lowercased: "Category" → "categories", "KPI" → "KPIs".
    static func plural(_ noun: String) -> String {
        let lower = noun == noun.uppercased() ? noun : noun.lowercased()
        if lower.hasSuffix("y") && !lower.hasSuffix("ey") { return lower.dropLast() + "ies" }
        return lower + "s"
    }

    /// Lowercased unless an acronym: "Category" → "category", "KPI" → "KPI".
    static func lower(_ noun: String) -> String { noun == noun.uppercased() ? noun : noun.lowercased() }

    /// The sentence ending: "… ." without doubling a final full stop.
    static func sentence(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }
}

/// Numbers and values as the charts print them, always through the caller's ``NumberFormat``.
struct ValueText {
    var format: NumberFormat

    /// `71.4 %`, never rounded into another band than `band` (by default the band of `value`).
    func percent(_ value: Double, band: Band? = nil, digits: Int = 1) -> String {
        format.percent(value, band: band, maxFractionDigits: digits)
    }

    /// `71.4 %`, or the reason there is none (`not reported`).
    func score(_ score: ChartScore, digits: Int = 1) -> String {
        if let percent = score.percent { return self.percent(percent, band: score.band, digits: digits) }
        return Words.status(score)
    }

    /// A value with its unit: `97 %`, `12.5 t CO2e`, `1,200`; `published` is the value's cell as
    /// written, shown digit for digit (`97.00 %`, `0.001 %`).
    func value(_ value: Double, unit: String, published: String = "") -> String {
        let number = format.published(published) ?? format.number(value)
        if Self.isPercent(unit) { return number + format.percentSpacing + "%" }
        let trimmed = unit.trimmingSpaces
        return trimmed.isEmpty ? number : number + "\u{00A0}" + trimmed
    }

    /// A reported value (`97 %`, `Yes`) or `not reported`; `published` as in ``value(_:unit:published:)``.
    func observed(_ observed: ObservedValue, unit: String, published: String = "") -> String {
        switch observed {
        case .number(let number): number.isFinite ? value(number, unit: unit, published: published) : Words.notReported
        case .yesNo(let yes): yes ? Words.yes : Words.no
        case .notReported: Words.notReported
        case .notApplicable: Words.notApplicable
        }
    }

    /// Whether a unit means percent (`%`, `percent`, `Percentage`).
    static func isPercent(_ unit: String) -> Bool { UnitResolver.isPercentWord(unit) }
}
