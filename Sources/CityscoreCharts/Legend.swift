import CityscoreModel

/// The key of band colours: a swatch with the band's number (the second cue) and its name, then
/// "not scored" and "not reported" when the chart has such items.
enum Legend {
    static let size = 12.0
    static let rowHeight = 22.0

    /// Draws the legend in rows from (`x`, `y`) within `width`, with "not scored" and "not
    /// reported" only when `scores` has such items; returns the height used.
    static func draw(
        into w: inout SVGWriter, frame: ChartFrame, x: Double, y: Double, width: Double, scores: [ChartScore],
        words: ChartWords
    ) -> Double {
        var items: [(swatch: ChartScore, mark: String, label: String)] = Band.allCases.map {
            (.scored(percent: $0.lowerBound, band: $0), String($0.rawValue), words.band($0))
        }
        // Each kind of absence the chart has, under its own name.
        for kind in ChartScore.absences where scores.contains(kind) {
            items.append((kind, words.mark(kind), words.status(kind)))
        }
        var cx = x
        var cy = y
        for item in items {
            let itemWidth = 22 + TextMetrics.width(item.label, size: size)
            if cx > x && cx + itemWidth > x + width {
                cx = x
                cy += rowHeight
            }
            w.rect(x: cx, y: cy, width: 16, height: 16, fill: frame.fill(item.swatch), radius: 2)
            w.label(
                item.mark, x: cx + 8, y: TextMetrics.baseline(centredOn: cy + 8, size: 10), size: 10,
                paint: item.swatch.ink, anchor: .middle, bold: true)
            w.label(
                item.label, x: cx + 22, y: TextMetrics.baseline(centredOn: cy + 8, size: size), size: size,
                paint: ChartPalette.text)
            cx += itemWidth + 16
        }
        return cy - y + rowHeight
    }
}
