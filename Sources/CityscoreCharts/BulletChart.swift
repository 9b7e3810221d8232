import CityscoreFormatting
import CityscoreModel

/// One KPI's latest value against its target, on the KPI's own unit scale: a bar for the value
/// (coloured by its band), a strip of band regions beneath it, and a line at the target. Yes-no
/// KPIs are drawn as a Yes/No pair with the answer filled. The compact size fits a table row:
/// band strip, value bar and target tick only (a filled or empty dot with the word for yes-no).
public struct BulletChart: Sendable, Hashable {
    /// How large the chart is drawn.
    public enum Size: Sendable, Hashable {
        /// A row-sized chart for KPI tables (240 × 28, no title, axis or legend text).
        case compact
        /// A chart with the KPI name, a summary line, the target label and axis ticks (640 wide).
        case full
    }

    /// KPI name.
    public var name: String
    /// Unit of value and target (`%` and `percentage` print as percent).
    public var unit: String
    /// Whether higher or lower is better, or yes-no.
    public var direction: Direction
    /// The value shown (usually the latest year's).
    public var value: ObservedValue
    /// The target the value is scored against, when there is one.
    public var target: Double?
    /// The year of the value.
    public var year: Int?
    /// Full or compact size.
    public var size: Size
    /// The item's score as the scoring gave it; without one, the chart asks ``Scorer`` itself.
    public var score: ChartScore?
    /// The value's cell as published (`97.00`), shown digit for digit; empty to format the number.
    public var published: String

    /// Creates a bullet chart.
    public init(
        name: String, unit: String = "", direction: Direction, value: ObservedValue, target: Double? = nil,
        year: Int? = nil, size: Size = .full, score: ChartScore? = nil, published: String = ""
    ) {
        self.score = score
        self.published = published
        self.name = name
        self.unit = unit
        self.direction = direction
        self.value = value
        self.target = target
        self.year = year
        self.size = size
    }

    static let width = 640.0
    static let margin = 12.0

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        let text = ValueText(format: format, words: words)
        return draw(id: id, text: text).chart(table: table(text))
    }

    /// Only the inline SVG of ``render(id:format:)`` (its ``Chart/svg``), for callers that need
    /// neither the standalone file nor the table.
    public func inlineSVG(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> String {
        draw(id: id, text: ValueText(format: format, words: words)).inlineSVG
    }

    private func draw(id: String, text: ValueText) -> FramedDrawing {
        if size == .compact { return drawCompact(id: id, text: text) }
        let height = isYesNo ? 86.0 : 112.0
        let frame = ChartFrame(
            id: id, kind: "bullet", width: Self.width, height: height, title: name, description: describe(text))
        var w = SVGWriter(capacity: 4096)
        let hint =
            text.words.hint(direction)
        let hintWidth = TextMetrics.width(hint, size: 11)
        w.label(hint, x: Self.width - Self.margin, y: 18, size: 11, paint: ChartPalette.muted, anchor: .end)
        let nameWidth = Self.width - 2 * Self.margin - (hint.isEmpty ? 0 : hintWidth + 16)
        w.label(
            TextMetrics.fit(name, width: nameWidth, size: 14, bold: true), x: Self.margin, y: 18, size: 14,
            paint: ChartPalette.text, bold: true)
        w.label(
            TextMetrics.fit(summary(text), width: Self.width - 2 * Self.margin, size: 12), x: Self.margin, y: 38,
            size: 12, paint: ChartPalette.text)
        if isYesNo {
            drawYesNo(into: &w, answer: yesNoAnswer, words: text.words)
        } else {
            drawScale(into: &w, frame: frame, text: text)
        }
        return FramedDrawing(frame: frame, body: w, usesHatch: value == .notReported && !isYesNo)
    }

    // MARK: - Reading the input

    private var isYesNo: Bool {
        if direction == .yesNo { return true }
        if case .yesNo = value { return true }
        return false
    }

    private var yesNoAnswer: Bool? {
        switch value {
        case .yesNo(let yes): yes
        case .number(let number) where isYesNo && number.isFinite: number != 0
        default: nil
        }
    }

    private var number: Double? {
        if case .number(let number) = value { return LinearScale.usable(number) }
        return nil
    }

    private var usableTarget: Double? { LinearScale.usable(target) }

    private var achievement: (percent: Double, band: Band)? {
        if let score {
            if let percent = score.percent, let band = score.band { return (percent, band) }
            return nil
        }
        if isYesNo { return yesNoAnswer.flatMap { Achievement.of(.yesNo($0), target: nil, direction: .yesNo) } }
        return number.flatMap { Achievement.of(.number($0), target: usableTarget, direction: direction) }
    }

    // MARK: - Words

    private func summary(_ text: ValueText) -> String {
        let words = text.words
        var parts = [observedInYear(text)]
        if !isYesNo {
            parts.append(
                usableTarget.map { words("chart_target_value", ["value": text.value($0, unit: unit)]) }
                    ?? words.noTarget)
        }
        if let achievement { parts.append(words.band(achievement.band)) }
        return parts.joined(separator: words["chart_summary_separator"])
    }

    /// "97 % in 2020", or the value alone without a year.
    private func observedInYear(_ text: ValueText) -> String {
        let observed = text.observed(value, unit: unit, published: published)
        return year.map { text.words("chart_value_in_year", ["value": observed, "year": String($0)]) } ?? observed
    }

    private func describe(_ text: ValueText) -> String {
        let words = text.words
        let subject = words("chart_name_value", ["name": name, "value": observedInYear(text)])
        if isYesNo {
            guard let achievement else { return words.sentence(subject) }
            return words.sentence(
                words(
                    "chart_bullet_yes_no_scored",
                    [
                        "subject": subject, "percent": text.percent(achievement.percent, band: achievement.band),
                        "band": words.band(achievement.band),
                    ]))
        }
        var sentence =
            usableTarget.map {
                words(
                    "chart_bullet_target",
                    ["subject": subject, "target": text.value($0, unit: unit), "direction": words.better(direction)])
            } ?? words("chart_bullet_no_target", ["subject": subject])
        if let achievement {
            sentence +=
                words["chart_sentence_separator"]
                + words(
                    "chart_bullet_share",
                    [
                        "percent": text.percent(achievement.percent, band: achievement.band),
                        "band": words.band(achievement.band),
                    ])
        }
        return sentence
    }

    private func table(_ text: ValueText) -> DataTable {
        DataTable(
            caption: text.words("chart_bullet_caption", ["name": name]),
            columns: ["kpi", "year", "value", "target", "achievement", "band"].map { text.words["chart_column_" + $0] },
            rows: [
                [
                    name, year.map(String.init) ?? "", text.observed(value, unit: unit, published: published),
                    isYesNo ? text.words.yes : usableTarget.map { text.value($0, unit: unit) } ?? text.words.noTarget,
                    achievement.map { text.percent($0.percent, band: $0.band) } ?? "",
                    achievement.map { text.words.band($0.band) } ?? "",
                ]
            ], numericColumns: [1, 2, 3, 4])
    }

    // MARK: - Drawing

    private func drawYesNo(into w: inout SVGWriter, answer: Bool?, words: ChartWords) {
        for (index, option) in [true, false].enumerated() {
            let x = Self.margin + Double(index) * 84
            let chosen = answer == option
            let fill = chosen ? Fill(ChartPalette.band(option ? .four : .one)) : Fill(ChartPalette.track)
            let ink = chosen ? ChartPalette.onBand(option ? .four : .one) : ChartPalette.muted
            w.rect(x: x, y: 50, width: 76, height: 26, fill: fill, radius: 13)
            w.label(
                (chosen ? "✓ " : "") + (option ? words.yes : words.no), x: x + 38,
                y: TextMetrics.baseline(centredOn: 63, size: 13), size: 13, paint: ink, anchor: .middle, bold: chosen)
        }
    }

    private func drawScale(into w: inout SVGWriter, frame: ChartFrame, text: ValueText) {
        let x0 = Self.margin
        let x1 = Self.width - Self.margin
        let (barTop, barHeight, stripTop, stripHeight) = (56.0, 16.0, 75.0, 6.0)
        let domain = self.domain
        let scale = LinearScale(domain: domain.lower, domain.upper, range: x0, x1)
        let regions = Achievement.regions(
            target: usableTarget, direction: direction, lower: scale.lower, upper: scale.upper)

        // The band strip, or a grey one when nothing can be scored.
        if regions.isEmpty {
            w.rect(
                x: x0, y: stripTop, width: x1 - x0, height: stripHeight,
                fill: value == .notReported ? frame.fill(.notReported) : Fill(ChartPalette.unscored))
        }
        for region in regions {
            w.rect(
                x: scale(region.from), y: stripTop, width: scale(region.to) - scale(region.from), height: stripHeight,
                fill: Fill(ChartPalette.band(region.band)),
                title: "\(region.band.rawValue): \(text.words.band(region.band))")
        }
        // The value bar from zero, in its band's colour.
        if let number {
            let zero = scale(0)
            let end = scale(number)
            let fill = achievement.map { Fill(ChartPalette.band($0.band)) } ?? Fill(ChartPalette.seriesDot)
            let barWidth = max((end - zero).magnitude, 2)
            w.rect(
                x: min(zero, end) - (end == zero ? 1 : 0), y: barTop, width: barWidth, height: barHeight, fill: fill,
                title: text.value(number, unit: unit, published: published))
        } else if value == .notReported {
            w.label(
                text.words.notReported, x: x0, y: TextMetrics.baseline(centredOn: barTop + barHeight / 2, size: 12),
                size: 12, paint: ChartPalette.muted)
        }
        if scale.lower < 0 {
            w.line(x1: scale(0), y1: barTop - 4, x2: scale(0), y2: stripTop + stripHeight, paint: ChartPalette.axis)
        }
        // The target line.
        if let target = usableTarget {
            let x = scale(target)
            w.line(x1: x, y1: barTop - 4, x2: x, y2: stripTop + stripHeight + 4, paint: ChartPalette.target, width: 2)
            let labelWidth = TextMetrics.width(text.words.target, size: 10)
            w.label(
                text.words.target, x: min(max(x, x0 + labelWidth / 2), x1 - labelWidth / 2), y: barTop - 6, size: 10,
                paint: ChartPalette.muted, anchor: .middle)
        }
        drawTicks(into: &w, scale: scale, y: stripTop + stripHeight, text: text)
    }

    // MARK: - Compact

    static let compactWidth = 240.0
    static let compactHeight = 28.0

    private func drawCompact(id: String, text: ValueText) -> FramedDrawing {
        let frame = ChartFrame(
            id: id, kind: "bullet-compact", width: Self.compactWidth, height: Self.compactHeight, title: name,
            description: describe(text))
        var w = SVGWriter(capacity: 1024)
        let middle = Self.compactHeight / 2
        if isYesNo, let answer = yesNoAnswer {
            drawCompactAnswer(into: &w, answer: answer, middle: middle, words: text.words)
        } else if isYesNo || number == nil {
            w.label(
                value == .notReported ? text.words.notReported : text.observed(value, unit: unit, published: published),
                x: 4,
                y: TextMetrics.baseline(centredOn: middle, size: 11), size: 11, paint: ChartPalette.muted)
        } else {
            drawCompactScale(into: &w)
        }
        return FramedDrawing(frame: frame, body: w, usesHatch: false)
    }

    /// A filled dot for yes, an empty ring for no, and the word beside it.
    private func drawCompactAnswer(into w: inout SVGWriter, answer: Bool, middle: Double, words: ChartWords) {
        let paint = answer ? ChartPalette.band(.four) : ChartPalette.series
        w.open("circle")
        w.attribute("class", paint.className)
        w.attribute("cx", 10)
        w.attribute("cy", middle)
        if answer {
            w.attribute("r", 6)
            w.attribute("fill", paint.light)
        } else {
            w.attribute("r", 5)
            w.attribute("fill", "none")
            w.attribute("stroke", paint.light)
            w.attribute("stroke-width", 2)
        }
        w.closeEmpty()
        w.label(
            answer ? words.yes : words.no, x: 22, y: TextMetrics.baseline(centredOn: middle, size: 12), size: 12,
            paint: ChartPalette.text, bold: true)
    }

    /// Value bar on top, band strip beneath it, target tick across both.
    private func drawCompactScale(into w: inout SVGWriter) {
        guard let number else { return }
        let (x0, x1) = (4.0, Self.compactWidth - 4)
        let (barTop, barHeight, stripTop, stripHeight) = (6.0, 10.0, 18.0, 4.0)
        let scale = LinearScale(domain: domain.lower, domain.upper, range: x0, x1)
        let regions = Achievement.regions(
            target: usableTarget, direction: direction, lower: scale.lower, upper: scale.upper)
        if regions.isEmpty {
            w.rect(x: x0, y: stripTop, width: x1 - x0, height: stripHeight, fill: Fill(ChartPalette.unscored))
        }
        for region in regions {
            w.rect(
                x: scale(region.from), y: stripTop, width: scale(region.to) - scale(region.from), height: stripHeight,
                fill: Fill(ChartPalette.band(region.band)))
        }
        let zero = scale(0)
        let end = scale(number)
        w.rect(
            x: min(zero, end) - (end == zero ? 1 : 0), y: barTop, width: max((end - zero).magnitude, 2),
            height: barHeight,
            fill: achievement.map { Fill(ChartPalette.band($0.band)) } ?? Fill(ChartPalette.seriesDot))
        if scale.lower < 0 {
            w.line(x1: zero, y1: barTop - 2, x2: zero, y2: stripTop + stripHeight, paint: ChartPalette.axis)
        }
        if let target = usableTarget {
            let x = scale(target)
            w.line(x1: x, y1: 2, x2: x, y2: Self.compactHeight - 2, paint: ChartPalette.target, width: 2)
        }
    }

    /// Domain of the value axis: zero, the value, the target and the band edges, made nice.
    private var domain: (lower: Double, upper: Double) {
        var values = [0.0]
        if let number { values.append(number) }
        if let target = usableTarget {
            // Where lower is better, room for the band 2 region up to the lowest threshold.
            values.append(direction == .lower && target > 0 ? target / (Band.two.lowerBound / 100) : target)
        }
        let lower = values.min() ?? 0
        let upper = values.max() ?? 1
        let padded = upper > 0 ? upper * 1.04 : upper
        return LinearScale.niceDomain(lower, padded == lower ? lower + 1 : padded, count: 20)
    }

    private func drawTicks(into w: inout SVGWriter, scale: LinearScale, y: Double, text: ValueText) {
        let ticks = Ticks.fitting(scale: scale, size: 11, unit: unit, text: text)
        for tick in ticks {
            w.line(x1: tick.x, y1: y, x2: tick.x, y2: y + 4, paint: ChartPalette.axis)
            w.label(tick.label, x: tick.labelX, y: y + 18, size: 11, paint: ChartPalette.muted, anchor: tick.anchor)
        }
    }
}
