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
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            if needsEscape(byte) {
                escaped += text[start..<i]
                switch byte {
                case UInt8(ascii: "&"): escaped += "&amp;"
                case UInt8(ascii: "<"): escaped += "&lt;"
                case UInt8(ascii: ">"): escaped += "&gt;"
                case UInt8(ascii: "\""): escaped += "&quot;"
                default: escaped += "&#39;"
                }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        escaped += text[start...]
        return escaped
    }

    public static func needsEscape(_ byte: UInt8) -> Bool {
        // All five are below `?`: letters and most text are settled by the first comparison.
        byte < UInt8(ascii: "?")
            && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }
}
