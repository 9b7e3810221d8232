import CityscoreModel
import CityscoreScoring

/// The unit a scored item is shown with, from ``UnitResolver`` (the one unit resolver).
enum Units {
    /// The unit of an item: the one reported with the latest value, else the framework's.
    static func resolve(_ item: ItemScore) -> String {
        UnitResolver.resolve(reported: item.latest?.unit ?? "", kpi: item.kpi)
    }

    /// The framework's unit as a value's unit (``UnitResolver/shown(_:)``).
    static func framework(_ unit: String) -> String { UnitResolver.shown(unit) }
}
