import CityscoreDiagnostics

/// A live value written in a narrative: `{{value "EC: ICT: ICT: 1C"}}`, `{{score "economy"}}`,
/// `{{chart "wheel" city="rana"}}`. Found in the Markdown source (so its position and its straight
/// quotes are exact), expanded only where cmark sees text: never in code spans, code blocks, raw
/// HTML or link destinations, which keep it as written.
public struct Shortcode: Sendable, Hashable {
    /// `value`, `target`, `achievement`, `band`, `year`, `score`, `chart`.
    public var name: String
    /// The quoted arguments in order.
    public var arguments: [String]
    /// `key="value"` arguments (`city="rana"`).
    public var named: [String: String]
    /// Where `{{` stands in the `.md` file (front matter lines counted).
    public var location: SourceLocation
    /// The shortcode as written, `{{` to `}}`.
    public var text: String

    public init(
        name: String, arguments: [String] = [], named: [String: String] = [:],
        location: SourceLocation = SourceLocation(path: ""), text: String = ""
    ) {
        self.name = name
        self.arguments = arguments
        self.named = named
        self.location = location
        self.text = text
    }
}

/// What a shortcode becomes.
public enum ShortcodeOutput: Sendable, Hashable {
    /// Text, escaped like every other text of the narrative.
    case text(String)
    /// HTML that stands as a block of its own (a chart): only for a shortcode alone in its paragraph.
    case block(String)
    /// A problem; the fallback text stands in its place (the build stops anyway).
    case problem(Diagnostic)
}

/// Finds shortcodes in Markdown source and swaps them for placeholders cmark leaves alone.
enum Shortcodes {
    /// Marks around a placeholder's number: private-use characters, no Markdown or smart-punctuation
    /// meaning, so a placeholder always stays inside one text node.
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// The source with every `{{…}}` on one line replaced by a placeholder, and the shortcodes in
    /// placeholder order (those that do not parse are kept with their problem). A `\{{` is left as
    /// written (CommonMark shows it as `{{`).
    static func extract(_ markdown: String, path: String, firstLine: Int) -> (String, [Found]) {
        guard markdown.utf8.contains(UInt8(ascii: "{")) else { return (markdown, []) }
        var found: [Found] = []
        var lines: [String] = []
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains("{{") else {
                lines.append(String(line))
                continue
            }
            var out = ""
            var rest = line[...]
            while let start = rest.firstRange(of: "{{") {
                let before = rest[..<start.lowerBound]
                if before.hasSuffix("\\") {
                    out += rest[..<start.upperBound]
                    rest = rest[start.upperBound...]
                    continue
                }
                guard let end = rest[start.upperBound...].firstRange(of: "}}") else { break }
                out += before
                let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
                let location = SourceLocation(path: path, line: firstLine + number, column: column)
                let text = String(rest[start.lowerBound..<end.upperBound])
                found.append(
                    Found(
                        text: text,
                        parsed: parse(String(rest[start.upperBound..<end.lowerBound]), text: text, at: location)))
                out += placeholder(found.count - 1, bytes: text.utf8.count)
                rest = rest[end.upperBound...]
            }
            lines.append(out + rest)
        }
        return (lines.joined(separator: "\n"), found)
    }

    /// `name "arg" "arg" key="value"`; quotes may be straight or curly.
    static func parse(_ inner: String, text: String, at location: SourceLocation) -> Parsed {
        var shortcode = Shortcode(name: "", location: location, text: text)
        var chars = inner[...]
        func skipSpaces() { chars = chars.drop { $0 == " " || $0 == "\t" } }
        func problem(_ message: String) -> Parsed {
            .problem(
                .error(
                    message, at: location,
                    suggestion: "write it as {{value \"EC: ICT: ICT: 1C\"}}, with each argument in double quotes",
                    code: .shortcodeSyntax))
        }
        skipSpaces()
        let name = chars.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard !name.isEmpty else { return problem("\(text) does not start with the name of a live value") }
        shortcode.name = String(name)
        chars = chars.dropFirst(name.count)
        while true {
            skipSpaces()
            guard let first = chars.first else { break }
            var key: String?
            if first.isLetter {
                let word = chars.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                chars = chars.dropFirst(word.count)
                guard chars.first == "=" else { return problem("\"\(word)\" in \(text) is not in double quotes") }
                chars = chars.dropFirst()
                key = String(word)
            }
            guard let quote = chars.first, quote == "\"" || quote == "“" else {
                return problem("an argument of \(text) is not in double quotes")
            }
            chars = chars.dropFirst()
            guard let end = chars.firstIndex(where: { $0 == "\"" || $0 == "”" }) else {
                return problem("a quote of \(text) is not closed")
            }
            let value = String(chars[..<end])
            chars = chars[chars.index(after: end)...]
            if let key { shortcode.named[key] = value } else { shortcode.arguments.append(value) }
        }
        return .code(shortcode)
    }

    /// The placeholder of shortcode `number`, its number padded with zeros to `bytes` UTF-8 bytes
    /// where it fits, so that what follows on the line keeps its column for cmark's positions.
    static func placeholder(_ number: Int, bytes: Int) -> String {
        let digits = String(number)
        let padding = max(0, bytes - 6 - digits.utf8.count)  // the two marks take 3 bytes each
        return "\(open)" + String(repeating: "0", count: padding) + digits + "\(close)"
    }

    /// The placeholders in `text`: (range, number).
    static func placeholders(in text: String) -> [(Range<String.Index>, Int)] {
        var out: [(Range<String.Index>, Int)] = []
        var index = text.startIndex
        while let start = text[index...].firstIndex(of: open) {
            guard let end = text[start...].firstIndex(of: close),
                let number = Int(text[text.index(after: start)..<end])
            else { break }
            out.append((start..<text.index(after: end), number))
            index = text.index(after: end)
        }
        return out
    }

    /// `text` with every placeholder put back as written (for code, raw HTML, link destinations).
    static func restore(_ text: String, _ codes: [Found]) -> String {
        var out = text
        for (range, number) in placeholders(in: text).reversed() where number < codes.count {
            out.replaceSubrange(range, with: codes[number].text)
        }
        return out
    }

    /// A shortcode parsed, or why it cannot be.
    enum Parsed {
        case code(Shortcode)
        case problem(Diagnostic)
    }

    /// A shortcode as written and as parsed.
    struct Found {
        var text: String
        var parsed: Parsed
    }
}
