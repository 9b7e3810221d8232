import Model

/// What every chart shares: the root `<svg>` with its title and description, the hatch pattern
/// for "not reported", and the two forms (inline and standalone) of the same drawing.
struct ChartFrame {
    /// Safe id prefix.
    let id: String
    /// Kind class suffix (`wheel` → `cs-wheel`).
    let kind: String
    let width: Double
    /// Height of the drawing; charts whose height depends on what they draw set it last.
    var height: Double
    let title: String
    let description: String

    /// A frame; `id` is made a valid XML id (a slug starting with a letter).
    init(id: String, kind: String, width: Double, height: Double, title: String, description: String) {
        let slug = Slug.make(id)
        self.id = slug.isEmpty ? "chart" : slug.first?.isNumber == true ? "c" + slug : slug
        self.kind = kind
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    /// Id of the "not reported" hatch pattern.
    var hatchID: String { id + "-hatch" }

    /// How an item with `score` is filled: its band or grey, the hatch when not reported.
    func fill(_ score: ChartScore) -> Fill {
        score == .notReported ? Fill(className: "cs-not-reported", color: "url(#\(hatchID))") : Fill(score.fill)
    }

    /// Puts the drawing into its frame, in both forms.
    func chart(body: SVGWriter, defs: SVGWriter = SVGWriter(), table: DataTable, usesHatch: Bool) -> Chart {
        var head = SVGWriter()
        head.element("title", ["id": id + "-title"], text: title)
        head.element("desc", ["id": id + "-desc"], text: description)
        var allDefs = SVGWriter()
        if usesHatch { writeHatch(into: &allDefs) }
        allDefs.append(defs)
        let defsMarkup = allDefs.markup.isEmpty ? "" : "<defs>\n" + allDefs.markup + "</defs>\n"

        var style = SVGWriter()
        style.element("style", text: ChartStyle.standaloneStylesheet)
        var background = SVGWriter()
        background.empty(
            "rect",
            [
                "class": ChartPalette.background.className, "x": 0, "y": 0, "width": width, "height": height,
                "fill": ChartPalette.background.light.hex,
            ])

        let inline = root + head.markup + defsMarkup + body.finished() + "</svg>\n"
        let standalone =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root + head.markup + style.markup + defsMarkup
            + background.markup + body.finished() + "</svg>\n"
        return Chart(id: id, title: title, description: description, svg: inline, standalone: standalone, table: table)
    }

    private var root: String {
        let viewBox = "0 0 " + SVGNumber.format(width) + " " + SVGNumber.format(height)
        return "<svg"
            + SVGWriter.attributeText([
                "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "role": "img",
                "aria-labelledby": id + "-title " + id + "-desc", "class": "cs-chart cs-" + kind,
            ]) + ">\n"
    }

    private func writeHatch(into w: inout SVGWriter) {
        w.start(
            "pattern",
            [
                "id": hatchID, "width": 6, "height": 6, "patternUnits": "userSpaceOnUse",
                "patternTransform": "rotate(45)",
            ])
        w.rect(x: 0, y: 0, width: 6, height: 6, fill: Fill(ChartPalette.hatchGround))
        w.rect(x: 0, y: 0, width: 2, height: 6, fill: Fill(ChartPalette.hatchStripe))
        w.end()
    }
}

/// How a shape is filled: a class (restyled by the stylesheet) and a fixed colour as fallback.
struct Fill: Hashable {
    var className: String
    var color: String

    init(className: String, color: String) {
        self.className = className
        self.color = color
    }

    /// The role's class and light colour.
    init(_ paint: ChartPaint) { self.init(className: paint.className, color: paint.light.hex) }
}

/// Drawing helpers that write class and fallback colour together.
extension SVGWriter {
    /// A rectangle with an optional tooltip.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: Fill, radius: Double? = nil,
        extraClass: String? = nil, title: String? = nil
    ) {
        let attributes: KeyValuePairs<String, any SVGAttributeValue> = [
            "class": extraClass.map { fill.className + " " + $0 } ?? fill.className, "x": x, "y": y,
            "width": max(0, width), "height": max(0, height), "rx": radius, "fill": fill.color,
        ]
        if let title {
            start("rect", attributes)
            element("title", text: title)
            end()
        } else {
            empty("rect", attributes)
        }
    }

    /// A straight line in a stroke role.
    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, paint: ChartPaint, width: Double = 1, dash: String? = nil
    ) {
        empty(
            "line",
            [
                "class": paint.className, "x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": paint.light.hex,
                "stroke-width": width, "stroke-dasharray": dash,
            ])
    }

    /// Text whose baseline is at `y` (use ``TextMetrics.baseline(centredOn: _:size:)`` to centre it on a line).
    mutating func label(
        _ text: String, x: Double, y: Double, size: Double, paint: ChartPaint, anchor: TextAnchor = .start,
        bold: Bool = false, transform: String? = nil, halo: Bool = false
    ) {
        guard !text.isEmpty else { return }
        // The halo is drawn under the letters by `paint-order: stroke`, set in both stylesheets
        // (the Nu HTML Checker does not accept it as an attribute of inline SVG).
        let haloPaint = ChartPalette.halo
        element(
            "text",
            [
                "class": halo ? paint.className + " " + haloPaint.className : paint.className, "x": x, "y": y,
                "font-size": size, "font-weight": bold ? "700" : nil, "text-anchor": anchor.attribute,
                "transform": transform, "fill": paint.light.hex, "stroke": halo ? haloPaint.light.hex : nil,
                "stroke-width": halo ? 3 : nil, "stroke-linejoin": halo ? "round" : nil,
            ], text: text)
    }
}

/// Horizontal alignment of text on its `x`.
enum TextAnchor {
    case start, middle, end

    /// The `text-anchor` value (`nil` for the default, start).
    var attribute: String? {
        switch self {
        case .start: nil
        case .middle: "middle"
        case .end: "end"
        }
    }
}

/// Values of the `transform` attribute.
enum SVGTransform {
    /// `rotate(angle x y)`: a rotation by `angle` degrees about (`x`, `y`).
    static func rotate(_ angle: Double, about x: Double, _ y: Double) -> String {
        "rotate(\(SVGNumber.format(angle)) \(SVGNumber.format(x)) \(SVGNumber.format(y)))"
    }

    /// `translate(x y) rotate(angle)`: moves the origin to (`x`, `y`), then turns by `angle` degrees.
    static func placement(_ x: Double, _ y: Double, turnedBy angle: Double) -> String {
        "translate(\(SVGNumber.format(x)) \(SVGNumber.format(y))) rotate(\(SVGNumber.format(angle)))"
    }
}
