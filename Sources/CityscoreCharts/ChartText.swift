import CityscoreFormatting
import CityscoreModel
import CityscoreText

/// The words of drawings, tables and descriptions: the theme's `chart_*`, `noun_*` and `band_*`
/// strings of one language, passed in by the caller. Charts compose no text of their own: every
/// sentence is a template of the strings file with named placeholders, every counted phrase has its
/// CLDR plural forms (`chart_count_city_one`, `chart_count_city_other`).
public struct ChartWords: Sendable, Hashable {
    /// Text by key, as in `strings/<language>.yml`.
    public var table: [String: String]
    /// The plural rule of the language.
    public var plurals: PluralRule
    /// Lowercased singular and plural of each level name (`Category` → `category`, `categories`),
    /// from the `noun_<key>`, `noun_<key>_one` and `noun_<key>_other` strings.
    private var nounForms: [String: [String]]

    /// The words of `table` (the merged strings of one language), counted by the rule of `language`.
    public init(_ table: [String: String], language: String) {
        self.table = table.filter {
            $0.key.hasPrefix("chart_") || $0.key.hasPrefix("noun_") || $0.key.hasPrefix("band_")
        }
        plurals = PluralRule(language: language)
        var forms: [String: [String]] = [:]
        for (key, name) in table where key.hasPrefix("noun_") && !key.hasSuffix("_one") && !key.hasSuffix("_other") {
            forms[name] = [table[key + "_one"] ?? name, table[key + "_other"] ?? name]
        }
        nounForms = forms
    }

    /// The text of `key`, or the key itself (visible, so a missing string is noticed).
    subscript(_ key: String) -> String { table[key] ?? key }

    /// The template `key` filled in.
    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String { Template.fill(self[key], values) }

    /// The counted phrase `key` for `n` (`chart_count_city` → "1 city", "3 cities"), `{n}` being the
    /// number in the caller's format; a missing plural form falls back to `key_other`.
    func counted(_ key: String, _ n: Int, format: NumberFormat, _ values: [String: String] = [:]) -> String {
        let form = key + "_" + plurals.category(n).rawValue
        let template = table[form] ?? self[key + "_other"]
        return Template.fill(template, values.merging(["n": format.count(n)]) { a, _ in a })
    }

    var notScored: String { self["chart_not_scored"] }
    var notReported: String { self["chart_not_reported"] }
    var missing: String { self["chart_missing"] }
    var notApplicable: String { self["chart_not_applicable"] }
    var noTarget: String { self["chart_no_target"] }
    var noData: String { self["chart_no_data"] }
    var oneYearOnly: String { self["chart_one_year_only"] }
    var target: String { self["chart_target"] }
    var yes: String { self["chart_yes"] }
    var no: String { self["chart_no"] }
    var higherIsBetter: String { self["chart_higher_is_better"] }
    var lowerIsBetter: String { self["chart_lower_is_better"] }

    /// The band's name ("95 %+ of target").
    func band(_ band: Band) -> String { self["band_\(band.rawValue)"] }

    /// Why an item has no band, or its band's name.
    func status(_ score: ChartScore) -> String {
        switch score {
        case .scored(_, let band): self.band(band)
        case .notReported: notReported
        case .missing: missing
        case .notApplicable: notApplicable
        case .noTarget: noTarget
        case .notScored: notScored
        }
    }

    /// The mark a legend swatch carries for a kind of absence.
    func mark(_ score: ChartScore) -> String {
        switch score {
        case .notReported: self["chart_mark_not_reported"]
        case .notApplicable: self["chart_mark_not_applicable"]
        case .missing: self["chart_mark_missing"]
        default: self["chart_mark_other"]
        }
    }

    /// The direction hint beside an axis ("higher is better →"), empty for yes-no KPIs.
    func hint(_ direction: Direction) -> String {
        direction == .higher ? self["chart_hint_higher"] : direction == .lower ? self["chart_hint_lower"] : ""
    }

    /// "higher is better" or "lower is better".
    func better(_ direction: Direction) -> String { direction == .lower ? lowerIsBetter : higherIsBetter }

    /// How many of `scores` are absent, by kind: "8 not reported by the city, 104 no value in this
    /// site's data"; empty when none is.
    func absences(_ scores: [ChartScore], format: NumberFormat) -> String {
        list(
            ChartScore.absences.compactMap { kind in
                let n = scores.filter { $0 == kind }.count
                return n > 0 ? counted("chart_absence", n, format: format, ["status": status(kind)]) : nil
            })
    }

    /// "a", "a and b", "a, b and c".
    func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return self(
            "chart_list_last",
            ["first": items.dropLast().joined(separator: self["chart_list_separator"]), "last": last])
    }

    /// The name of level `index` (`Dimension`), or "Level 4" beyond the names given.
    func level(_ index: Int, _ names: [String]) -> String {
        index < names.count ? names[index] : self("chart_level", ["n": String(index + 1)])
    }

    /// A level name as a noun in running text, in the form for `n` ("category", "categories").
    func noun(_ name: String, _ n: Int) -> String {
        let forms = nounForms[name] ?? [name, name]
        return plurals.category(n) == .one ? forms[0] : forms[1]
    }

    /// A level name as a plural noun in running text ("categories").
    func nouns(_ name: String) -> String { nounForms[name]?.last ?? name }

    /// "3 categories", with the noun of the level `name`.
    func count(_ n: Int, noun name: String, format: NumberFormat) -> String {
        self("chart_count_noun", ["n": format.count(n), "noun": noun(name, n)])
    }

    /// " (95 %+ of target)" after a score, empty without a band.
    func bandSuffix(_ band: Band?) -> String { band.map { self("chart_band_suffix", ["band": self.band($0)]) } ?? "" }

    /// The sentence ending: "… ." without doubling a final full stop.
    func sentence(_ text: String) -> String {
        let end = self["chart_sentence_end"]
        return text.hasSuffix(end) ? text : text + end
    }
}

/// Numbers and values as the charts print them, always through the caller's ``NumberFormat``.
struct ValueText {
    var format: NumberFormat
    var words: ChartWords

    /// `71.4 %`, never rounded into another band than `band` (by default the band of `value`).
    func percent(_ value: Double, band: Band? = nil, digits: Int = 1) -> String {
        format.percent(value, band: band, maxFractionDigits: digits)
    }

    /// `71.4 %`, or the reason there is none (`not reported`).
    func score(_ score: ChartScore, digits: Int = 1) -> String {
        if let percent = score.percent { return self.percent(percent, band: score.band, digits: digits) }
        return words.status(score)
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
        case .number(let number): number.isFinite ? value(number, unit: unit, published: published) : words.notReported
        case .yesNo(let yes): yes ? words.yes : words.no
        case .notReported: words.notReported
        case .notApplicable: words.notApplicable
        }
    }

    /// Whether a unit means percent (`%`, `percent`, `Percentage`).
    static func isPercent(_ unit: String) -> Bool { UnitResolver.isPercentWord(unit) }
}
