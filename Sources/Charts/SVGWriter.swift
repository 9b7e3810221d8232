/// A value an SVG attribute can take: text, or a number written by ``SVGNumber``.
public protocol SVGAttributeValue: Sendable {
    /// The attribute's text before escaping; `nil` leaves the attribute out.
    var svgAttributeText: String? { get }
}

extension String: SVGAttributeValue {
    /// The string itself.
    public var svgAttributeText: String? { self }
}

extension Double: SVGAttributeValue {
    /// The number with at most two decimals.
    public var svgAttributeText: String? { SVGNumber.format(self) }
}

extension Int: SVGAttributeValue {
    /// The integer in decimal.
    public var svgAttributeText: String? { String(self) }
}

extension Optional: SVGAttributeValue where Wrapped: SVGAttributeValue {
    /// The wrapped value's text; `nil` leaves the attribute out.
    public var svgAttributeText: String? { self?.svgAttributeText }
}

/// A small SVG (XML) writer: elements one per line, attributes in the order written, every text
/// node and attribute value escaped, numbers with fixed precision. It never invents ids, so the
/// same calls always give the same bytes.
///
/// Elements can be written whole (``start(_:_:)``, ``empty(_:_:)``, ``element(_:_:text:)``) or, where
/// speed matters, tag by tag: ``open(_:)``, then ``attribute(_:_:)-(String,String)`` and its kin, then
/// one of ``closeEmpty()``, ``closeStart(_:)`` or ``closeText(_:name:)``. Both write straight into
/// ``markup``.
public struct SVGWriter: Sendable {
    /// The markup written so far (elements still open are not closed).
    public private(set) var markup = ""
    private var openElements: [String] = []

    /// An empty writer.
    public init() {}

    /// An empty writer with room for about `capacity` bytes of markup.
    public init(capacity: Int) { markup.reserveCapacity(capacity) }

    /// Opens `<name …>`; close it with ``end()``.
    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, any SVGAttributeValue> = [:]) {
        open(name)
        write(attributes)
        closeStart(name)
    }

    /// Closes the element opened last; does nothing when none is open.
    public mutating func end() {
        guard let name = openElements.popLast() else { return }
        markup += "</"
        markup += name
        markup += ">\n"
    }

    /// Writes an element without content: `<name …/>`.
    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, any SVGAttributeValue> = [:]) {
        open(name)
        write(attributes)
        closeEmpty()
    }

    /// Writes an element holding only text: `<name …>text</name>`.
    public mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, any SVGAttributeValue> = [:], text: String
    ) {
        open(name)
        write(attributes)
        closeText(text, name: name)
    }

    /// Writes a text node inside the element open last.
    public mutating func text(_ text: String) { Self.appendEscaped(text, to: &markup) }

    /// Writes what another writer produced (already escaped), closing the elements it left open.
    public mutating func append(_ other: SVGWriter) { other.appendFinished(to: &markup) }

    /// The markup with every element still open closed.
    public func finished() -> String {
        if openElements.isEmpty { return markup }
        var text = markup
        appendClosings(to: &text)
        return text
    }

    /// Appends ``finished()`` to `text` without making it first.
    func appendFinished(to text: inout String) {
        text += markup
        appendClosings(to: &text)
    }

    /// Bytes ``finished()`` has.
    var finishedCount: Int { openElements.reduce(markup.utf8.count) { $0 + $1.utf8.count + 4 } }

    private func appendClosings(to text: inout String) {
        for name in openElements.reversed() {
            text += "</"
            text += name
            text += ">\n"
        }
    }

    // MARK: - Tag by tag

    /// Begins a tag, `<name`; give its attributes next, then close it.
    mutating func open(_ name: String) {
        markup += "<"
        markup += name
    }

    /// Writes ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        attributeName(name)
        Self.appendEscaped(value, to: &markup)
        markup += "\""
    }

    /// Writes ` name="first second"` (two class names), each escaped.
    mutating func attribute(_ name: String, _ first: String, _ second: String) {
        attributeName(name)
        Self.appendEscaped(first, to: &markup)
        markup += " "
        Self.appendEscaped(second, to: &markup)
        markup += "\""
    }

    /// Writes ` name="number"` as ``SVGNumber`` formats it.
    mutating func attribute(_ name: String, _ value: Double) {
        attributeName(name)
        SVGNumber.append(value, to: &markup)
        markup += "\""
    }

    /// Writes ` name="#rrggbb"`.
    mutating func attribute(_ name: String, _ color: ChartColor) {
        attributeName(name)
        color.appendHex(to: &markup)
        markup += "\""
    }

    private mutating func attributeName(_ name: String) {
        markup += " "
        markup += name
        markup += "=\""
    }

    /// Ends the tag begun by ``open(_:)`` as an element without content: `/>`.
    mutating func closeEmpty() { markup += "/>\n" }

    /// Ends the tag begun by ``open(_:)`` as the start of element `name`; close it with ``end()``.
    mutating func closeStart(_ name: String) {
        markup += ">\n"
        openElements.append(name)
    }

    /// Ends the tag begun by ``open(_:)`` with `text` as its content and the end tag of `name`.
    mutating func closeText(_ text: String, name: String) {
        markup += ">"
        Self.appendEscaped(text, to: &markup)
        markup += "</"
        markup += name
        markup += ">\n"
    }

    private mutating func write(_ attributes: KeyValuePairs<String, any SVGAttributeValue>) {
        for (name, value) in attributes {
            guard let value = value.svgAttributeText else { continue }
            attribute(name, value)
        }
    }

    static func attributeText(_ attributes: KeyValuePairs<String, any SVGAttributeValue>) -> String {
        var writer = SVGWriter()
        writer.write(attributes)
        return writer.markup
    }
}
