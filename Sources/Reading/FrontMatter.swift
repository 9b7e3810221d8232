import Diagnostics

/// A Markdown file split into its YAML front matter (between `---` lines) and its body.
public struct FrontMatter: Sendable {
    /// The front matter fields (empty when the file has none).
    public var fields: YAMLFields
    /// The Markdown after the front matter.
    public var body: String
    /// Line of the file where the body starts.
    public var bodyLine: Int

    /// Splits `text` (the content of the site file `path`).
    public static func split(_ text: String, path: String) -> (FrontMatter, [Diagnostic]) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool {
            line.hasSuffix("\r") ? line.dropLast() == "---" : line == "---"
        }
        guard let first = lines.first, isFence(first) else {
            let (fields, _) = YAMLFields.parse("", path: path)
            return (FrontMatter(fields: fields, body: text, bodyLine: 1), [])
        }
        guard let end = lines.dropFirst().firstIndex(where: isFence) else {
            var (fields, _) = YAMLFields.parse("", path: path)
            fields.isReadable = false
            return (
                FrontMatter(fields: fields, body: "", bodyLine: 1),
                [
                    .error(
                        "the front matter is not closed: add a line \"---\" after it",
                        at: SourceLocation(path: path, line: 1, column: 1))
                ]
            )
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let (fields, diagnostics) = YAMLFields.parse(yaml, path: path, firstLine: 2)
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (FrontMatter(fields: fields, body: body, bodyLine: end + 2), diagnostics)
    }
}
