import CityscoreFormatting
import CityscoreModel

/// Shared weaknesses of a programme, ranked: one horizontal bar per KPI (or category), as long as
/// the number of cities in band 1 or 2 on it, split into band 1 and band 2 in their band colours,
/// with how many of those cities act on it and how many cities reach band 4 printed beside it.
public struct WeaknessBars: Sendable, Hashable {
    /// One ranked row.
    public struct Row: Sendable, Hashable {
        /// Full name (table, tooltip).
        public var name: String
        /// Cities in band 1.
        public var bandOne: Int
        /// Cities in band 2.
        public var bandTwo: Int
        /// Of the weak cities, how many have an action on it.
        public var acting: Int
        /// Cities in band 4 (whom to learn from).
        public var strong: Int
        /// Cities scored on it.
        public var scored: Int

        /// Creates a row.
        public init(name: String, bandOne: Int, bandTwo: Int, acting: Int, strong: Int, scored: Int) {
            self.name = name
            self.bandOne = bandOne
            self.bandTwo = bandTwo
            self.acting = acting
            self.strong = strong
            self.scored = scored
        }

        /// Cities in band 1 or 2.
        public var weak: Int { bandOne + bandTwo }
    }

    /// What is ranked (`Shared weaknesses by KPI`).
    public var title: String
    /// Rows, most shared first, in the order given.
    public var rows: [Row]
    /// Cities in the programme: the length of a full bar.
    public var cities: Int

    /// Creates the chart.
    public init(title: String, rows: [Row], cities: Int) {
        self.title = title
        self.rows = rows
        self.cities = cities
    }

    static let width = 640.0
    static let labelWidth = 230.0
    static let barStart = 248.0
    static let barEnd = 470.0
    static let rowHeight = 26.0

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        var frame = ChartFrame(
            id: id, kind: "weakness", width: Self.width, height: 90, title: title,
            description: describe(format, words))
        var w = SVGWriter(capacity: 2048 + 640 * rows.count)
        guard !rows.isEmpty, cities > 0 else {
            w.label(words.noData, x: Self.width / 2, y: 50, size: 13, paint: ChartPalette.muted, anchor: .middle)
            return frame.chart(body: w, table: table(format, words), usesHatch: false)
        }
        let scale = LinearScale(domain: 0, Double(cities), range: Self.barStart, Self.barEnd)
        let top = 30.0
        let bottom = top + Self.rowHeight * Double(rows.count)
        w.label(format.count(0), x: Self.barStart, y: 16, size: 11, paint: ChartPalette.muted, anchor: .start)
        w.label(
            words.counted("chart_count_city", cities, format: format), x: Self.barEnd, y: 16, size: 11,
            paint: ChartPalette.muted, anchor: .end)
        w.line(x1: Self.barStart, y1: 22, x2: Self.barStart, y2: bottom, paint: ChartPalette.axis)
        for (index, row) in rows.enumerated() {
            let y = top + Self.rowHeight * Double(index)
            w.start("g")
            w.element("title", text: tooltip(row, format, words))
            w.label(
                TextMetrics.fit(row.name, width: Self.labelWidth, size: 12), x: 12,
                y: TextMetrics.baseline(centredOn: y + Self.rowHeight / 2, size: 12), size: 12,
                paint: ChartPalette.text)
            w.rect(
                x: Self.barStart, y: y + 4, width: Self.barEnd - Self.barStart, height: Self.rowHeight - 8,
                fill: Fill(ChartPalette.track))
            var x = Self.barStart
            for (band, count) in [(Band.one, row.bandOne), (Band.two, row.bandTwo)] where count > 0 {
                let width = scale(Double(count)) - Self.barStart
                w.rect(x: x, y: y + 4, width: width, height: Self.rowHeight - 8, fill: Fill(ChartPalette.band(band)))
                if width >= 16 {
                    w.label(
                        format.count(count), x: x + width / 2,
                        y: TextMetrics.baseline(centredOn: y + Self.rowHeight / 2, size: 11), size: 11,
                        paint: ChartPalette.onBand(band), anchor: .middle, bold: true)
                }
                x += width
            }
            w.label(
                words(
                    "chart_weakness_beside", ["acting": format.count(row.acting), "strong": format.count(row.strong)]),
                x: Self.barEnd + 8, y: TextMetrics.baseline(centredOn: y + Self.rowHeight / 2, size: 11), size: 11,
                paint: ChartPalette.muted)
            w.end()
        }
        // Legend: the two band colours and what the words beside the bars mean.
        var lx = 12.0
        let ly = bottom + 18
        for band in [Band.one, Band.two] {
            w.rect(x: lx, y: ly, width: 14, height: 14, fill: Fill(ChartPalette.band(band)))
            w.label(
                String(band.rawValue), x: lx + 7, y: ly + 11, size: 10, paint: ChartPalette.onBand(band),
                anchor: .middle, bold: true)
            let name = words("chart_weakness_band", ["n": String(band.rawValue), "band": words.band(band)])
            w.label(name, x: lx + 20, y: ly + 11, size: 11, paint: ChartPalette.text)
            lx += 20 + TextMetrics.width(name, size: 11) + 16
        }
        w.label(
            words("chart_weakness_key", ["band": words.band(.four)]), x: 12, y: ly + 32, size: 11,
            paint: ChartPalette.muted)
        frame.height = ly + 44
        return frame.chart(body: w, table: table(format, words), usesHatch: false)
    }

    private func tooltip(_ row: Row, _ format: NumberFormat, _ words: ChartWords) -> String {
        words(
            "chart_weakness_tooltip",
            [
                "name": row.name, "weak": format.count(row.weak), "scored": format.count(row.scored),
                "one": format.count(row.bandOne), "acting": format.count(row.acting),
                "strong": words.counted("chart_count_city", row.strong, format: format), "band": words.band(.four),
            ])
    }

    private func describe(_ format: NumberFormat, _ words: ChartWords) -> String {
        guard let first = rows.first else { return words("chart_name_no_data", ["name": title]) }
        var text = words(
            "chart_weakness_description",
            [
                "title": title, "cities": words.counted("chart_count_city", cities, format: format),
                "name": first.name, "weak": format.count(first.weak), "scored": format.count(first.scored),
                "acting": format.count(first.acting),
            ])
        if first.strong > 0 {
            text += words(
                "chart_weakness_strong",
                ["strong": words.counted("chart_count_city", first.strong, format: format), "band": words.band(.four)])
        }
        text = words.sentence(text)
        let unattended = rows.filter { $0.acting == 0 }.count
        if unattended > 0 {
            text +=
                words["chart_sentence_separator"]
                + words.sentence(
                    words(
                        "chart_weakness_unattended",
                        [
                            "count": words.counted("chart_count_shared_weakness", unattended, format: format),
                            "total": format.count(rows.count),
                        ]))
        }
        return text
    }

    private func table(_ format: NumberFormat, _ words: ChartWords) -> DataTable {
        DataTable(
            caption: title,
            columns: [
                "chart_column_name", "chart_column_weak", "chart_column_band_one", "chart_column_band_two",
                "chart_column_acting", "chart_column_band_four", "chart_column_scored",
            ].map { words[$0] },
            rows: rows.map {
                [
                    $0.name, format.count($0.weak), format.count($0.bandOne), format.count($0.bandTwo),
                    format.count($0.acting), format.count($0.strong), format.count($0.scored),
                ]
            },
            numericColumns: [1, 2, 3, 4, 5, 6])
    }
}
