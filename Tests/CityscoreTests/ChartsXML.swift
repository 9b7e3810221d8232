import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses chart markup with `XMLParser` and keeps what the tests check: the root element, every
/// element's attributes, ids and references, and the text of `<title>` and `<text>` elements.
final class ChartsXML: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var titles: [String] = []
    private(set) var texts: [String] = []
    private(set) var error: String?
    private var buffer = ""

    /// Parses `markup`; `error` says why it is not well-formed XML.
    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "not well-formed" }
    }

    var root: Element? { elements.first }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes))
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { titles.append(buffer) }
        if name == "text" || name == "textPath" { texts.append(buffer) }
        buffer = ""
    }

    /// Every `id` attribute, in document order.
    var ids: [String] { elements.compactMap { $0.attributes["id"] } }

    /// Every id referred to by `url(#…)` or `href="#…"`.
    var references: [String] {
        elements.flatMap { element in
            element.attributes.values.compactMap { value -> String? in
                if value.hasPrefix("url(#") && value.hasSuffix(")") { return String(value.dropFirst(5).dropLast()) }
                return nil
            } + (element.attributes["href"].map { $0.hasPrefix("#") ? [String($0.dropFirst())] : [] } ?? [])
        }
    }

    /// Attribute values that must be numbers (or lists of them) and are not written with at most
    /// two decimals, without exponent, `-0`, NaN or infinity.
    var badNumbers: [String] {
        let numeric: Set = [
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "width", "height", "font-size", "stroke-width",
            "viewBox", "d", "transform",
        ]
        var bad: [String] = []
        for element in elements {
            for (name, value) in element.attributes where numeric.contains(name) {
                if element.name == "svg" && (name == "width" || name == "height") { bad.append("root \(name)") }
                let tokens = value.split { !"0123456789.-".contains($0) }
                for token in tokens where !Self.isPlainNumber(String(token)) { bad.append("\(name)=\"\(value)\"") }
                if value.lowercased().contains("nan") || value.lowercased().contains("inf") || value.contains("e+")
                    || value.contains("e-")
                {
                    bad.append("\(name)=\"\(value)\"")
                }
            }
        }
        return bad
    }

    static func isPlainNumber(_ token: String) -> Bool {
        guard token != "-0", !token.hasPrefix("-0") || token.hasPrefix("-0.") else { return false }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        guard !whole.isEmpty, whole.allSatisfy(\.isNumber), parts.count <= 2 else { return false }
        if parts.count == 2 {
            let fraction = parts[1]
            return (1...2).contains(fraction.count) && fraction.allSatisfy(\.isNumber) && !fraction.hasSuffix("0")
        }
        return true
    }
}
