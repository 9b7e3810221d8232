/// A JSON value written with keys in the order given, numbers with fixed rules: the same data
/// always gives the same bytes.
indirect enum JSON: Sendable {
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
        writer.out.append("\n")
        return writer.out
    }

    /// Shortest text that reads back as the same double; integers keep one decimal (`97.0`).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0.0" }
        return d.description
    }

    /// `s` as a JSON string literal.
    static func quote(_ s: String) -> String {
        var out = ""
        JSONWriter.appendQuoted(s, to: &out)
        return out
    }
}

/// Appends a `JSON` value to one growing string: indentation comes from a table, text without
/// characters to escape is appended in one piece.
private struct JSONWriter {
    var out = ""
    /// `indents[n]` is the line start at depth `n`: a newline and `n` times two spaces.
    private var indents: [String] = ["\n"]

    init(capacity: Int) { out.reserveCapacity(capacity) }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(String(i))
        case .number(let d): out.append(JSON.number(d))
        case .string(let s): Self.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty {
                out.append("[]")
                return
            }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                newline(depth + 1)
                write(item, depth: depth + 1)
            }
            newline(depth)
            out.append("]")
        case .object(let pairs):
            if pairs.isEmpty {
                out.append("{}")
                return
            }
            out.append("{")
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { out.append(",") }
                newline(depth + 1)
                Self.appendQuoted(key, to: &out)
                out.append(": ")
                write(item, depth: depth + 1)
            }
            newline(depth)
            out.append("}")
        }
    }

    /// A line break and the indentation of `depth`.
    private mutating func newline(_ depth: Int) {
        while indents.count <= depth { indents.append(indents[indents.count - 1] + "  ") }
        out.append(indents[depth])
    }

    /// `s` in double quotes, escaped: `"` `\` and control characters, and U+2028 and U+2029 (which
    /// end a line in JavaScript). Runs of other text are appended unchanged.
    static func appendQuoted(_ s: String, to out: inout String) {
        out.append("\"")
        let utf8 = s.utf8
        if !utf8.contains(where: needsEscapeCheck) {
            out.append(s)
        } else {
            var runStart = utf8.startIndex
            var i = runStart
            while i < utf8.endIndex {
                let byte = utf8[i]
                guard needsEscapeCheck(byte), let (escape, length) = escape(at: i, in: utf8) else {
                    i = utf8.index(after: i)
                    continue
                }
                out.append(contentsOf: s[runStart..<i])
                out.append(escape)
                i = utf8.index(i, offsetBy: length)
                runStart = i
            }
            out.append(contentsOf: s[runStart..<utf8.endIndex])
        }
        out.append("\"")
    }

    /// Bytes that may start an escape: `"`, `\`, control characters, and 0xE2 (the lead byte of U+2028 and U+2029).
    private static func needsEscapeCheck(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// The escape for the character starting at `i`, and its length in bytes; nil when it stays as it is.
    private static func escape(at i: String.UTF8View.Index, in utf8: String.UTF8View) -> (String, Int)? {
        switch utf8[i] {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0xE2:
            // U+2028 is E2 80 A8, U+2029 is E2 80 A9.
            let rest = utf8[i...].dropFirst().prefix(2)
            guard rest.count == 2, rest.first == 0x80, let last = rest.last, last == 0xA8 || last == 0xA9 else {
                return nil
            }
            return (last == 0xA8 ? "\\u2028" : "\\u2029", 3)
        case let byte:
            let hex = String(byte, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        }
    }
}
