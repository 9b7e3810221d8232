import CityscoreText

/// A JSON value written with keys in the order given, numbers with fixed rules: the same data
/// always gives the same bytes.
enum JSON: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    /// `nil` → `null`.
    static func optional(_ value: Double?) -> JSON { value.map { .number($0) } ?? .null }
    static func optional(_ value: Int?) -> JSON { value.map { .int($0) } ?? .null }
    static func optional(_ value: String?) -> JSON { value.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    func serialized(reservingCapacity capacity: Int = 0) -> String {
        var writer = JSONWriter(capacity: capacity)
        writer.write(self, depth: 0)
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Shortest text that reads back as the same double; integers keep one decimal (`97.0`).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0.0" }
        return d.description
    }

    /// `s` as a JSON string literal.
    static func quote(_ s: String) -> String { JSONEscaping.quote(s) }
}

/// Appends a `JSON` value to one growing buffer of UTF-8 bytes: indentation comes from a table,
/// text without characters to escape is copied in one piece.
private struct JSONWriter {
    var bytes: [UInt8] = []
    /// `indents[n]` is the line start at depth `n`: a newline and `n` times two spaces.
    private var indents: [[UInt8]] = [[UInt8(ascii: "\n")]]

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): bytes.append(contentsOf: String(i).utf8)
        case .number(let d): bytes.append(contentsOf: JSON.number(d).utf8)
        case .string(let s): JSONEscaping.appendQuoted(s, to: &bytes)
        case .array(let items):
            if items.isEmpty {
                append("[]")
                return
            }
            append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { append(",") }
                newline(depth + 1)
                write(item, depth: depth + 1)
            }
            newline(depth)
            append("]")
        case .object(let pairs):
            if pairs.isEmpty {
                append("{}")
                return
            }
            append("{")
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { append(",") }
                newline(depth + 1)
                JSONEscaping.appendQuoted(key, to: &bytes)
                append(": ")
                write(item, depth: depth + 1)
            }
            newline(depth)
            append("}")
        }
    }

    /// Appends fixed ASCII text.
    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A line break and the indentation of `depth`.
    private mutating func newline(_ depth: Int) {
        while indents.count <= depth { indents.append(indents[indents.count - 1] + Array("  ".utf8)) }
        bytes.append(contentsOf: indents[depth])
    }
}
