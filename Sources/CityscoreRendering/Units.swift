import Foundation
import CityscoreModel
import CityscoreScoring

/// The one unit resolver: the unit a value is shown with.
enum Units {
    /// The unit of an item: the one reported with the latest value, else the framework's.
    static func resolve(_ item: ItemScore) -> String {
        let reported = item.latest?.unit ?? ""
        return reported.isEmpty ? framework(item.kpi.unit) : reported
    }

    /// The framework's unit as a value's unit: percent words become `%` (`Percentage` and
    /// `Percentage (of city labour force)` → `%`, `Percentage of city GDP` → `% of city GDP`), an
    /// explanation in brackets is left to the indicator page, and words that are no unit of a
    /// number (`Yes or No`, `Number`) give none. Any other unit is used as it is.
    static func framework(_ unit: String) -> String {
        var text = unit.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
            text = String(text[..<open]).trimmingCharacters(in: .whitespaces)
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
}
