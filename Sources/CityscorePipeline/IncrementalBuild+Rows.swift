import CityscoreModel

extension IncrementalBuild {
    /// The cities whose rows differ between `old` and `new`, compared place by place when both
    /// hold as many rows (an edit that corrects values: the rows not edited are the very same, so
    /// most comparisons are of one reference): each place that differs names the cities of both
    /// its rows, which is every city whose rows changed, and perhaps a few more (rows moved). Nil
    /// when the counts differ.
    static func differingInPlace<Row: Equatable>(_ old: [Row], _ new: [Row], city: (Row) -> String) -> Set<String>? {
        guard old.count == new.count else { return nil }
        var changed = Set<String>()
        for i in old.indices where old[i] != new[i] {
            changed.insert(city(old[i]))
            changed.insert(city(new[i]))
        }
        return changed
    }

    /// The rows of `cities` among `rows` (sorted by city, as validation sorts them), in their order.
    static func rows(of cities: Set<String>, in rows: [Observation]) -> [Observation] { rows.rows(of: cities) }
}
