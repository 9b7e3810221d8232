import CityscoreFormatting
import CityscoreModel

/// Cities (rows) by categories (columns) of one dimension: each cell coloured by its band with the
/// percent printed in it, grey with "–" where nothing is scored.
public struct HeatMap: Sendable, Hashable {
    /// A column header; a string literal is a column with that name.
    public struct Column: Sendable, Hashable, ExpressibleByStringLiteral {
        /// Full name (tooltips, table, description).
        public var name: String
        /// Name for the rotated header in the drawing.
        public var shortName: String

        /// Creates a column; `shortName` defaults to `name`.
        public init(name: String, shortName: String? = nil) {
            self.name = name
            self.shortName = shortName ?? name
        }

        /// A column named by a string literal.
        public init(stringLiteral name: String) { self.init(name: name) }
    }

    /// One city's cells, in column order.
    public struct Row: Sendable, Hashable {
        /// City name.
        public var name: String
        /// Scores by column; missing cells count as not scored, extra ones are ignored.
        public var cells: [ChartScore]
        /// Drawn in bold on a tinted background (the city the page is about).
        public var highlighted: Bool

        /// Creates a row.
        public init(name: String, cells: [ChartScore], highlighted: Bool = false) {
            self.name = name
            self.cells = cells
            self.highlighted = highlighted
        }
    }

    /// What the columns belong to (a dimension name).
    public var title: String
    /// Column headers (categories).
    public var columns: [Column]
    /// Rows (cities), in the order given.
    public var rows: [Row]

    /// Creates a heat map.
    public init(title: String, columns: [Column], rows: [Row]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    static let rowHeight = 30.0
    static let headerSize = 12.0
    static let maxHeaderWidth = 150.0

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        let text = ValueText(format: format, words: words)
        let cells = rows.map { row in columns.indices.map { $0 < row.cells.count ? row.cells[$0] : .notScored } }
        let labelWidth = min(180, max(60, rows.map { TextMetrics.width($0.name, size: 13, bold: true) }.max() ?? 60))
        let left = 12 + labelWidth + 10
        let cellWidth = columns.isEmpty ? 60 : min(88, max(48, (628 - left - 40) / Double(columns.count)))
        let headerWidths = columns.map {
            min(Self.maxHeaderWidth, TextMetrics.width($0.shortName, size: Self.headerSize))
        }
        // Headers are rotated 45°: their height and overhang to the right follow from their width.
        let headerHeight = 16 + (headerWidths.max() ?? 0) * 0.7071
        let top = headerHeight + 6
        let gridRight = left + cellWidth * Double(columns.count)
        var overhang = gridRight
        for (index, headerWidth) in headerWidths.enumerated() {
            let centre: Double = left + cellWidth * (Double(index) + 0.5)
            overhang = max(overhang, centre + headerWidth * 0.7071 + 8)
        }
        let width = max(640, gridRight + 12, overhang)
        let gridBottom = top + Self.rowHeight * Double(rows.count)

        let all = cells.flatMap { $0 }
        let empty = rows.isEmpty || columns.isEmpty
        var frame = ChartFrame(
            id: id, kind: "heatmap", width: width, height: 90, title: words("chart_heatmap_title", ["title": title]),
            description: describe(cells, text))
        var w = SVGWriter(capacity: 2048 + 512 * (columns.count + 1) * (rows.count + 1))
        if empty {
            w.label(text.words.noData, x: width / 2, y: 50, size: 13, paint: ChartPalette.muted, anchor: .middle)
            return frame.chart(body: w, table: table(cells, text), usesHatch: false)
        }
        for (index, column) in columns.enumerated() {
            let x = left + cellWidth * (Double(index) + 0.5)
            w.start("g")
            w.element("title", text: column.name)
            w.label(
                TextMetrics.fit(column.shortName, width: Self.maxHeaderWidth, size: Self.headerSize), x: x - 4,
                y: top - 8, size: Self.headerSize, paint: ChartPalette.text,
                transform: SVGTransform.rotate(-45, about: x - 4, top - 8))
            w.end()
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + Self.rowHeight * Double(rowIndex)
            if row.highlighted {
                w.rect(x: 4, y: y, width: gridRight - 4 + 4, height: Self.rowHeight, fill: Fill(ChartPalette.highlight))
            }
            w.start("g")
            w.element("title", text: row.name)
            w.label(
                TextMetrics.fit(row.name, width: labelWidth, size: 13, bold: row.highlighted), x: 12,
                y: TextMetrics.baseline(centredOn: y + Self.rowHeight / 2, size: 13), size: 13,
                paint: ChartPalette.text, bold: row.highlighted)
            w.end()
            for (columnIndex, score) in cells[rowIndex].enumerated() {
                let x = left + cellWidth * Double(columnIndex)
                let tooltip =
                    text.words(
                        "chart_heatmap_tooltip",
                        ["row": row.name, "column": columns[columnIndex].name, "score": text.score(score)])
                    + text.words.bandSuffix(score.band)
                w.start("g")
                w.element("title", text: tooltip)
                w.rect(
                    x: x + 1, y: y + 1, width: cellWidth - 2, height: Self.rowHeight - 2, fill: frame.fill(score),
                    radius: 2)
                let label = score.percent.map { text.percent($0, band: score.band, digits: 0) } ?? "–"
                w.label(
                    TextMetrics.fit(label, width: cellWidth - 6, size: 12), x: x + cellWidth / 2,
                    y: TextMetrics.baseline(centredOn: y + Self.rowHeight / 2, size: 12), size: 12, paint: score.ink,
                    anchor: .middle, bold: true)
                w.end()
            }
        }
        let legendHeight = Legend.draw(
            into: &w, frame: frame, x: 12, y: gridBottom + 18, width: width - 24, scores: all, words: text.words)
        frame.height = gridBottom + 18 + legendHeight + 8
        return frame.chart(body: w, table: table(cells, text), usesHatch: all.contains(.notReported))
    }

    private func describe(_ cells: [[ChartScore]], _ text: ValueText) -> String {
        let words = text.words
        guard !rows.isEmpty, !columns.isEmpty else { return words("chart_name_no_data", ["name": title]) }
        let format = text.format
        var description = words(
            "chart_heatmap_summary",
            [
                "title": title, "cities": words.counted("chart_count_city", rows.count, format: format),
                "categories": words.counted("chart_count_category", columns.count, format: format),
            ])
        var scored: [(row: Int, column: Int, percent: Double)] = []
        for (r, row) in cells.enumerated() {
            for (c, score) in row.enumerated() { if let p = score.percent { scored.append((r, c, p)) } }
        }
        let top = scored.filter { $0.percent >= Band.four.lowerBound }.count
        if !scored.isEmpty {
            description +=
                words["chart_sentence_separator"]
                + words(
                    "chart_heatmap_top",
                    ["n": format.count(top), "total": format.count(scored.count), "band": words.band(.four)])
        }
        if let best = scored.max(by: { $0.percent < $1.percent }),
            let worst = scored.min(by: { $0.percent < $1.percent }), scored.count > 1
        {
            description +=
                words["chart_sentence_separator"]
                + words(
                    "chart_heatmap_extremes",
                    [
                        "best_row": rows[best.row].name, "best_column": columns[best.column].name,
                        "best": text.percent(best.percent), "worst_row": rows[worst.row].name,
                        "worst_column": columns[worst.column].name, "worst": text.percent(worst.percent),
                    ])
        }
        let unscored = rows.count * columns.count - scored.count
        if unscored > 0 {
            description +=
                words["chart_sentence_separator"]
                + words("chart_unscored", ["count": words.counted("chart_count_cell", unscored, format: format)])
        }
        return description
    }

    private func table(_ cells: [[ChartScore]], _ text: ValueText) -> DataTable {
        DataTable(
            caption: text.words("chart_heatmap_title", ["title": title]),
            columns: [text.words["chart_column_city"]] + columns.map(\.name),
            rows: zip(rows, cells).map { row, scores in [row.name] + scores.map { text.score($0) } },
            numericColumns: Array(columns.indices.map { $0 + 1 }))
    }
}
