import CityscoreCharts
import CityscoreConcurrency
import CityscoreModel

/// What one render made last for a city's pages, kept for the city's other pages: its benchmarking
/// wheel (drawn for its page, shown again by its printed report) and its KPI rows (made for its
/// dimension pages, listed again by its report). Pages are rendered city by city
/// (``SiteRenderer/cityByCity(_:)``), so a city's report comes a few pages after the pages that made
/// what it takes, and a shelf of a few cities' things is enough: the oldest goes when a new one
/// comes. A thing is kept under what it is made from (or what fixes it within the render), so what
/// the shelf gives is what `make()` would make; the words and number format are those of the
/// render's language, fixed while the shelf lives.
final class Shelf<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// How many things the shelf keeps.
    let capacity: Int

    private struct Kept {
        var order: [Key] = []
        var values: [Key: Value] = [:]
    }

    private let kept = Locked(Kept())

    init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`: the one on the shelf, or `make()`'s, put on the shelf.
    func value(_ key: Key, make: () -> Value) -> Value {
        if let value = kept.withLock({ $0.values[key] }) { return value }
        // Made outside the lock: two threads may make the same value, and both make the same.
        let value = make()
        kept.withLock { kept in
            guard kept.values.updateValue(value, forKey: key) == nil else { return }
            kept.order.append(key)
            if kept.order.count > capacity { kept.values[kept.order.removeFirst()] = nil }
        }
        return value
    }
}

/// The wheels of the last few cities rendered.
typealias WheelShelf = Shelf<BenchmarkWheel, Chart>

/// How many cities' things a shelf keeps.
private let shelvedCities = 8

extension WheelShelf {
    /// A shelf for the wheels of `shelvedCities` cities.
    static func wheels() -> WheelShelf { WheelShelf(capacity: shelvedCities) }
}

/// An item of a city, as a row of its pages.
struct RowKey: Hashable, Sendable {
    var city: String
    var kpi: String
    var datapoint: String?
}

/// The KPI rows of the last few cities rendered.
typealias RowShelf = Shelf<RowKey, Made<ItemRow>>

extension RowShelf {
    /// A shelf for the rows of `shelvedCities` cities, each with an item per KPI and data point of `kpis`.
    static func rows(of kpis: [KPI]) -> RowShelf {
        RowShelf(capacity: shelvedCities * kpis.reduce(0) { $0 + $1.itemDatapoints.count })
    }
}
