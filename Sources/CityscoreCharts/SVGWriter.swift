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
/// one of ``closeEmpty()``, ``closeStart(_:)`` or ``closeText(_:name:)``. Either way the writer
/// appends UTF-8 bytes to one buffer, which becomes a string once, in ``markup`` or ``finished()``.
public struct SVGWriter: Sendable {
    /// UTF-8 of the markup written so far.
    private(set) var bytes: [UInt8] = []
    private var openElements: [String] = []

    /// An empty writer.
    public init() {}

    /// An empty writer with room for about `capacity` bytes of markup.
    public init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The markup written so far (elements still open are not closed).
    public var markup: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether nothing has been written.
    var isEmpty: Bool { bytes.isEmpty }

    /// Opens `<name …>`; close it with ``end()``.
    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, any SVGAttributeValue> = [:]) {
        open(name)
        write(attributes)
        closeStart(name)
    }

    /// Closes the element opened last; does nothing when none is open.
    public mutating func end() {
        guard let name = openElements.popLast() else { return }
        Self.appendClosing(name, to: &bytes)
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
    public mutating func text(_ text: String) { Self.appendEscaped(text, to: &bytes) }

    /// Writes what another writer produced (already escaped), closing the elements it left open.
    public mutating func append(_ other: SVGWriter) {
        bytes.append(contentsOf: other.bytes)
        for name in other.openElements.reversed() { Self.appendClosing(name, to: &bytes) }
    }

    /// Writes `markup` as it is, unescaped: for markup made elsewhere.
    mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// The markup with every element still open closed.
    public func finished() -> String {
        if openElements.isEmpty { return markup }
        var copy = SVGWriter()
        copy.append(self)
        return copy.markup
    }

    /// Bytes ``finished()`` has.
    var finishedCount: Int { openElements.reduce(bytes.count) { $0 + $1.utf8.count + 4 } }

    private static func appendClosing(_ name: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(UInt8(ascii: "\n"))
    }

    // MARK: - Tag by tag

    /// Begins a tag, `<name`; give its attributes next, then close it.
    mutating func open(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
    }

    /// Writes ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        beginAttribute(name)
        valuePart(value)
        endAttribute()
    }

    /// Writes ` name="first second"` (two class names), each escaped.
    mutating func attribute(_ name: String, _ first: String, _ second: String) {
        beginAttribute(name)
        valuePart(first)
        bytes.append(UInt8(ascii: " "))
        valuePart(second)
        endAttribute()
    }

    /// Writes ` name="number"` as ``SVGNumber`` formats it.
    mutating func attribute(_ name: String, _ value: Double) {
        beginAttribute(name)
        valuePart(value)
        endAttribute()
    }

    /// Writes ` name="path data"`, copied as it is (path data is digits, letters, spaces, `.` and `-`).
    mutating func attribute(_ name: String, path: PathData) {
        beginAttribute(name)
        bytes.append(contentsOf: path.bytes)
        endAttribute()
    }

    /// Writes ` name="#rrggbb"`.
    mutating func attribute(_ name: String, _ color: ChartColor) {
        beginAttribute(name)
        color.appendHex(to: &bytes)
        endAttribute()
    }

    /// Begins an attribute, ` name="`, whose value is written in parts by ``valuePart(_:)-(String)``
    /// and ``valuePart(_:)-(Double)``; end it with ``endAttribute()``.
    mutating func beginAttribute(_ name: String) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes part of an attribute value, escaped.
    mutating func valuePart(_ text: String) { Self.appendEscaped(text, to: &bytes) }

    /// Writes a number in an attribute value, as ``SVGNumber`` formats it.
    mutating func valuePart(_ number: Double) { SVGNumber.append(number, to: &bytes) }

    /// Ends the attribute begun by ``beginAttribute(_:)``.
    mutating func endAttribute() { bytes.append(UInt8(ascii: "\"")) }

    /// Ends the tag begun by ``open(_:)`` as an element without content: `/>`.
    mutating func closeEmpty() {
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Ends the tag begun by ``open(_:)`` as the start of element `name`; close it with ``end()``.
    mutating func closeStart(_ name: String) {
        bytes.append(UInt8(ascii: ">"))
        bytes.append(UInt8(ascii: "\n"))
        openElements.append(name)
    }

    /// Ends the tag begun by ``open(_:)`` with `text` as its content and the end tag of `name`.
    mutating func closeText(_ text: String, name: String) {
        bytes.append(UInt8(ascii: ">"))
        Self.appendEscaped(text, to: &bytes)
        Self.appendClosing(name, to: &bytes)
    }

    private mutating func write(_ attributes: KeyValuePairs<String, any SVGAttributeValue>) {
        for (name, value) in attributes {
            guard let value = value.svgAttributeText else { continue }
            attribute(name, value)
        }
    }
}
