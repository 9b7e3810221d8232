import CityscoreFormatting
import CityscoreModel

/// A KPI's values across years with its target as a dashed line, full size (axes and labels) or
/// sparkline size (line, last dot and target only). One year gives a single dot and "one year only".
public struct TrendLine: Sendable, Hashable {
    /// One year's value.
    public struct Point: Sendable, Hashable {
        /// Four-digit year.
        public var year: Int
        /// The value of that year.
        public var value: Double

        /// Creates a point.
        public init(year: Int, value: Double) {
            self.year = year
            self.value = value
        }
    }

    /// How large the chart is drawn.
    public enum Size: Sendable, Hashable {
        /// A word-sized line for tables (160 × 40, no text but "one year only" / "no data").
        case sparkline
        /// A chart with axes, year labels and values (640 × 240).
        case full
    }

    /// KPI name.
    public var name: String
    /// Unit of the values.
    public var unit: String
    /// Whether higher or lower is better (says whether a change is an improvement).
    public var direction: Direction
    /// Values by year, in any order; later duplicates of a year win, non-finite values are left out.
    public var points: [Point]
    /// The target, drawn as a dashed line.
    public var target: Double?
    /// Full or sparkline size.
    public var size: Size

    /// Creates a trend line.
    public init(
        name: String, unit: String = "", direction: Direction = .higher, points: [Point], target: Double? = nil,
        size: Size = .full
    ) {
        self.name = name
        self.unit = unit
        self.direction = direction
        self.points = points
        self.target = target
        self.size = size
    }

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        let text = ValueText(format: format, words: words)
        let series = cleanPoints
        let table = DataTable(
            caption: usableTarget.map {
                words("chart_trend_caption_target", ["name": name, "target": text.value($0, unit: unit)])
            } ?? words("chart_trend_caption", ["name": name]),
            columns: [words["chart_column_year"], words["chart_column_value"]],
            rows: series.map { [String($0.year), text.value($0.value, unit: unit)] },
            numericColumns: [0, 1])
        return draw(id: id, series: series, text: text).chart(table: table)
    }

    /// Only the inline SVG of ``render(id:format:)`` (its ``Chart/svg``), for callers that need
    /// neither the standalone file nor the table.
    public func inlineSVG(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> String {
        draw(id: id, series: cleanPoints, text: ValueText(format: format, words: words)).inlineSVG
    }

    private func draw(id: String, series: [Point], text: ValueText) -> FramedDrawing {
        let isFull = size == .full
        let frame = ChartFrame(
            id: id, kind: isFull ? "trend" : "sparkline", width: isFull ? 640 : 160, height: isFull ? 240 : 40,
            title: text.words("chart_trend_title", ["name": name]), description: describe(series, text))
        var w = SVGWriter(capacity: isFull ? 4096 : 1024)
        if isFull {
            drawFull(into: &w, series: series, text: text)
        } else {
            drawSparkline(into: &w, series: series, words: text.words)
        }
        return FramedDrawing(frame: frame, body: w, usesHatch: false)
    }

    // MARK: - Data

    /// Finite points sorted by year, one per year (the last given).
    private var cleanPoints: [Point] {
        var byYear: [Int: Double] = [:]
        for point in points where point.value.isFinite { byYear[point.year] = LinearScale.clamp(point.value) }
        return byYear.keys.sorted().compactMap { year in byYear[year].map { Point(year: year, value: $0) } }
    }

    private var usableTarget: Double? { LinearScale.usable(target) }

    private func describe(_ series: [Point], _ text: ValueText) -> String {
        let words = text.words
        guard let first = series.first, let last = series.last else {
            return words("chart_name_no_data", ["name": name])
        }
        var values = [
            "name": name, "first": text.value(first.value, unit: unit), "first_year": String(first.year),
            "last": text.value(last.value, unit: unit), "last_year": String(last.year),
        ]
        var key: String
        if series.count == 1 {
            key = "chart_trend_one_year"
        } else if last.value == first.value {
            key = "chart_trend_stayed"
        } else {
            key = last.value > first.value ? "chart_trend_rose" : "chart_trend_fell"
            if direction != .yesNo {
                key += (last.value > first.value) == (direction == .higher) ? "_improvement" : "_decline"
            }
        }
        if let target = usableTarget {
            key += "_target"
            values["target"] = text.value(target, unit: unit)
        }
        return words(key, values)
    }

    // MARK: - Drawing

    private func yDomain(_ series: [Point]) -> (lower: Double, upper: Double) {
        let values = series.map(\.value) + (usableTarget.map { [$0] } ?? [])
        let lower = values.min() ?? 0
        let upper = values.max() ?? 1
        let pad = (upper - lower) * 0.08
        return (lower - pad, upper + pad)
    }

    private func xScale(_ series: [Point], from start: Double, to end: Double) -> LinearScale {
        let first = Double(series.first?.year ?? 0)
        let last = Double(series.last?.year ?? 0)
        return first == last
            ? LinearScale(domain: first - 1, first + 1, range: start, end)
            : LinearScale(domain: first, last, range: start, end)
    }

    private func drawLine(into w: inout SVGWriter, series: [Point], x: LinearScale, y: LinearScale, width: Double) {
        guard series.count > 1 else { return }
        var path = ""
        path.reserveCapacity(series.count * 16)
        for (index, point) in series.enumerated() {
            path += index == 0 ? "M" : " L"
            SVGNumber.append(x(Double(point.year)), to: &path)
            path += " "
            SVGNumber.append(y(point.value), to: &path)
        }
        let paint = ChartPalette.series
        w.open("path")
        w.attribute("class", paint.className)
        w.attribute("d", path)
        w.attribute("fill", "none")
        w.attribute("stroke", paint.light)
        w.attribute("stroke-width", width)
        w.attribute("stroke-linejoin", "round")
        w.attribute("stroke-linecap", "round")
        w.closeEmpty()
    }

    private func drawDot(into w: inout SVGWriter, x: Double, y: Double, radius: Double, title: String?) {
        let fill = ChartPalette.seriesDot
        let halo = ChartPalette.halo
        w.open("circle")
        w.attribute("class", fill.className, halo.className)
        w.attribute("cx", x)
        w.attribute("cy", y)
        w.attribute("r", radius)
        w.attribute("fill", fill.light)
        w.attribute("stroke", halo.light)
        w.attribute("stroke-width", 1.5)
        if let title {
            w.closeStart("circle")
            w.element("title", text: title)
            w.end()
        } else {
            w.closeEmpty()
        }
    }

    private func drawTarget(into w: inout SVGWriter, y: Double, from x0: Double, to x1: Double, width: Double) {
        w.line(x1: x0, y1: y, x2: x1, y2: y, paint: ChartPalette.target, width: width, dash: "6 4")
    }

    private func drawSparkline(into w: inout SVGWriter, series: [Point], words: ChartWords) {
        guard let last = series.last else {
            w.label(
                words.noData, x: 80, y: TextMetrics.baseline(centredOn: 20, size: 10), size: 10,
                paint: ChartPalette.muted, anchor: .middle)
            return
        }
        let domain = yDomain(series)
        let y = LinearScale(domain: domain.lower, domain.upper, range: 36, 4)
        if let target = usableTarget { drawTarget(into: &w, y: y(target), from: 2, to: 158, width: 1) }
        if series.count == 1 {
            drawDot(into: &w, x: 8, y: y(last.value), radius: 3.5, title: nil)
            w.label(
                words.oneYearOnly, x: 16, y: TextMetrics.baseline(centredOn: min(max(y(last.value), 10), 30), size: 10),
                size: 10, paint: ChartPalette.muted)
            return
        }
        let x = xScale(series, from: 5, to: 155)
        drawLine(into: &w, series: series, x: x, y: y, width: 1.5)
        drawDot(into: &w, x: x(Double(last.year)), y: y(last.value), radius: 3, title: nil)
    }

    private func drawFull(into w: inout SVGWriter, series: [Point], text: ValueText) {
        let hint =
            direction == .higher ? text.words.higherIsBetter : direction == .lower ? text.words.lowerIsBetter : ""
        w.label(hint, x: 628, y: 18, size: 11, paint: ChartPalette.muted, anchor: .end)
        let nameWidth = 616 - (hint.isEmpty ? 0 : TextMetrics.width(hint, size: 11) + 16)
        w.label(
            TextMetrics.fit(name, width: nameWidth, size: 14, bold: true), x: 12, y: 18, size: 14,
            paint: ChartPalette.text, bold: true)
        guard !series.isEmpty else {
            w.label(text.words.noData, x: 320, y: 124, size: 13, paint: ChartPalette.muted, anchor: .middle)
            return
        }
        let (top, bottom) = (44.0, 200.0)
        let raw = yDomain(series)
        let nice = LinearScale.niceDomain(raw.lower, raw.upper, count: 4)
        let probe = LinearScale(domain: nice.lower, nice.upper, range: bottom, top)
        let yTicks = Ticks.fitting(scale: probe, size: 11, unit: unit, text: text, maxCount: 5, vertical: true)
        let labelWidth = yTicks.map { TextMetrics.width($0.label, size: 11) }.max() ?? 0
        let left = 12 + labelWidth + 10
        let right = 600.0
        let y = probe
        let x = xScale(series, from: left + 16, to: right - 16)

        for tick in yTicks {
            w.line(x1: left, y1: tick.x, x2: right, y2: tick.x, paint: ChartPalette.grid)
            w.label(
                tick.label, x: left - 8, y: TextMetrics.baseline(centredOn: tick.x, size: 11), size: 11,
                paint: ChartPalette.muted, anchor: .end)
        }
        w.line(x1: left, y1: bottom, x2: right, y2: bottom, paint: ChartPalette.axis)
        drawYears(into: &w, series: series, x: x, y: bottom)
        if let target = usableTarget {
            drawTarget(into: &w, y: y(target), from: left, to: right, width: 1.5)
            w.label(
                text.words("chart_target_value", ["value": text.value(target, unit: unit)]), x: right, y: y(target) - 5,
                size: 11,
                paint: ChartPalette.text, anchor: .end, halo: true)
        }
        drawLine(into: &w, series: series, x: x, y: y, width: 2.5)
        let labelled =
            series.count <= 8
            ? Set(series.map(\.year)) : Set([series.first?.year, series.last?.year].compactMap { $0 })
        for point in series {
            let px = x(Double(point.year))
            let py = y(point.value)
            let valueText = text.value(point.value, unit: unit)
            drawDot(
                into: &w, x: px, y: py, radius: 4.5,
                title: text.words("chart_year_value", ["year": String(point.year), "value": valueText]))
            if labelled.contains(point.year) {
                w.label(
                    valueText, x: px, y: py - 10, size: 12, paint: ChartPalette.text, anchor: .middle, bold: true,
                    halo: true)
            }
        }
        if series.count == 1 {
            w.label(
                text.words.oneYearOnly, x: x(Double(series[0].year)), y: bottom - 10, size: 12,
                paint: ChartPalette.muted,
                anchor: .middle)
        }
    }

    private func drawYears(into w: inout SVGWriter, series: [Point], x: LinearScale, y: Double) {
        guard let first = series.first?.year, let last = series.last?.year else { return }
        let span = max(1, last - first)
        let spacing = (x.end - x.start) / Double(span)
        let every = max(1, Arithmetic.int(Arithmetic.ceil(40 / max(spacing, 1)), fallback: span))
        for year in stride(from: first, through: last, by: every) {
            let px = x(Double(year))
            w.line(x1: px, y1: y, x2: px, y2: y + 4, paint: ChartPalette.axis)
            w.label(String(year), x: px, y: y + 18, size: 11, paint: ChartPalette.muted, anchor: .middle)
        }
    }
}
