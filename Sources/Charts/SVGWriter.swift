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
public struct SVGWriter: Sendable {
    /// The markup written so far (elements still open are not closed).
    public private(set) var markup = ""
    private var openElements: [String] = []

    /// An empty writer.
    public init() {}

    /// Opens `<name …>`; close it with ``end()``.
    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, any SVGAttributeValue> = [:]) {
        markup += "<" + name + Self.attributeText(attributes) + ">\n"
        openElements.append(name)
    }

    /// Closes the element opened last; does nothing when none is open.
    public mutating func end() {
        guard let name = openElements.popLast() else { return }
        markup += "</" + name + ">\n"
    }

    /// Writes an element without content: `<name …/>`.
    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, any SVGAttributeValue> = [:]) {
        markup += "<" + name + Self.attributeText(attributes) + "/>\n"
    }

    /// Writes an element holding only text: `<name …>text</name>`.
    public mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, any SVGAttributeValue> = [:], text: String
    ) { markup += "<" + name + Self.attributeText(attributes) + ">" + Self.escape(text) + "</" + name + ">\n" }

    /// Writes a text node inside the element open last.
    public mutating func text(_ text: String) { markup += Self.escape(text) }

    /// Writes what another writer produced (already escaped), closing the elements it left open.
    public mutating func append(_ other: SVGWriter) { markup += other.finished() }

    /// The markup with every element still open closed.
    public func finished() -> String { openElements.reversed().reduce(markup) { $0 + "</" + $1 + ">\n" } }

    /// Escapes `& < > " '` and writes tabs and line breaks as character references, so the text is
    /// safe both as a text node and inside a quoted attribute. Characters XML 1.0 does not allow
    /// (most control characters, U+FFFE, U+FFFF) are dropped.
    public static func escape(_ text: String) -> String {
        // Most text needs no escaping: check the bytes once and hand it back as it is.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x27
                && byte != 0xEF
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func attributeText(_ attributes: KeyValuePairs<String, any SVGAttributeValue>) -> String {
        var text = ""
        for (name, value) in attributes {
            guard let value = value.svgAttributeText else { continue }
            text += " " + name + "=\"" + escape(value) + "\""
        }
        return text
    }
}
