/// Escaping of text nodes and attribute values.
extension SVGWriter {
    /// Escapes `& < > " '` and writes tabs and line breaks as character references, so the text is
    /// safe both as a text node and inside a quoted attribute. Characters XML 1.0 does not allow
    /// (most control characters, U+FFFE, U+FFFF) are dropped.
    public static func escape(_ text: String) -> String {
        // Most text needs no escaping: check the bytes once and hand it back as it is.
        if isPlain(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        appendEscapedSlowly(text, to: &out)
        return out
    }

    /// Appends ``escape(_:)`` of `text` to `out`.
    static func appendEscaped(_ text: String, to out: inout String) {
        if isPlain(text) {
            out += text
        } else {
            appendEscapedSlowly(text, to: &out)
        }
    }

    /// Whether `text` has no byte that ``escape(_:)`` changes (0xEF may start U+FFFE or U+FFFF).
    private static func isPlain(_ text: String) -> Bool {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where needsLook(byte) { return false }
            return true
        }
        return plain ?? text.utf8.allSatisfy { !needsLook($0) }
    }

    @inline(__always)
    private static func needsLook(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
    }

    /// Copies runs of plain text whole and replaces or drops the bytes between them. Every byte it
    /// stops at is ASCII or starts a scalar, so the runs are whole scalars.
    private static func appendEscapedSlowly(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard needsLook(byte) else {
                index = utf8.index(after: index)
                continue
            }
            var next = utf8.index(after: index)
            let replacement: String
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            case 0x09: replacement = "&#9;"
            case 0x0A: replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF; every other scalar starting with EF stays.
                guard next != utf8.endIndex, utf8[next] == 0xBF else {
                    index = next
                    continue
                }
                let third = utf8.index(after: next)
                guard third != utf8.endIndex, utf8[third] == 0xBE || utf8[third] == 0xBF else {
                    index = next
                    continue
                }
                next = utf8.index(after: third)
                replacement = ""
            default: replacement = ""  // other control characters
            }
            out += text[runStart..<index]
            out += replacement
            runStart = next
            index = next
        }
        out += text[runStart..<utf8.endIndex]
    }
}
