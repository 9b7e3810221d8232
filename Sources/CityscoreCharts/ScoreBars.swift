import CityscoreFormatting
import CityscoreModel

/// A city's scores as horizontal bars from 0 to 100 %, dimensions in bold with their categories
/// beneath, dashed lines at the band thresholds 33, 66 and 95 %, and the percent printed at the end
/// of each bar. Items without a score say why ("not scored", "not reported").
public struct ScoreBars: Sendable, Hashable {
    /// One bar and the bars beneath it.
    public typealias Item = ChartItem

    /// City name.
    public var city: String
    /// Top-level items (dimensions) with their children (categories).
    public var items: [ChartItem]
    /// How many levels of the tree to show (2: dimensions and categories).
    public var levels: Int
    /// Names of the levels, for the table and the words (`Dimension`, `Category`, `KPI`).
    public var levelNames: [String]

    /// Creates score bars.
    public init(
        city: String, items: [ChartItem], levels: Int = 2, levelNames: [String] = ["Dimension", "Category", "KPI"]
    ) {
        self.city = city
        self.items = items
        self.levels = levels
        self.levelNames = levelNames
    }

    static let width = 640.0
    static let barStart = 236.0
    static let barEnd = 560.0

    /// Bars of the top level are thicker than those beneath.
    static func barHeight(level: Int) -> Double { level == 0 ? 18 : 12 }

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        let text = ValueText(format: format, words: words)
        let rows = flatten(items, level: 0)
        var y = 30.0
        var layout: [(row: Row, y: Double, height: Double)] = []
        for row in rows {
            if row.level == 0 && !layout.isEmpty { y += 10 }
            let height = row.level == 0 ? 30.0 : 24.0
            layout.append((row, y, height))
            y += height
        }
        var w = SVGWriter(capacity: 2048 + 768 * rows.count)
        var frame = ChartFrame(
            id: id, kind: "bars", width: Self.width, height: 90, title: title(words), description: describe(rows, text))
        let scores = rows.map(\.item.score)
        let scale = LinearScale(domain: 0, 100, range: Self.barStart, Self.barEnd)

        if rows.isEmpty {
            w.label(text.words.noData, x: 320, y: 50, size: 13, paint: ChartPalette.muted, anchor: .middle)
            return frame.chart(body: w, table: table(rows, text), usesHatch: false)
        }
        for entry in layout {
            let barHeight = Self.barHeight(level: entry.row.level)
            let fill = entry.row.item.score == .notReported ? frame.fill(.notReported) : Fill(ChartPalette.track)
            w.rect(
                x: Self.barStart, y: entry.y + (entry.height - barHeight) / 2, width: Self.barEnd - Self.barStart,
                height: barHeight, fill: fill)
        }
        for threshold in Band.thresholds {
            w.line(x1: scale(threshold), y1: 22, x2: scale(threshold), y2: y, paint: ChartPalette.axis, dash: "3 3")
        }
        for threshold in Band.allCases.map(\.lowerBound) {
            w.label(
                text.percent(threshold, digits: 0), x: scale(threshold), y: 16, size: 11, paint: ChartPalette.muted,
                anchor: threshold == 0 ? .start : .middle)
        }
        for entry in layout { drawRow(entry.row, y: entry.y, height: entry.height, scale: scale, text: text, into: &w) }
        let legendHeight = Legend.draw(
            into: &w, frame: frame, x: 12, y: y + 18, width: Self.width - 24, scores: scores, words: text.words)
        frame.height = y + 18 + legendHeight + 8
        return frame.chart(body: w, table: table(rows, text), usesHatch: scores.contains(.notReported))
    }

    // MARK: - Rows

    private struct Row {
        var level: Int
        var item: ChartItem
        var path: [String]
    }

    private func flatten(_ items: [ChartItem], level: Int, path: [String] = []) -> [Row] {
        guard level < max(1, levels) else { return [] }
        return items.flatMap { item in
            [Row(level: level, item: item, path: path + [item.name])]
                + flatten(item.children, level: level + 1, path: path + [item.name])
        }
    }

    private func drawRow(
        _ row: Row, y: Double, height: Double, scale: LinearScale, text: ValueText, into w: inout SVGWriter
    ) {
        let bold = row.level == 0
        let size = bold ? 13.0 : 12.0
        let middle = y + height / 2
        let score = row.item.score
        w.start("g")
        w.element(
            "title",
            text: text.words(
                "chart_tooltip",
                ["name": row.path.joined(separator: text.words["chart_path_separator"]), "score": text.score(score)])
                + bandSuffix(score, text.words))
        let x = 12 + 14 * Double(min(row.level, 4))
        w.label(
            TextMetrics.fit(row.item.name, width: Self.barStart - 12 - x, size: size, bold: bold), x: x,
            y: TextMetrics.baseline(centredOn: middle, size: size), size: size, paint: ChartPalette.text, bold: bold)
        let barHeight = Self.barHeight(level: row.level)
        if let percent = score.percent, let band = score.band {
            let end = scale(min(max(percent, 0), 100))
            w.rect(
                x: Self.barStart, y: middle - barHeight / 2, width: end - Self.barStart, height: barHeight,
                fill: Fill(ChartPalette.band(band)))
            w.label(
                text.percent(percent, band: band), x: end + 6, y: TextMetrics.baseline(centredOn: middle, size: size),
                size: size,
                paint: ChartPalette.text, bold: bold)
        } else {
            let paint = score == .notReported ? ChartPalette.onHatch : ChartPalette.muted
            w.label(
                text.words.status(score), x: Self.barStart + 6, y: TextMetrics.baseline(centredOn: middle, size: 11),
                size: 11, paint: paint, halo: score == .notReported)
        }
        w.end()
    }

    private func bandSuffix(_ score: ChartScore, _ words: ChartWords) -> String { words.bandSuffix(score.band) }

    // MARK: - Words

    private func shownLevelNames(_ words: ChartWords) -> [String] {
        (0..<max(1, levels)).map { words.level($0, levelNames) }
    }

    private func title(_ words: ChartWords) -> String {
        words(
            "chart_title_scores_by",
            ["city": city, "levels": words.list(shownLevelNames(words).map { words.noun($0, 1) })])
    }

    private func describe(_ rows: [Row], _ text: ValueText) -> String {
        let words = text.words
        let top = rows.filter { $0.level == 0 }
        guard !top.isEmpty else { return words("chart_bars_none", ["city": city]) }
        var description = words(
            "chart_bars_summary",
            [
                "city": city,
                "list": words.list(
                    top.map {
                        words("chart_name_score", ["name": $0.item.name, "score": text.score($0.item.score)])
                            + bandSuffix($0.item.score, words)
                    }),
            ])
        let second = rows.filter { $0.level == 1 }
        let scored = second.filter { $0.item.score.percent != nil }
        let names = shownLevelNames(words)
        let noun = names.count > 1 ? names[1] : words["chart_item"]
        if let best = scored.max(by: { ($0.item.score.percent ?? 0) < ($1.item.score.percent ?? 0) }),
            let worst = scored.min(by: { ($0.item.score.percent ?? 0) < ($1.item.score.percent ?? 0) }),
            scored.count > 1
        {
            description +=
                words["chart_sentence_separator"]
                + words(
                    "chart_bars_extremes",
                    [
                        "noun": words.noun(noun, 1), "best": best.item.name, "best_score": text.score(best.item.score),
                        "worst": worst.item.name, "worst_score": text.score(worst.item.score),
                    ])
        }
        let unscored = second.count - scored.count
        if unscored > 0 {
            description +=
                words["chart_sentence_separator"]
                + words("chart_unscored", ["count": words.count(unscored, noun: noun, format: text.format)])
        }
        return description
    }

    private func table(_ rows: [Row], _ text: ValueText) -> DataTable {
        let names = shownLevelNames(text.words)
        return DataTable(
            caption: title(text.words),
            columns: names + [text.words["chart_column_score"], text.words["chart_column_band"]],
            rows: rows.map { row in
                (0..<names.count).map { $0 == row.level ? row.item.name : $0 < row.level ? row.path[$0] : "" } + [
                    text.score(row.item.score), row.item.score.band.map(text.words.band) ?? "",
                ]
            }, numericColumns: [names.count])
    }
}
