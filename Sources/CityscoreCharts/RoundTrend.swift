import CityscoreFormatting
import CityscoreModel

/// A city's scores across its evaluation rounds: one small panel per dimension with the score of
/// each round as a dot in its band's colour, joined by a line, over the band thresholds. The data
/// table gives every dimension and category per round.
public struct RoundTrend: Sendable, Hashable {
    /// One dimension (or category): its score in each round, in the order of ``rounds``.
    public struct Series: Sendable, Hashable {
        /// Full name.
        public var name: String
        /// One score per round.
        public var scores: [ChartScore]
        /// The categories of a dimension (in the table only).
        public var children: [Series]

        /// Creates a series.
        public init(name: String, scores: [ChartScore], children: [Series] = []) {
            self.name = name
            self.scores = scores
            self.children = children
        }
    }

    /// City name.
    public var city: String
    /// The rounds' labels (years), oldest first.
    public var rounds: [Int]
    /// The dimensions, each with its categories.
    public var series: [Series]
    /// Names of the two levels (`Dimension`, `Category`); empty: the nouns of the strings file.
    public var levelNames: [String]

    /// Creates a round trend.
    public init(city: String, rounds: [Int], series: [Series], levelNames: [String] = []) {
        self.city = city
        self.rounds = rounds
        self.series = series
        self.levelNames = levelNames
    }

    static let width = 640.0
    static let top = 44.0
    static let bottom = 164.0
    /// Room left of each panel's plot for the thresholds' labels.
    static let gutter = 30.0

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        let text = ValueText(format: format, words: words)
        let frame = ChartFrame(
            id: id, kind: "rounds", width: Self.width, height: 200, title: title(words), description: describe(text))
        var w = SVGWriter(capacity: 2048 + 1024 * series.count)
        if series.isEmpty || rounds.isEmpty {
            w.label(words.noData, x: 320, y: 100, size: 13, paint: ChartPalette.muted, anchor: .middle)
        }
        let panelWidth = (Self.width - 24) / Double(max(series.count, 1))
        for (index, dimension) in series.enumerated() {
            drawPanel(dimension, x0: 12 + Double(index) * panelWidth, width: panelWidth, text: text, into: &w)
        }
        return frame.chart(body: w, table: table(text), usesHatch: false)
    }

    private func drawPanel(_ dimension: Series, x0: Double, width: Double, text: ValueText, into w: inout SVGWriter) {
        let left = x0 + 8
        let right = x0 + width - 8
        w.label(
            TextMetrics.fit(dimension.name, width: right - left, size: 13, bold: true), x: (left + right) / 2, y: 18,
            size: 13, paint: ChartPalette.text, anchor: .middle, bold: true)
        let y = LinearScale(domain: 0, 100, range: Self.bottom, Self.top)
        // The band thresholds, labelled in the gutter left of the plot so the dashed lines say what
        // they are (33 %, 66 %, 95 % of target).
        let plot = left + Self.gutter
        w.line(x1: plot, y1: Self.bottom, x2: right, y2: Self.bottom, paint: ChartPalette.axis)
        for threshold in Band.thresholds {
            w.line(x1: plot, y1: y(threshold), x2: right, y2: y(threshold), paint: ChartPalette.grid, dash: "3 3")
            w.label(
                text.percent(threshold, digits: 0), x: plot - 3,
                y: TextMetrics.baseline(centredOn: y(threshold), size: 10), size: 10, paint: ChartPalette.muted,
                anchor: .end)
        }
        let x: (Int) -> Double = { index in
            self.rounds.count == 1
                ? (plot + right) / 2 : plot + 16 + Double(index) * (right - plot - 32) / Double(self.rounds.count - 1)
        }
        let points = dimension.scores.prefix(rounds.count).enumerated().compactMap { index, score in
            score.percent.map { (x: x(index), y: y(min(max($0, 0), 100))) }
        }
        w.seriesLine(through: points, width: 2)
        for (index, round) in rounds.enumerated() {
            let px = x(index)
            w.label(
                String(round), x: px, y: Self.bottom + 18, size: 11, paint: ChartPalette.muted, anchor: .middle)
            let score = index < dimension.scores.count ? dimension.scores[index] : .notScored
            guard let percent = score.percent, let band = score.band else {
                w.label(
                    text.words["chart_mark_other"], x: px,
                    y: TextMetrics.baseline(centredOn: Self.bottom - 10, size: 11), size: 11,
                    paint: ChartPalette.muted, anchor: .middle)
                continue
            }
            let py = y(min(max(percent, 0), 100))
            w.seriesDot(
                x: px, y: py, radius: 5, fill: ChartPalette.band(band),
                title: text.words(
                    "chart_rounds_tooltip",
                    ["name": dimension.name, "round": String(round), "score": text.score(score)])
                    + text.words.bandSuffix(band))
            w.label(
                text.percent(percent, band: band, digits: 0), x: px, y: py - 10, size: 11, paint: ChartPalette.text,
                anchor: .middle, halo: true)
        }
    }

    // MARK: - Words

    private func title(_ words: ChartWords) -> String { words("chart_rounds_title", ["city": city]) }

    private func describe(_ text: ValueText) -> String {
        let words = text.words
        guard let first = rounds.first, let last = rounds.last, !series.isEmpty else {
            return words("chart_rounds_none", ["city": city])
        }
        let span =
            first == last ? String(first) : words("chart_rounds_span", ["first": String(first), "last": String(last)])
        let parts = series.map { dimension -> String in
            let scored = zip(rounds, dimension.scores).filter { $0.1.percent != nil }
            guard let start = scored.first, let end = scored.last else {
                return words("chart_rounds_not_scored", ["name": dimension.name])
            }
            if start.0 == end.0 {
                return words(
                    "chart_rounds_only", ["name": dimension.name, "score": text.score(end.1), "round": String(end.0)])
            }
            let (from, to) = (start.1.band ?? .one, end.1.band ?? .one)
            let moved = from == to ? "" : words[to > from ? "chart_rounds_up" : "chart_rounds_down"]
            return words(
                "chart_rounds_moved",
                [
                    "name": dimension.name, "from": text.score(start.1), "first": String(start.0),
                    "to": text.score(end.1), "last": String(end.0), "moved": moved,
                ])
        }
        return words(
            "chart_rounds_description",
            [
                "city": city, "span": span,
                "rounds": words.counted("chart_count_round", rounds.count, format: text.format),
            ]) + words["chart_sentence_separator"] + words.sentence(words.list(parts))
    }

    private func table(_ text: ValueText) -> DataTable {
        let words = text.words
        let defaults = [words["noun_dimension"], words["noun_category"]]
        let names = (0..<2).map { $0 < levelNames.count ? levelNames[$0] : defaults[$0] }
        var rows: [[String]] = []
        for dimension in series {
            rows.append([dimension.name, ""] + rounds.indices.map { cell(dimension, $0, text) })
            for category in dimension.children {
                rows.append([dimension.name, category.name] + rounds.indices.map { cell(category, $0, text) })
            }
        }
        return DataTable(
            caption: title(words), columns: names + rounds.map(String.init), rows: rows,
            numericColumns: Array(2..<(2 + rounds.count)))
    }

    private func cell(_ series: Series, _ index: Int, _ text: ValueText) -> String {
        index < series.scores.count ? text.score(series.scores[index]) : text.words.status(.notScored)
    }
}
