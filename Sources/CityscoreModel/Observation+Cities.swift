extension Array where Element == Observation {
    /// Each run of rows of one city, in order, with its city: one run per city when the rows are
    /// sorted by city, as validation sorts them; a city may have several runs otherwise.
    public func cityRuns() -> [(city: String, rows: Range<Int>)] {
        var runs: [(city: String, rows: Range<Int>)] = []
        var start = startIndex
        while start < endIndex {
            let city = self[start].city
            var end = start + 1
            while end < endIndex, self[end].city == city { end += 1 }
            runs.append((city, start..<end))
            start = end
        }
        return runs
    }

    /// The rows of `cities` (this array sorted by city, as validation sorts the rows), in the order
    /// of the array: found by halving for each city, or by looking at every row when they turn out
    /// not to be sorted around a city.
    public func rows(of cities: Set<String>) -> [Observation] {
        var ranges: [Range<Int>] = []
        for slug in cities.sorted() {
            let start = bound(slug, after: false)
            let end = bound(slug, after: true)
            let sorted =
                start <= end && (start == startIndex || self[start - 1].city < slug)
                && (end == endIndex || slug < self[end].city) && self[start..<end].allSatisfy { $0.city == slug }
            guard sorted else { return filter { cities.contains($0.city) } }
            ranges.append(start..<end)
        }
        return ranges.flatMap { self[$0] }
    }

    /// The first position whose city sorts after `slug` (`after`) or not before it.
    private func bound(_ slug: String, after: Bool) -> Int {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = low + (high - low) / 2
            let city = self[middle].city
            if after ? city <= slug : city < slug { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
