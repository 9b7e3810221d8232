import CityscoreText

/// The one unit resolver: which unit a value is shown and checked with, and whether it is a
/// percentage. Rendering, charts and the plausibility check all ask it (docs/data-formats.md,
/// "unit").
public enum UnitResolver {
    /// The unit of a value: the one its row reports, else the framework's (as ``shown(_:)`` makes it).
    public static func resolve(reported: String, kpi: KPI) -> String {
        reported.isEmpty ? shown(kpi.unit) : reported
    }

    /// The framework's unit as a value's unit: percent words become `%` (`Percentage` and
    /// `Percentage (of city labour force)` → `%`, `Percentage of city GDP` → `% of city GDP`), an
    /// explanation in brackets is left to the indicator page, and words that are no unit of a
    /// number (`Yes or No`, `Number`) give none. Any other unit is used as it is.
    public static func shown(_ unit: String) -> String {
        var text = unit.trimmingSpaces
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
            text = String(text[..<open]).trimmingSpaces
        }
        let lower = text.lowercased()
        if ["yes or no", "yes/no", "number", "percentage and number"].contains(lower) { return "" }
        for word in ["percentage", "percent", "per cent"] where lower.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            if rest.isEmpty { return "%" }
            if rest.first == " " { return "%" + rest }
        }
        return text
    }

    /// Whether a value of `kpi` given in `reported` (its row's unit, empty for none) is a percentage:
    /// the row's unit decides, else the framework's.
    public static func isPercentage(reported: String, kpi: KPI) -> Bool {
        isPercentage(reported.isEmpty ? kpi.unit : reported)
    }

    /// Whether `unit` (a row's or the framework's) names a share of 100: `%`, `% of city GDP`,
    /// `Percentage`, `Percentage (of city labour force)`, `Percentage of city GDP`; not a unit that
    /// names another unit too (`Percentage and Number`) nor `percentage points`.
    public static func isPercentage(_ unit: String) -> Bool {
        let shown = shown(unit)
        return shown == "%" || shown.hasPrefix("% of ") || unit.trimmingSpaces.hasPrefix("%")
    }

    /// Whether `unit` is one word for percent and nothing else (`%`, `percent`, `per cent`,
    /// `Percentage`, any case, spaces around): a value in it is written `97 %`.
    public static func isPercentWord(_ unit: String) -> Bool {
        // Every percent word starts with `%` or `p` once trimmed and lowercased: most units are told
        // apart by their first byte.
        if let first = unit.utf8.first, first < 0x80, !String.isASCIIWhitespace(first),
            first != UInt8(ascii: "%"), first != UInt8(ascii: "p"), first != UInt8(ascii: "P")
        {
            return false
        }
        switch unit.trimmingSpaces.lowercased() {
        case "%", "percent", "per cent", "percentage": return true
        default: return false
        }
    }
}
