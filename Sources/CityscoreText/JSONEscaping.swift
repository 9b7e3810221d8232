/// The one JSON string escaper: the data files (`data/*.json`), `--format json` and GitLab's Code
/// Quality report.
public enum JSONEscaping {
    /// `s` as a JSON string literal.
    public static func quote(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `s` in double quotes, escaped: `"` `\` and control characters, and U+2028 and U+2029 (which
    /// end a line in JavaScript). Runs of other text are copied unchanged.
    public static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
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
