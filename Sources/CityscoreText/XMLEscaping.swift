/// The one XML escaper: text nodes and attribute values of SVG charts and the sitemap.
public enum XMLEscaping {
    /// Escapes `& < > " '` and writes tabs and line breaks as character references, so the text is
    /// safe both as a text node and inside a quoted attribute. Characters XML 1.0 does not allow
    /// (most control characters, U+FFFE, U+FFFF) are dropped.
    public static func escape(_ text: String) -> String {
        // Most text needs no escaping: check the bytes once and hand it back as it is.
        if isPlain(text) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendEscapedSlowly(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 of ``escape(_:)`` of `text` to `out`.
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        // One pass over the bytes where the string has them in one piece (native strings do).
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where needsLook(byte) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        switch copied {
        case true?: return
        case false?: appendEscapedSlowly(text, to: &out)
        case nil: if isPlain(text) { out.append(contentsOf: text.utf8) } else { appendEscapedSlowly(text, to: &out) }
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

    /// Copies plain bytes and replaces or drops the others.
    private static func appendEscapedSlowly(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            guard needsLook(byte) else {
                out.append(byte)
                continue
            }
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF: dropped. Other scalars starting with EF stay.
                let rest = utf8[index...].prefix(2)
                if rest.elementsEqual([0xBF, 0xBE]) || rest.elementsEqual([0xBF, 0xBF]) {
                    index = rest.endIndex
                } else {
                    out.append(byte)
                }
            default: break  // other control characters are dropped
            }
        }
    }
}
