import CityscoreDiagnostics

/// A Markdown file split into its YAML front matter (between `---` lines) and its body.
public struct FrontMatter: Sendable {
    /// The front matter fields (empty when the file has none).
    public var fields: YAMLFields
    /// The Markdown after the front matter.
    public var body: String
    /// Line of the file where the body starts.
    public var bodyLine: Int

    /// Splits `text` (the content of the site file `path`). Only the front matter is split into
    /// lines; the body is cut out of the text once.
    public static func split(_ text: String, path: String) -> (FrontMatter, [Diagnostic]) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let bytes = Array(text.utf8)
        // Lines as byte ranges, up to and including the closing fence.
        func isFence(_ start: Int, _ end: Int) -> Bool {
            var e = end
            if e > start && bytes[e - 1] == 0x0D { e -= 1 }
            return e - start == 3 && bytes[start] == 0x2D && bytes[start + 1] == 0x2D && bytes[start + 2] == 0x2D
        }
        func lineEnd(from start: Int) -> Int { bytes[start...].firstIndex(of: 0x0A) ?? bytes.count }
        let firstEnd = bytes.isEmpty ? 0 : lineEnd(from: 0)
        guard !bytes.isEmpty, isFence(0, firstEnd) else {
            let (fields, _) = YAMLFields.parse("", path: path)
            return (FrontMatter(fields: fields, body: text, bodyLine: 1), [])
        }
        var line = 2
        var start = firstEnd + 1
        while start <= bytes.count {
            let end = start < bytes.count ? lineEnd(from: start) : start
            if start < bytes.count && isFence(start, end) {
                let yaml = String(decoding: bytes[(firstEnd + 1)..<max(firstEnd + 1, start - 1)], as: UTF8.self)
                let (fields, diagnostics) = YAMLFields.parse(start - 1 > firstEnd ? yaml : "", path: path, firstLine: 2)
                let body = end < bytes.count ? String(decoding: bytes[(end + 1)...], as: UTF8.self) : ""
                return (FrontMatter(fields: fields, body: body, bodyLine: line + 1), diagnostics)
            }
            if end >= bytes.count { break }
            start = end + 1
            line += 1
        }
        var (fields, _) = YAMLFields.parse("", path: path)
        fields.isReadable = false
        return (
            FrontMatter(fields: fields, body: "", bodyLine: 1),
            [
                .error(
                    "the front matter is not closed: add a line \"---\" after it",
                    at: SourceLocation(path: path, line: 1, column: 1), code: .frontMatterUnclosed)
            ]
        )
    }
}
