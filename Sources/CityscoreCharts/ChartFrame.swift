import CityscoreModel
import CityscoreText

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
        let slug = Slug.isValid(id) ? id : Slug.make(id)
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
        score == .notReported ? Fill(className: "cs-not-reported", pattern: "url(#\(hatchID))") : Fill(score.fill)
    }

    /// Puts the drawing into its frame, in both forms.
    func chart(body: SVGWriter, defs: SVGWriter = SVGWriter(), table: DataTable, usesHatch: Bool) -> Chart {
        var standalone = SVGWriter(capacity: body.finishedCount + Self.styleMarkup.utf8.count + 1024)
        standalone.raw(Self.xmlDeclaration)
        writeRoot(into: &standalone)
        writeHead(into: &standalone)
        standalone.raw(Self.styleMarkup)
        writeDefs(defs, usesHatch: usesHatch, into: &standalone)
        writeBackground(into: &standalone)
        standalone.append(body)
        standalone.raw(Self.closing)
        return Chart(
            id: id, title: title, description: description,
            svg: inlineSVG(body: body, defs: defs, usesHatch: usesHatch), standalone: standalone.markup, table: table)
    }

    /// Puts the drawing into its frame, inline form only (``Chart/svg``).
    func inlineSVG(body: SVGWriter, defs: SVGWriter = SVGWriter(), usesHatch: Bool) -> String {
        var inline = SVGWriter(
            capacity: body.finishedCount + defs.finishedCount + title.utf8.count + description.utf8.count + 384)
        writeRoot(into: &inline)
        writeHead(into: &inline)
        writeDefs(defs, usesHatch: usesHatch, into: &inline)
        inline.append(body)
        inline.raw(Self.closing)
        return inline.markup
    }

    private static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private static let closing = "</svg>\n"

    /// The `<style>` element of standalone files, escaped once.
    private static let styleMarkup: String = {
        var style = SVGWriter()
        style.element("style", text: ChartStyle.standaloneStylesheet)
        return style.markup
    }()

    /// The opening `<svg …>` tag.
    private func writeRoot(into w: inout SVGWriter) {
        w.open("svg")
        w.attribute("xmlns", "http://www.w3.org/2000/svg")
        w.beginAttribute("viewBox")
        w.valuePart("0 0 ")
        w.valuePart(width)
        w.valuePart(" ")
        w.valuePart(height)
        w.endAttribute()
        w.attribute("role", "img")
        w.beginAttribute("aria-labelledby")
        w.valuePart(id)
        w.valuePart("-title ")
        w.valuePart(id)
        w.valuePart("-desc")
        w.endAttribute()
        w.beginAttribute("class")
        w.valuePart("cs-chart cs-")
        w.valuePart(kind)
        w.endAttribute()
        w.raw(">\n")
    }

    /// `<title>` and `<desc>`.
    private func writeHead(into w: inout SVGWriter) {
        w.open("title")
        w.beginAttribute("id")
        w.valuePart(id)
        w.valuePart("-title")
        w.endAttribute()
        w.closeText(title, name: "title")
        w.open("desc")
        w.beginAttribute("id")
        w.valuePart(id)
        w.valuePart("-desc")
        w.endAttribute()
        w.closeText(description, name: "desc")
    }

    /// `<defs>` with the hatch pattern and `defs`, when there is either.
    private func writeDefs(_ defs: SVGWriter, usesHatch: Bool, into w: inout SVGWriter) {
        guard usesHatch || !defs.isEmpty else { return }
        w.raw("<defs>\n")
        if usesHatch { writeHatch(into: &w) }
        w.append(defs)
        w.raw("</defs>\n")
    }

    /// The white rectangle behind a standalone drawing.
    private func writeBackground(into w: inout SVGWriter) {
        w.open("rect")
        w.attribute("class", ChartPalette.background.className)
        w.attribute("x", 0)
        w.attribute("y", 0)
        w.attribute("width", width)
        w.attribute("height", height)
        w.attribute("fill", ChartPalette.background.light)
        w.closeEmpty()
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

/// A drawing in its frame, before it is put into either form.
struct FramedDrawing {
    var frame: ChartFrame
    var body: SVGWriter
    var defs = SVGWriter()
    var usesHatch: Bool

    /// Both forms, with `table`.
    func chart(table: DataTable) -> Chart { frame.chart(body: body, defs: defs, table: table, usesHatch: usesHatch) }

    /// The inline form only.
    var inlineSVG: String { frame.inlineSVG(body: body, defs: defs, usesHatch: usesHatch) }
}

/// How a shape is filled: a class (restyled by the stylesheet) and a fixed colour as fallback,
/// or a pattern.
struct Fill: Hashable {
    /// A fixed colour, or a `url(#…)` reference to a pattern.
    enum Paint: Hashable {
        case color(ChartColor)
        case pattern(String)
    }

    var className: String
    var paint: Paint

    /// A fill with a pattern (`url(#id)`).
    init(className: String, pattern: String) {
        self.className = className
        self.paint = .pattern(pattern)
    }

    /// The role's class and light colour.
    init(_ paint: ChartPaint) {
        self.className = paint.className
        self.paint = .color(paint.light)
    }
}

/// Drawing helpers that write class and fallback colour together.
extension SVGWriter {
    /// A rectangle with an optional tooltip.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: Fill, radius: Double? = nil,
        extraClass: String? = nil, title: String? = nil
    ) {
        open("rect")
        if let extraClass { attribute("class", fill.className, extraClass) } else { attribute("class", fill.className) }
        attribute("x", x)
        attribute("y", y)
        attribute("width", max(0, width))
        attribute("height", max(0, height))
        if let radius { attribute("rx", radius) }
        attribute("fill", fill.paint)
        if let title {
            closeStart("rect")
            element("title", text: title)
            end()
        } else {
            closeEmpty()
        }
    }

    /// Writes ` name="…"` with a fill's colour or pattern.
    mutating func attribute(_ name: String, _ paint: Fill.Paint) {
        switch paint {
        case .color(let color): attribute(name, color)
        case .pattern(let reference): attribute(name, reference)
        }
    }

    /// A straight line in a stroke role.
    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, paint: ChartPaint, width: Double = 1, dash: String? = nil
    ) {
        open("line")
        attribute("class", paint.className)
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        attribute("stroke", paint.light)
        attribute("stroke-width", width)
        if let dash { attribute("stroke-dasharray", dash) }
        closeEmpty()
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
        open("text")
        if halo {
            attribute("class", paint.className, haloPaint.className)
        } else {
            attribute("class", paint.className)
        }
        attribute("x", x)
        attribute("y", y)
        attribute("font-size", size)
        if bold { attribute("font-weight", "700") }
        if let anchor = anchor.attribute { attribute("text-anchor", anchor) }
        if let transform { attribute("transform", transform) }
        attribute("fill", paint.light)
        if halo {
            attribute("stroke", haloPaint.light)
            attribute("stroke-width", 3)
            attribute("stroke-linejoin", "round")
        }
        closeText(text, name: "text")
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
        var text = "rotate("
        SVGNumber.append(angle, to: &text)
        text += " "
        SVGNumber.append(x, to: &text)
        text += " "
        SVGNumber.append(y, to: &text)
        return text + ")"
    }

    /// `translate(x y) rotate(angle)`: moves the origin to (`x`, `y`), then turns by `angle` degrees.
    static func placement(_ x: Double, _ y: Double, turnedBy angle: Double) -> String {
        var text = "translate("
        text.reserveCapacity(40)
        SVGNumber.append(x, to: &text)
        text += " "
        SVGNumber.append(y, to: &text)
        text += ") rotate("
        SVGNumber.append(angle, to: &text)
        return text + ")"
    }
}
