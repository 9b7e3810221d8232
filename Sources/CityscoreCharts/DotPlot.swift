import CityscoreFormatting
import CityscoreModel

/// One KPI across cities: a dot per city on the KPI's scale, ranked best first (by direction),
/// each labelled with its value, with the target as a dashed line.
public struct DotPlot: Sendable, Hashable {
    /// One city's value.
    public struct Entry: Sendable, Hashable {
        /// City name.
        public var name: String
        /// The city's value (its latest).
        public var value: ObservedValue
        /// The value's band, to colour the dot; `nil` draws it in the neutral series colour.
        public var band: Band?
        /// Drawn in bold on a tinted background (the city the page is about).
        public var highlighted: Bool
        /// The value's cell as published (`97.00`), shown digit for digit; empty to format the number.
        public var published: String = ""

        /// Creates an entry.
        public init(name: String, value: ObservedValue, band: Band? = nil, highlighted: Bool = false) {
            self.name = name
            self.value = value
            self.band = band
            self.highlighted = highlighted
        }
    }

    /// KPI name.
    public var name: String
    /// Unit of the values.
    public var unit: String
    /// Whether higher or lower is better (ranks the cities), or yes-no.
    public var direction: Direction
    /// The benchmark target, drawn as a line.
    public var target: Double?
    /// Cities, in any order.
    public var entries: [Entry]
    /// Whether the cities are comparable and so ranked; when not, they are listed best first
    /// without ranks, and the description says why.
    public var rankable: Bool = true

    /// Creates a dot plot.
    public init(name: String, unit: String = "", direction: Direction, target: Double? = nil, entries: [Entry]) {
        self.name = name
        self.unit = unit
        self.direction = direction
        self.target = target
        self.entries = entries
    }

    static let width = 640.0
    static let rowHeight = 26.0
    static let top = 34.0

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        let text = ValueText(format: format, words: words)
        let ranked = self.ranked
        let rowsBottom = Self.top + Self.rowHeight * Double(ranked.count)
        let height = ranked.isEmpty ? 90 : rowsBottom + 52
        let frame = ChartFrame(
            id: id, kind: "dotplot", width: Self.width, height: height,
            title: words("chart_dotplot_title", ["name": name]),
            description: describe(ranked, text))
        var w = SVGWriter(capacity: 1024 + 1024 * ranked.count)
        guard !ranked.isEmpty else {
            w.label(text.words.noData, x: 320, y: 50, size: 13, paint: ChartPalette.muted, anchor: .middle)
            return frame.chart(body: w, table: table(ranked, text), usesHatch: false)
        }
        let nameWidth = min(170, ranked.map { TextMetrics.width($0.entry.name, size: 13, bold: true) }.max() ?? 60)
        let rankWidth = TextMetrics.width(String(ranked.count), size: 12) + 6
        let nameX = 12 + rankWidth + 6
        let x0 = nameX + nameWidth + 20
        let x1 = Self.width - 16
        let scale = valueScale(ranked, from: x0, to: x1)

        for (index, row) in ranked.enumerated() {
            let y = Self.top + Self.rowHeight * Double(index)
            if row.entry.highlighted {
                w.rect(x: 4, y: y, width: Self.width - 8, height: Self.rowHeight, fill: Fill(ChartPalette.highlight))
            }
            w.line(x1: x0, y1: y + Self.rowHeight / 2, x2: x1, y2: y + Self.rowHeight / 2, paint: ChartPalette.grid)
        }
        if let target = usableTarget, direction != .yesNo {
            let x = scale(target)
            w.line(x1: x, y1: Self.top - 6, x2: x, y2: rowsBottom, paint: ChartPalette.target, width: 1.5, dash: "6 4")
            let label = text.words("chart_target_value", ["value": text.value(target, unit: unit)])
            let labelWidth = TextMetrics.width(label, size: 11)
            w.label(
                label, x: min(max(x, x0 + labelWidth / 2), x1 - labelWidth / 2), y: Self.top - 12, size: 11,
                paint: ChartPalette.text, anchor: .middle)
        }
        for (index, row) in ranked.enumerated() {
            drawRow(
                row, y: Self.top + Self.rowHeight * Double(index), nameX: nameX, nameWidth: nameWidth,
                rankX: 12 + rankWidth, scale: scale, text: text, into: &w)
        }
        drawAxis(into: &w, scale: scale, y: rowsBottom + 4, text: text)
        return frame.chart(body: w, table: table(ranked, text), usesHatch: false)
    }

    // MARK: - Ranking

    private struct Ranked {
        var entry: Entry
        /// Position on the axis (yes = 1, no = 0), `nil` when not reported.
        var number: Double?
        /// Competition rank (ties share it), `nil` when not reported.
        var rank: Int?
    }

    private var usableTarget: Double? { LinearScale.usable(target) }

    private var ranked: [Ranked] {
        let numbered = entries.enumerated().map { index, entry -> (Int, Entry, Double?) in
            switch entry.value {
            case .number(let v) where v.isFinite: (index, entry, LinearScale.clamp(v))
            case .yesNo(let yes): (index, entry, yes ? 1 : 0)
            default: (index, entry, nil)
            }
        }
        let better: (Double, Double) -> Bool = direction == .lower ? { $0 < $1 } : { $0 > $1 }
        let sorted = numbered.sorted { a, b in
            switch (a.2, b.2) {
            case (let x?, let y?): x != y ? better(x, y) : a.0 < b.0
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.0 < b.0
            }
        }
        var result: [Ranked] = []
        for (position, item) in sorted.enumerated() {
            var rank: Int? = nil
            if let value = item.2, rankable {
                if let previous = result.last, previous.number == value {
                    rank = previous.rank
                } else {
                    rank = position + 1
                }
            }
            result.append(Ranked(entry: item.1, number: item.2, rank: rank))
        }
        return result
    }

    // MARK: - Drawing

    private func valueScale(_ ranked: [Ranked], from x0: Double, to x1: Double) -> LinearScale {
        if direction == .yesNo { return LinearScale(domain: -0.25, 1.25, range: x0, x1) }
        let values = ranked.compactMap(\.number) + (usableTarget.map { [$0] } ?? [])
        let lower = values.min() ?? 0
        let upper = values.max() ?? 1
        let pad = (upper - lower) * 0.05
        let nice = LinearScale.niceDomain(lower - pad, upper + pad, count: 5)
        return LinearScale(domain: nice.lower, nice.upper, range: x0, x1)
    }

    private func valueText(_ entry: Entry, _ text: ValueText) -> String {
        text.observed(entry.value, unit: unit, published: entry.published)
    }

    private func drawRow(
        _ row: Ranked, y: Double, nameX: Double, nameWidth: Double, rankX: Double, scale: LinearScale, text: ValueText,
        into w: inout SVGWriter
    ) {
        let middle = y + Self.rowHeight / 2
        let bold = row.entry.highlighted
        w.start("g")
        w.element(
            "title",
            text: text.words("chart_name_value", ["name": row.entry.name, "value": valueText(row.entry, text)])
                + text.words.bandSuffix(row.entry.band))
        w.label(
            row.rank.map { text.format.count($0) } ?? "", x: rankX,
            y: TextMetrics.baseline(centredOn: middle, size: 12), size: 12, paint: ChartPalette.muted, anchor: .end)
        w.label(
            TextMetrics.fit(row.entry.name, width: nameWidth, size: 13, bold: bold), x: nameX,
            y: TextMetrics.baseline(centredOn: middle, size: 13), size: 13, paint: ChartPalette.text, bold: bold)
        guard let number = row.number else {
            w.label(
                text.words.notReported, x: scale.start, y: TextMetrics.baseline(centredOn: middle, size: 12), size: 12,
                paint: ChartPalette.muted, halo: true)
            w.end()
            return
        }
        let x = scale(number)
        let fill = row.entry.band.map(ChartPalette.band) ?? ChartPalette.seriesDot
        let halo = ChartPalette.halo
        w.open("circle")
        w.attribute("class", fill.className, halo.className)
        w.attribute("cx", x)
        w.attribute("cy", middle)
        w.attribute("r", 6.5)
        w.attribute("fill", fill.light)
        w.attribute("stroke", halo.light)
        w.attribute("stroke-width", 1.5)
        w.closeEmpty()
        let label = valueText(row.entry, text)
        let labelWidth = TextMetrics.width(label, size: 12, bold: bold)
        let right = x + 11 + labelWidth <= Self.width - 4
        w.label(
            label, x: right ? x + 11 : x - 11, y: TextMetrics.baseline(centredOn: middle, size: 12), size: 12,
            paint: ChartPalette.text, anchor: right ? .start : .end, bold: bold, halo: true)
        w.end()
    }

    private func drawAxis(into w: inout SVGWriter, scale: LinearScale, y: Double, text: ValueText) {
        w.line(x1: scale.start, y1: y, x2: scale.end, y2: y, paint: ChartPalette.axis)
        let ticks: [Ticks]
        if direction == .yesNo {
            ticks = [(0.0, text.words.no), (1.0, text.words.yes)].map {
                Ticks(x: scale($0), label: $1, labelX: scale($0), anchor: .middle)
            }
        } else {
            ticks = Ticks.fitting(scale: scale, size: 11, unit: unit, text: text)
        }
        for tick in ticks {
            w.line(x1: tick.x, y1: y, x2: tick.x, y2: y + 4, paint: ChartPalette.axis)
            w.label(tick.label, x: tick.labelX, y: y + 17, size: 11, paint: ChartPalette.muted, anchor: tick.anchor)
        }
        let hint =
            text.words.hint(direction)
        w.label(
            hint, x: direction == .lower ? scale.start : scale.end, y: y + 36, size: 11, paint: ChartPalette.muted,
            anchor: direction == .lower ? .start : .end)
    }

    // MARK: - Words

    private func describe(_ ranked: [Ranked], _ text: ValueText) -> String {
        let format = text.format
        let words = text.words
        guard !ranked.isEmpty else { return words("chart_name_no_data", ["name": name]) }
        let reported = ranked.filter { $0.number != nil }
        let counted = words.counted(
            rankable ? "chart_dotplot_ranked" : "chart_dotplot_not_ranked", reported.count, format: format,
            ["name": name])
        var description =
            direction == .yesNo
            ? words("chart_dotplot_summary", ["text": counted])
            : words("chart_dotplot_summary_direction", ["text": counted, "direction": words.better(direction)])
        if let best = reported.first, let last = reported.last, reported.count > 1 {
            description +=
                words["chart_sentence_separator"]
                + words(
                    "chart_dotplot_best_last",
                    [
                        "best": best.entry.name, "best_value": valueText(best.entry, text), "last": last.entry.name,
                        "last_value": valueText(last.entry, text),
                    ])
        } else if let only = reported.first {
            description +=
                words["chart_sentence_separator"]
                + words.sentence(
                    words("chart_name_value", ["name": only.entry.name, "value": valueText(only.entry, text)]))
        }
        if let target = usableTarget, direction != .yesNo {
            let meeting = reported.filter { row in
                guard let v = row.number else { return false }
                return direction == .lower ? v <= target : v >= target
            }.count
            description +=
                words["chart_sentence_separator"]
                + words(
                    "chart_dotplot_meeting",
                    [
                        "target": text.value(target, unit: unit), "n": format.count(meeting),
                        "total": format.count(reported.count),
                    ])
        }
        let missing = ranked.count - reported.count
        if missing > 0 {
            description +=
                words["chart_sentence_separator"] + words.counted("chart_dotplot_missing", missing, format: format)
        }
        return description
    }

    private func table(_ ranked: [Ranked], _ text: ValueText) -> DataTable {
        let withBand = ranked.contains { $0.entry.band != nil }
        return DataTable(
            caption: text.words(
                rankable ? "chart_dotplot_caption" : "chart_dotplot_caption_not_ranked", ["name": name]),
            columns: ["rank", "city", "value"].map { text.words["chart_column_" + $0] }
                + (withBand ? [text.words["chart_column_band"]] : []),
            rows: ranked.map { row in
                [row.rank.map { text.format.count($0) } ?? "", row.entry.name, valueText(row.entry, text)]
                    + (withBand ? [row.entry.band.map(text.words.band) ?? ""] : [])
            }, numericColumns: [0, 2])
    }
}
