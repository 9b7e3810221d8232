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

    /// The rows of `cities` among `rows` (sorted by city, as validation sorts them), in the order
    /// of `rows`: found by halving for each city, or by looking at every row when they turn out
    /// not to be sorted around a city.
    static func rows(of cities: Set<String>, in rows: [Observation]) -> [Observation] {
        var ranges: [Range<Int>] = []
        for slug in cities.sorted() {
            let start = bound(slug, in: rows, after: false)
            let end = bound(slug, in: rows, after: true)
            let sorted =
                start <= end && (start == rows.startIndex || rows[start - 1].city < slug)
                && (end == rows.endIndex || slug < rows[end].city) && rows[start..<end].allSatisfy { $0.city == slug }
            guard sorted else { return rows.filter { cities.contains($0.city) } }
            ranges.append(start..<end)
        }
        return ranges.flatMap { rows[$0] }
    }

    /// The first position whose city sorts after `slug` (`after`) or not before it.
    private static func bound(_ slug: String, in rows: [Observation], after: Bool) -> Int {
        var (low, high) = (rows.startIndex, rows.endIndex)
        while low < high {
            let middle = low + (high - low) / 2
            let city = rows[middle].city
            if after ? city <= slug : city < slug { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
