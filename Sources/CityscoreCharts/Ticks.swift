/// Tick marks of a value axis with labels that do not overlap and stay inside the drawing.
struct Ticks {
    var x: Double
    var label: String
    var labelX: Double
    var anchor: TextAnchor

    /// As many ticks as fit (from about `maxCount` down to 1) with a gap between labels; on a
    /// horizontal axis the end labels are aligned to stay within the scale's range, on a vertical
    /// one labels only need a line's height between them.
    static func fitting(
        scale: LinearScale, size: Double, unit: String, text: ValueText, maxCount: Int = 6, vertical: Bool = false
    ) -> [Ticks] {
        let left = min(scale.start, scale.end)
        let right = max(scale.start, scale.end)
        for count in stride(from: maxCount, through: 1, by: -1) {
            let values = scale.ticks(count: count)
            let digits = LinearScale.decimals(step: values.count > 1 ? values[1] - values[0] : 1)
            let ticks = values.map { value -> Ticks in
                let name =
                    ValueText.isPercent(unit)
                    ? text.percent(value, digits: digits) : text.format.number(value, maxFractionDigits: digits)
                let x = scale(value)
                if vertical { return Ticks(x: x, label: name, labelX: x, anchor: .end) }
                let width = TextMetrics.width(name, size: size)
                if x - width / 2 < left { return Ticks(x: x, label: name, labelX: max(x, left), anchor: .start) }
                if x + width / 2 > right { return Ticks(x: x, label: name, labelX: min(x, right), anchor: .end) }
                return Ticks(x: x, label: name, labelX: x, anchor: .middle)
            }
            let spacing = zip(ticks, ticks.dropFirst()).map { ($1.x - $0.x).magnitude }.min() ?? .infinity
            let fits = vertical ? spacing >= size * 1.6 : !overlaps(ticks, size: size)
            if count == 1 || fits { return ticks }
        }
        return []
    }

    private func extent(size: Double) -> (Double, Double) {
        let width = TextMetrics.width(label, size: size)
        switch anchor {
        case .start: return (labelX, labelX + width)
        case .middle: return (labelX - width / 2, labelX + width / 2)
        case .end: return (labelX - width, labelX)
        }
    }

    private static func overlaps(_ ticks: [Ticks], size: Double) -> Bool {
        zip(ticks, ticks.dropFirst()).contains { a, b in a.extent(size: size).1 + size > b.extent(size: size).0 }
    }
}
