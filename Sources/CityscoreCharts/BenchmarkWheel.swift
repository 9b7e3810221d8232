import CityscoreFormatting
import CityscoreModel

/// The U4SSC benchmark wheel (a sunburst): the city at the centre, then rings for dimensions,
/// categories and KPIs, each segment filled by its band (grey when not scored, hatched when not
/// reported). Dimension names run along the inner ring, short names along the outer rings, band
/// numbers sit at the outer edge of each segment, and every segment has its full name and score
/// as a tooltip.
public struct BenchmarkWheel: Sendable, Hashable {
    /// A segment and the segments outside it.
    public typealias Node = ChartItem

    /// City name, shown at the centre.
    public var city: String
    /// The city's overall score, shown under its name.
    public var overall: ChartScore
    /// The innermost ring's items (dimensions) with their children.
    public var dimensions: [ChartItem]
    /// Names of the rings from the inside, for the table and the words.
    public var levelNames: [String]

    /// Creates a wheel.
    public init(
        city: String, overall: ChartScore = .notScored, dimensions: [ChartItem],
        levelNames: [String] = ["Dimension", "Category", "KPI"]
    ) {
        self.city = city
        self.overall = overall
        self.dimensions = dimensions
        self.levelNames = levelNames
    }

    static let size = 640.0
    static let radius = 300.0
    static let hole = 80.0
    static let maxRings = 4

    /// Draws the chart; `id` is the caller's stable prefix for element ids.
    public func render(id: String, format: NumberFormat = NumberFormat(), words: ChartWords) -> Chart {
        draw(id: id, format: format, words: words, inlineTable: nil)
    }

    /// Draws the inline form only (``Chart/standalone`` is empty), with `table` as the chart's data
    /// table instead of its own: for a printed report, which offers no download and lists a shallower
    /// table (``dataTable(format:words:)`` of another wheel) beside the drawing.
    public func renderInline(id: String, format: NumberFormat = NumberFormat(), words: ChartWords, table: DataTable)
        -> Chart
    {
        draw(id: id, format: format, words: words, inlineTable: table)
    }

    private func draw(id: String, format: NumberFormat, words: ChartWords, inlineTable: DataTable?) -> Chart {
        let text = ValueText(format: format, words: words)
        let rings = min(Self.maxRings, dimensions.map(\.depth).max() ?? 1)
        let segments = layout(rings: rings)
        let geometry = WheelGeometry(cx: Self.size / 2, cy: Self.size / 2)
        let radii = ringRadii(rings)

        let scores = segments.map(\.item.score)
        var frame = ChartFrame(
            id: id, kind: "wheel", width: Self.size, height: Self.size, title: title(rings, words),
            description: describe(segments, rings: rings, text))

        var w = SVGWriter(capacity: 1024 + 640 * segments.count)
        var defs = SVGWriter()
        if segments.isEmpty {
            w.empty(
                "path",
                [
                    "class": ChartPalette.track.className,
                    "d": geometry.sector(inner: Self.hole, outer: Self.radius, from: 0, to: 360),
                    "fill": ChartPalette.track.light.hex,
                ])
        }
        let tooltips = TooltipWords(text.words)
        for segment in segments {
            let ring = radii[min(segment.level, radii.count - 1)]
            drawSegment(segment, ring: ring, geometry: geometry, frame: frame, text: text, tooltips: tooltips, into: &w)
        }
        for (index, segment) in segments.enumerated() {
            let ring = radii[min(segment.level, radii.count - 1)]
            if segment.level == 0 {
                drawCurvedLabel(
                    segment, index: index, ring: ring, geometry: geometry, frame: frame, text: text, into: &w,
                    defs: &defs)
            } else {
                drawRadialLabel(segment, ring: ring, geometry: geometry, into: &w)
            }
        }
        drawCentre(into: &w, text: text, empty: segments.isEmpty)
        let legendHeight = Legend.draw(
            into: &w, frame: frame, x: 24, y: Self.size + 4, width: Self.size - 48, scores: scores, words: text.words)
        frame.height = Self.size + 4 + legendHeight + 10
        let usesHatch = scores.contains(.notReported)
        if let inlineTable {
            return Chart(
                id: frame.id, title: frame.title, description: frame.description,
                svg: frame.inlineSVG(body: w, defs: defs, usesHatch: usesHatch), standalone: "", table: inlineTable)
        }
        return frame.chart(body: w, defs: defs, table: table(segments, rings: rings, text), usesHatch: usesHatch)
    }

    // MARK: - Layout

    private struct Segment {
        var item: ChartItem
        var level: Int
        var from: Double
        var to: Double
        var path: [String]
    }

    /// Inner and outer radius of each ring: the innermost ring 2 parts wide, the others 3.
    private func ringRadii(_ rings: Int) -> [(inner: Double, outer: Double)] {
        let weights = (0..<max(1, rings)).map { $0 == 0 ? 2.0 : 3.0 }
        let unit = (Self.radius - Self.hole) / weights.reduce(0, +)
        var inner = Self.hole
        return weights.map { weight in
            defer { inner += weight * unit }
            return (inner, inner + weight * unit)
        }
    }

    /// Segments in depth-first order; every leaf (an item without children, or at the outer
    /// ring) gets the same angle.
    private func layout(rings: Int) -> [Segment] {
        let total = dimensions.reduce(0) { $0 + $1.leafCount(depth: rings) }
        guard total > 0 else { return [] }
        let step = 360 / Double(total)
        var segments: [Segment] = []
        func place(_ items: [ChartItem], level: Int, from start: Double, path: [String]) {
            var angle = start
            for item in items {
                let span = Double(item.leafCount(depth: rings - level)) * step
                segments.append(
                    Segment(item: item, level: level, from: angle, to: angle + span, path: path + [item.name]))
                if level + 1 < rings { place(item.children, level: level + 1, from: angle, path: path + [item.name]) }
                angle += span
            }
        }
        place(dimensions, level: 0, from: 0, path: [])
        return segments
    }

    // MARK: - Drawing

    private func drawSegment(
        _ segment: Segment, ring: (inner: Double, outer: Double), geometry: WheelGeometry, frame: ChartFrame,
        text: ValueText, tooltips: TooltipWords, into w: inout SVGWriter
    ) {
        let fill = frame.fill(segment.item.score)
        let halo = ChartPalette.halo
        w.open("path")
        w.attribute("class", fill.className, halo.className)
        w.attribute(
            "d", path: geometry.sectorPath(inner: ring.inner, outer: ring.outer, from: segment.from, to: segment.to))
        w.attribute("fill", fill.paint)
        w.attribute("stroke", halo.light)
        w.attribute("stroke-width", 1.5)
        w.attribute("stroke-linejoin", "round")
        w.closeStart("path")
        w.element("title", text: tooltips.tooltip(segment, text))
        w.end()
    }

    /// The words of every segment's tooltip, looked up once per wheel instead of once per segment.
    private struct TooltipWords {
        let template: String
        let separator: String
        /// ``ChartWords/bandSuffix(_:)`` of each band, by its number (0: no band).
        let suffixes: [String]

        init(_ words: ChartWords) {
            template = words["chart_tooltip"]
            separator = words["chart_path_separator"]
            suffixes = [words.bandSuffix(nil)] + Band.allCases.map { words.bandSuffix($0) }
        }

        /// `chart_tooltip` of the segment's path and score, and the band's suffix.
        func tooltip(_ segment: Segment, _ text: ValueText) -> String {
            let score = segment.item.score
            let suffix = score.band.map { suffixes[$0.rawValue] } ?? suffixes[0]
            return Template.fill(
                template, ["name": segment.path.joined(separator: separator), "score": text.score(score)]) + suffix
        }
    }

    /// A dimension's name (and percent, when it fits) along the middle of its ring.
    private func drawCurvedLabel(
        _ segment: Segment, index: Int, ring: (inner: Double, outer: Double), geometry: WheelGeometry,
        frame: ChartFrame, text: ValueText, into w: inout SVGWriter, defs: inout SVGWriter
    ) {
        let size = 13.0
        let middle = (segment.from + segment.to) / 2
        let halfSpan = min((segment.to - segment.from) / 2, 90) - 1.5
        let bottom = geometry.isBottom(middle)
        let radius = (ring.inner + ring.outer) / 2 + (bottom ? size * 0.35 : -size * 0.35)
        let room = radius * halfSpan * 2 * Double.pi / 180 - 8
        guard halfSpan > 0, room > size else { return }
        let item = segment.item
        let percent = item.score.percent.map { " · " + text.percent($0, band: item.score.band, digits: 0) } ?? ""
        let candidates = [item.name + percent, item.shortName + percent, item.name, item.shortName]
        let label =
            candidates.first { TextMetrics.width($0, size: size, bold: true) <= room }
            ?? TextMetrics.fit(item.shortName, width: room, size: size, bold: true)
        guard label.count >= 2 else { return }
        let arcID = frame.id + "-arc-\(index)"
        defs.open("path")
        defs.attribute("id", arcID)
        defs.attribute("d", path: geometry.textArc(radius: radius, middle: middle, halfSpan: halfSpan))
        defs.closeEmpty()
        let ink = item.score.ink
        w.start(
            "text",
            [
                "class": ink.className, "font-size": size, "font-weight": "700", "text-anchor": "middle",
                "fill": ink.light.hex,
            ])
        w.element("textPath", ["href": "#" + arcID, "startOffset": "50%"], text: label)
        w.end()
    }

    /// A category's or KPI's band number at the outer edge, upright, and its short name along the
    /// radius, on two lines where the segment is wide enough.
    private func drawRadialLabel(
        _ segment: Segment, ring: (inner: Double, outer: Double), geometry: WheelGeometry, into w: inout SVGWriter
    ) {
        let size = segment.level == 1 ? 11.0 : 10.0
        let span = (segment.to - segment.from) * Double.pi / 180
        guard ring.inner * span >= size * 1.1 else { return }
        let middle = (segment.from + segment.to) / 2
        let ink = segment.item.score.ink
        let mark = segment.item.score.band.map { String($0.rawValue) } ?? "–"
        let markRadius = ring.outer - 9
        let markPoint = geometry.point(markRadius, middle)
        w.label(
            mark, x: markPoint.x, y: TextMetrics.baseline(centredOn: markPoint.y, size: 10), size: 10, paint: ink,
            anchor: .middle, bold: true)
        let start = ring.inner + 5
        let end = ring.outer - 20
        // Where the segment is wide enough (at its narrow, inner end), the name may take two lines.
        let lineHeight = size * 1.15
        let lines = TextMetrics.wrap(
            segment.item.shortName, width: end - start, size: size,
            maxLines: ring.inner * span >= lineHeight * 2 + 4 ? 2 : 1)
        let centre = geometry.point((start + end) / 2, middle)
        let turn = middle <= 180 ? middle - 90 : middle + 90
        for (index, line) in lines.enumerated() {
            let offset = (Double(index) - Double(lines.count - 1) / 2) * lineHeight
            w.label(
                line, x: 0, y: size * 0.35 + offset, size: size, paint: ink, anchor: .middle,
                transform: SVGTransform.placement(centre.x, centre.y, turnedBy: turn))
        }
    }

    private func drawCentre(into w: inout SVGWriter, text: ValueText, empty: Bool) {
        let c = Self.size / 2
        let lines = TextMetrics.wrap(city, width: Self.hole * 1.6, size: 15, bold: true, maxLines: 2)
        let percent = overall.percent
        let nameTop = c - (percent == nil ? 4 : 14) - 18 * Double(lines.count - 1)
        for (index, line) in lines.enumerated() {
            w.label(
                line, x: c, y: nameTop + 18 * Double(index), size: 15, paint: ChartPalette.text, anchor: .middle,
                bold: true)
        }
        if let percent, let band = overall.band {
            w.label(
                text.percent(percent, band: band), x: c, y: c + 14, size: 22, paint: ChartPalette.text, anchor: .middle,
                bold: true)
            w.label(
                TextMetrics.fit(text.words.band(band), width: Self.hole * 1.7, size: 10), x: c, y: c + 30, size: 10,
                paint: ChartPalette.muted, anchor: .middle)
        } else {
            w.label(
                empty ? text.words.noData : text.words.status(overall), x: c, y: c + 16, size: 11,
                paint: ChartPalette.muted,
                anchor: .middle)
        }
    }

    // MARK: - Words

    private func names(_ rings: Int, _ words: ChartWords) -> [String] {
        (0..<max(1, rings)).map { words.level($0, levelNames) }
    }

    private func title(_ rings: Int, _ words: ChartWords) -> String {
        words(
            "chart_title_scores_by",
            ["city": city, "levels": words.list(names(rings, words).map { words.noun($0, 1) })])
    }

    private func describe(_ segments: [Segment], rings: Int, _ text: ValueText) -> String {
        let format = text.format
        let words = text.words
        guard !segments.isEmpty else { return words("chart_name_no_data", ["name": city]) }
        var sentences: [String] = []
        if let percent = overall.percent, let band = overall.band {
            sentences.append(
                words(
                    "chart_wheel_overall",
                    ["city": city, "percent": text.percent(percent, band: band), "band": words.band(band)]))
        } else {
            sentences.append(words("chart_wheel_overall_none", ["city": city, "status": words.status(overall)]))
        }
        let top = segments.filter { $0.level == 0 }
        sentences.append(
            words.sentence(
                words.list(
                    top.map { words("chart_name_score", ["name": $0.item.name, "score": text.score($0.item.score)]) })))
        let leaves = segments.filter { $0.level == rings - 1 || $0.item.children.isEmpty }
        let noun = names(rings, words)[rings - 1]
        // On a one-dimension wheel the KPIs are named after it: "6 of 11 scored Economy KPIs".
        let plural =
            top.count == 1
            ? words("chart_named_noun", ["name": top[0].item.name, "noun": words.nouns(noun)]) : words.nouns(noun)
        let scored = leaves.compactMap { leaf in leaf.item.score.percent.map { (leaf, $0) } }
        if scored.isEmpty {
            sentences.append(words("chart_wheel_none_scored", ["n": format.count(leaves.count), "nouns": plural]))
        } else {
            let best = scored.filter { $0.1 >= Band.four.lowerBound }.count
            var values = [
                "city": city, "band": words.band(.four), "n": format.count(best), "total": format.count(scored.count),
                "nouns": plural,
            ]
            if let worst = scored.min(by: { $0.1 < $1.1 }), worst.1 < Band.four.lowerBound {
                values["name"] = worst.0.item.name
                values["percent"] = text.percent(worst.1)
                sentences.append(words("chart_wheel_reaches_furthest", values))
            } else {
                sentences.append(words("chart_wheel_reaches", values))
            }
        }
        let unscored = leaves.count - scored.count
        let absences = words.absences(leaves.map(\.item.score), format: format)
        if unscored > 0 && !scored.isEmpty {
            let values = [
                "n": format.count(unscored), "total": format.count(leaves.count), "nouns": words.nouns(noun),
                "absences": absences,
            ]
            sentences.append(words(absences.isEmpty ? "chart_wheel_unscored" : "chart_wheel_unscored_absences", values))
        } else if !absences.isEmpty {
            sentences.append(words.sentence(absences))
        }
        return sentences.joined(separator: " ")
    }

    /// The chart's data table alone, as ``render(id:format:words:)`` gives it, without drawing the wheel
    /// (the printed report shows a shallower wheel's table beside the full wheel).
    public func dataTable(format: NumberFormat = NumberFormat(), words: ChartWords) -> DataTable {
        let rings = min(Self.maxRings, dimensions.map(\.depth).max() ?? 1)
        return table(layout(rings: rings), rings: rings, ValueText(format: format, words: words))
    }

    private func table(_ segments: [Segment], rings: Int, _ text: ValueText) -> DataTable {
        let levelNames = names(rings, text.words)
        return DataTable(
            caption: text.words(
                "chart_wheel_caption", ["title": title(rings, text.words), "score": text.score(overall)]),
            columns: levelNames + [text.words["chart_column_achievement"], text.words["chart_column_band"]],
            rows: segments.map { segment in
                (0..<levelNames.count).map { $0 < segment.path.count ? segment.path[$0] : "" } + [
                    text.score(segment.item.score), segment.item.score.band.map(text.words.band) ?? "",
                ]
            }, numericColumns: [levelNames.count])
    }
}
