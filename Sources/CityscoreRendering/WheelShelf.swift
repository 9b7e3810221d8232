import CityscoreCharts
import CityscoreConcurrency

/// The benchmarking wheels drawn last in one render, so that a city's printed report takes the wheel
/// its page drew instead of drawing the same 112 segments again (a wheel is about a tenth of a
/// city's rendering). A wheel is kept under what it is drawn from, so a wheel taken from the shelf
/// is the drawing `draw()` would make; the words and number format are those of the render's
/// language, fixed while the shelf lives. Pages are rendered city by city
/// (``SiteRenderer/cityByCity(_:)``), so a city's report comes a few pages after its page and a
/// few wheels on the shelf are enough.
final class WheelShelf: Sendable {
    /// How many wheels the shelf keeps: the oldest goes when a new one comes.
    static let capacity = 8

    private struct Shelf {
        var order: [BenchmarkWheel] = []
        var charts: [BenchmarkWheel: Chart] = [:]
    }

    private let shelf = Locked(Shelf())

    /// The wheel drawn from `wheel`: the one on the shelf, or `draw()`'s, put on the shelf.
    func chart(_ wheel: BenchmarkWheel, draw: () -> Chart) -> Chart {
        if let kept = shelf.withLock({ $0.charts[wheel] }) { return kept }
        // Drawn outside the lock: two threads may draw the same wheel, and both draw the same.
        let chart = draw()
        shelf.withLock { shelf in
            guard shelf.charts.updateValue(chart, forKey: wheel) == nil else { return }
            shelf.order.append(wheel)
            if shelf.order.count > Self.capacity { shelf.charts[shelf.order.removeFirst()] = nil }
        }
        return chart
    }
}
