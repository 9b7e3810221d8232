/// The one HTML escaper: what templates apply to `{{name}}`, and what anything else that writes
/// HTML text or attribute values uses (heading ids, the preview server's overlay). XML files
/// (SVG, the sitemap) use ``XMLEscaping``, JSON ``JSONEscaping``.
public enum HTMLEscaping {
    /// `text` with `& < > " '` as character references; text without them is returned as it is.
    public static func escape(_ text: String) -> String {
        var contiguous = text
        guard contiguous.withUTF8({ $0.contains(where: needsEscape) }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        append(escaping: text, to: &escaped)
        return escaped
    }

    /// Appends `text` with `& < > " '` as character references to `output`.
    public static func append(escaping text: String, to output: inout String) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            if needsEscape(byte) {
                output += text[start..<i]
                output += reference(byte)
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        output += text[start...]
    }

    /// The UTF-8 length of `escape(text)`: read from the text's contiguous bytes, as fast as the
    /// test of whether there is anything to escape.
    public static func escapedCount(_ text: String) -> Int {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var count = bytes.count
            for byte in bytes where needsEscape(byte) { count += reference(byte).utf8.count - 1 }
            return count
        }
    }

    /// The character reference of a byte `needsEscape` accepts.
    static func reference(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
    }

    public static func needsEscape(_ byte: UInt8) -> Bool {
        // All five are below `?`: letters and most text are settled by the first comparison.
        byte < UInt8(ascii: "?")
            && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }
}
