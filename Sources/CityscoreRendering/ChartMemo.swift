import CityscoreCharts
import CityscoreConcurrency

/// The heat maps of every city drawn in the last render, kept by `serve` for the next: a heat map
/// whose rows and columns are the same as last time is taken as drawn then, not drawn again. An
/// edit of one city's value changes the scores of one dimension, so most of the maps of every city
/// (the other dimensions', the programme's earlier rounds, the programme report's) stay as they were.
/// The words and number format are fixed while the memory lives (a change of the theme, strings or
/// site.yml is `everything`, which starts an empty memo).
final class ChartMemo: Sendable {
    /// A heat map and the id it was drawn with: what the drawing is made from.
    struct Key: Sendable, Hashable {
        var map: HeatMap
        var id: String
    }

    /// The drawings of the last render.
    private let previous: [Key: Chart]
    /// The drawings of this render, used or made: the next render's `previous`.
    private let used = Locked<[Key: Chart]>([:])

    /// A memo that reuses the drawings of `previous` (those of the last render).
    init(previous: [Key: Chart] = [:]) { self.previous = previous }

    /// `map` drawn with `id`: last render's drawing when it had the same map and id, or `draw()`.
    func heatMap(_ map: HeatMap, id: String, draw: () -> Chart) -> Chart {
        let key = Key(map: map, id: id)
        let chart = previous[key] ?? draw()
        used.withLock { $0[key] = chart }
        return chart
    }

    /// The drawings of this render, for the next, with last render's of the ids not drawn this time
    /// (a page not made again): one drawing per id.
    var drawings: [Key: Chart] {
        let now = used.current
        let ids = Set(now.keys.map(\.id))
        return now.merging(previous.filter { !ids.contains($0.key.id) }) { new, _ in new }
    }
}

extension ChartBuilder {
    /// `map` drawn with `id`, taken from `memo` when the last render drew the same.
    func draw(_ map: HeatMap, id: String) -> Chart {
        guard let memo else { return map.render(id: id, format: format, words: words) }
        return memo.heatMap(map, id: id) { map.render(id: id, format: format, words: words) }
    }
}
