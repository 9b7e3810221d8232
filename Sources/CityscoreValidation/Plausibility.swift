import CityscoreDiagnostics
import CityscoreModel
import CityscoreText
import Foundation

/// Whether a reported figure can be true at all: a percentage between 0 and 100, a count, rate or
/// amount of 0 or more, a year that has begun. A KPI whose figures may go further (a growth rate, a
/// balance, losses beyond a year's GDP) says so in the framework's `range` column.
enum Plausibility {
    /// Whether `unit` names a percentage (``UnitResolver/isPercentage(_:)``).
    static func isPercentage(_ unit: String) -> Bool { UnitResolver.isPercentage(unit) }

    /// The values a figure of `kpi` in `unit` (the row's unit, or the KPI's when the row gives none)
    /// can take, and whether the framework said so itself.
    static func range(of kpi: KPI, unit: String) -> (range: ValueRange, fromFramework: Bool) {
        if let range = kpi.range { return (range, true) }
        return (UnitResolver.isPercentage(reported: unit, kpi: kpi) ? .percentage : .nonNegative, false)
    }

    /// What is wrong with `value` (written `text`) as a figure of `kpi`, or nil when it is possible.
    static func problem(_ value: Double, text: String, kpi: KPI, unit: String) -> (message: String, suggestion: String)?
    {
        let (range, fromFramework) = range(of: kpi, unit: unit)
        guard !range.contains(value) else { return nil }
        let suggestion =
            "check the value of \(kpi.code) (\(kpi.name)); if such a value is possible for this KPI, give it a range in the framework's range column (e.g. \"..\" for any value)"
        if fromFramework {
            return ("\(text) is not a possible value for \(kpi.name): the framework allows \(words(range))", suggestion)
        }
        if range == .percentage {
            return ("\(text) is not a possible \(share(of: kpi)) (a percentage must be between 0 and 100)", suggestion)
        }
        return (
            "\(text) is not a possible value for \(kpi.name) (a count, rate or amount cannot be below zero)", suggestion
        )
    }

    /// `share of households with Internet access` from a description that starts "Percentage of
    /// households with Internet access, …"; `percentage for <KPI name>` otherwise.
    static func share(of kpi: KPI) -> String {
        let prefix = "Percentage of "
        guard kpi.description.hasPrefix(prefix) else { return "percentage for \(kpi.name)" }
        let rest = kpi.description.dropFirst(prefix.count)
        let end = rest.firstIndex { $0 == "," || $0 == "." || $0 == ";" || $0 == "(" } ?? rest.endIndex
        let what = String(rest[..<end]).trimmingSpaces
        return what.isEmpty ? "percentage for \(kpi.name)" : "share of \(what)"
    }

    /// `0 to 1`, `0 or more`, `at most 100`, `any value`.
    static func words(_ range: ValueRange) -> String {
        switch (range.lower, range.upper) {
        case (let lower?, let upper?): "\(number(lower)) to \(number(upper))"
        case (let lower?, nil): "\(number(lower)) or more"
        case (nil, let upper?): "at most \(number(upper))"
        case (nil, nil): "any value"
        }
    }

    private static func number(_ value: Double) -> String {
        ValueRange(lower: value, upper: nil).text.replacingOccurrences(of: "..", with: "")
    }

    /// A `range` cell of the framework: `0..100`, `0..`, `..100`, `..`; nil when it is not one.
    static func parseRange(_ text: String) -> ValueRange? {
        guard let dots = text.range(of: "..") else { return nil }
        let lowerText = String(text[..<dots.lowerBound]).trimmingSpaces
        let upperText = String(text[dots.upperBound...]).trimmingSpaces
        var lower: Double?
        var upper: Double?
        if !lowerText.isEmpty {
            guard let value = Numbers.decimal(lowerText) else { return nil }
            lower = value
        }
        if !upperText.isEmpty {
            guard let value = Numbers.decimal(upperText) else { return nil }
            upper = value
        }
        if let lower, let upper, lower > upper { return nil }
        return ValueRange(lower: lower, upper: upper)
    }

    /// The calendar year now, in UTC: a row's year may not be later. (Used only to check input, so
    /// the output stays the same whatever the date.)
    static func currentYear(now: Date = Date()) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: now)
    }
}
