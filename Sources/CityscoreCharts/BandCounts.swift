import CityscoreFormatting
import CityscoreModel

/// How many cities reach each band, one stacked bar per row (a category, a data point): the
/// aggregate drawn instead of a heat map or dot plot of every city when a site has more cities
/// than one page lists. Its data table gives the counts and the spread (lowest, quartiles,
/// median, highest) of each row.
public struct BandCounts: Sendable, Hashable {
    /// One bar.
    public struct Row: Sendable, Hashable {
        /// Full name (table, tooltip, description).
        public var name: String
        /// Name drawn beside the bar.
        public var shortName: String
        /// Every city's score on this row.
        public var scores: [ChartScore]
        /// The values the spread columns summarise (reported values of an indicator); nil: the
        /// scored percentages.
        public var values: [Double]?

        /// Creates a row; `shortName` defaults to `name`.
        public init(name: String, shortName: String? = nil, scores: [ChartScore], values: [Double]? = nil) {
            self.name = name
            self.shortName = shortName ?? name
            self.scores = scores
            self.values = values
        }
    }

    /// What is counted (a dimension's or an indicator's name).
    public var title: String
    /// The heading of the rows' column in the data table (Category, Data point).
    public var rowHeading: String
    /// The bars, in the order given.
    public var rows: [Row]
    /// The unit of `Row.values`, printed after each spread value ("" for none).
    public var unit = ""

    /// Creates the chart.
    public init(title: String, rowHeading: String, rows: [Row]) {
        self.title = title
        self.rowHeading = rowHeading
        self.rows = rows
    }

    static let width = 640.0
    static let labelWidth = 200.0
    static let barStart = 220.0
    static let barEnd = 628.0
    static let rowHeight = 28.0

    /// What a bar is split into: the bands best first, then each kind of absence.
    static let kinds: [ChartScore] =
        Band.allCases.reversed().map { .scored(percent: $0.lowerBound, band: $0) } + ChartScore.absences

    /// The position of `score`'s kind in ``kinds``.
    static func kind(_ score: ChartScore) -> Int {
        if let band = score.band { return Band.allCases.count - band.rawValue }
        return Band.allCases.count + (ChartScore.absences.firstIndex(of: score) ?? ChartScore.absences.count - 1)
    }

    /// Counts by ``kinds`` of each row.
    var counts: [[Int]] {
        rows.map { row in
            var out = Array(repeating: 0, count: Self.kinds.count)
            for score in row.scores { out[Self.kind(score)] += 1 }
            return out
        }
    }

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        let text = ValueText(format: format, words: words)
        let counts = self.counts
        var frame = ChartFrame(
            id: id, kind: "bandcounts", width: Self.width, height: 90,
            title: words("chart_bandcounts_title", ["title": title]), description: describe(counts, format, words))
        var w = SVGWriter(capacity: 2048 + 1024 * rows.count)
        let total = rows.map(\.scores.count).max() ?? 0
        guard !rows.isEmpty, total > 0 else {
            w.label(words.noData, x: Self.width / 2, y: 50, size: 13, paint: ChartPalette.muted, anchor: .middle)
            return frame.chart(body: w, table: table(counts, text), usesHatch: false)
        }
        let top = 30.0
        w.label(format.count(0), x: Self.barStart, y: 16, size: 11, paint: ChartPalette.muted, anchor: .start)
        w.label(
            words.counted("chart_count_city", total, format: format), x: Self.barEnd, y: 16, size: 11,
            paint: ChartPalette.muted, anchor: .end)
        let scale = LinearScale(domain: 0, Double(total), range: Self.barStart, Self.barEnd)
        var used = Set<Int>()
        for (index, row) in rows.enumerated() {
            let y = top + Self.rowHeight * Double(index)
            w.start("g")
            w.element("title", text: row.name)
            w.label(
                TextMetrics.fit(row.shortName, width: Self.labelWidth, size: 12), x: 12,
                y: TextMetrics.baseline(centredOn: y + Self.rowHeight / 2, size: 12), size: 12,
                paint: ChartPalette.text)
            w.end()
            var x = Self.barStart
            for (k, count) in counts[index].enumerated() where count > 0 {
                used.insert(k)
                let score = Self.kinds[k]
                let width = scale(Double(count)) - Self.barStart
                w.start("g")
                w.element(
                    "title",
                    text: words(
                        "chart_bandcounts_tooltip",
                        [
                            "row": row.name, "count": words.counted("chart_count_city", count, format: format),
                            "status": words.status(score),
                        ]))
                w.rect(x: x, y: y + 4, width: width, height: Self.rowHeight - 8, fill: frame.fill(score))
                if width >= 24 {
                    w.label(
                        format.count(count), x: x + width / 2,
                        y: TextMetrics.baseline(centredOn: y + Self.rowHeight / 2, size: 11), size: 11,
                        paint: score.ink, anchor: .middle, bold: true)
                }
                w.end()
                x += width
            }
        }
        let bottom = top + Self.rowHeight * Double(rows.count)
        let shown = used.sorted().map { Self.kinds[$0] }
        let legendHeight = Legend.draw(
            into: &w, frame: frame, x: 12, y: bottom + 18, width: Self.width - 24, scores: shown, words: words)
        frame.height = bottom + 18 + legendHeight + 8
        return frame.chart(body: w, table: table(counts, text), usesHatch: shown.contains(.notReported))
    }

    private func describe(_ counts: [[Int]], _ format: NumberFormat, _ words: ChartWords) -> String {
        let total = rows.map(\.scores.count).max() ?? 0
        guard !rows.isEmpty, total > 0 else { return words("chart_name_no_data", ["name": title]) }
        var description = words(
            "chart_bandcounts_summary",
            [
                "title": title, "cities": words.counted("chart_count_city", total, format: format),
            ])
        let top = counts.map { $0[0] }.reduce(0, +)
        let scored = counts.map { $0.prefix(Band.allCases.count).reduce(0, +) }.reduce(0, +)
        if scored > 0 {
            description +=
                words["chart_sentence_separator"]
                + words(
                    "chart_bandcounts_top",
                    ["n": format.count(top), "total": format.count(scored), "band": words.band(.four)])
        }
        return description
    }

    /// The quartiles of sorted `values` (lowest, lower quartile, median, upper quartile, highest),
    /// by linear interpolation between the closest ranks.
    static func spread(_ sorted: [Double]) -> [Double] {
        guard let first = sorted.first, let last = sorted.last else { return [] }
        func quantile(_ q: Double) -> Double {
            let position = q * Double(sorted.count - 1)
            let low = Int(position.rounded(.down))
            let high = min(low + 1, sorted.count - 1)
            return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
        }
        return [first, quantile(0.25), quantile(0.5), quantile(0.75), last]
    }

    private func table(_ counts: [[Int]], _ text: ValueText) -> DataTable {
        let words = text.words
        let spreadColumns = ["min", "q1", "median", "q3", "max"].map { words["chart_column_\($0)"] }
        let columns = [rowHeading] + Self.kinds.map { words.status($0) } + spreadColumns
        let suffix = unit.isEmpty ? "" : " " + unit
        return DataTable(
            caption: words("chart_bandcounts_title", ["title": title]), columns: columns,
            rows: zip(rows, counts).map { row, counts in
                let spread: [String]
                if let values = row.values {
                    spread = Self.spread(values.filter(\.isFinite).sorted()).map { text.format.number($0) + suffix }
                } else {
                    spread = Self.spread(row.scores.compactMap(\.percent).sorted()).map { text.percent($0) }
                }
                return [row.name] + counts.map { text.format.count($0) }
                    + (spread.isEmpty ? Array(repeating: "–", count: 5) : spread)
            },
            numericColumns: Array(1..<columns.count))
    }
}
