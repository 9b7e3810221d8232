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
    static func quote(_ s: String) -> String {
        var bytes: [UInt8] = []
        JSONWriter.appendQuoted(s, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
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
        case .string(let s): Self.appendQuoted(s, to: &bytes)
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
                Self.appendQuoted(key, to: &bytes)
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

    /// `s` in double quotes, escaped: `"` `\` and control characters, and U+2028 and U+2029 (which
    /// end a line in JavaScript). Runs of other text are copied unchanged.
    static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                guard needsEscapeCheck(utf8[i]), let (escape, length) = escape(at: i, in: utf8) else {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                bytes.append(contentsOf: escape.utf8)
                i += length
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Bytes that may start an escape: `"`, `\`, control characters, and 0xE2 (the lead byte of U+2028 and U+2029).
    private static func needsEscapeCheck(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// The escape for the character starting at `i`, and its length in bytes; nil when it stays as it is.
    private static func escape(at i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        switch utf8[i] {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0xE2:
            // U+2028 is E2 80 A8, U+2029 is E2 80 A9.
            guard i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 else {
                return nil
            }
            return (utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        case let byte:
            let hex = String(byte, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        }
    }
}
