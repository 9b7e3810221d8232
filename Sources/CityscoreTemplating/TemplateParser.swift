import CityscoreDiagnostics

/// Turns a template's text into nodes: finds the tags (with `{{=<% %>=}}` changing the delimiters),
/// removes the lines that hold only a section, comment or partial tag (Mustache's "standalone" lines),
/// and nests the sections. Every problem is reported at the tag's line and column.
struct TemplateParser {
    let template: String
    let bytes: [UInt8]

    init(template: String, text: String) {
        self.template = template
        self.bytes = Array(text.utf8)
    }

    /// The nodes of the template, or the first problem in it.
    func parse() -> Result<[TemplateNode], TemplateError> {
        Result { () throws(TemplateError) in try nest(standalone(try scan())) }
    }

    // MARK: Tokens

    enum Kind: Equatable {
        case variable, unescaped, section, inverted, close, comment, partial, delimiters, parent, block

        /// Tags that leave no trace on a line of their own.
        var mayStandAlone: Bool { self != .variable && self != .unescaped }
    }

    struct Tag {
        var kind: Kind
        var content: String
        var line: Int
        var column: Int
        /// The open tag as written (`{{#`), for messages.
        var written: String
        var indentation = ""
    }

    enum Token {
        case text(Range<Int>)
        case tag(Tag)
    }

    func scan() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var line = 1
        var lineStart = 0
        /// The column at a byte of the current line, carried from one tag to the next.
        var counted = (byte: 0, column: 1)
        var i = 0

        func addText(_ range: Range<Int>) {
            var start = range.lowerBound
            for j in range where bytes[j] == UInt8(ascii: "\n") {
                tokens.append(.text(start..<(j + 1)))
                start = j + 1
                line += 1
                lineStart = start
            }
            if start < range.upperBound { tokens.append(.text(start..<range.upperBound)) }
        }

        while i < bytes.count {
            guard let tagStart = find(open, from: i) else {
                addText(i..<bytes.count)
                break
            }
            addText(i..<tagStart)
            // Columns count characters (Unicode scalars), from the last tag on the same line onwards,
            // so that a long line of tags is not counted over and over.
            if counted.byte < lineStart { counted = (lineStart, 1) }
            counted.column += bytes[counted.byte..<tagStart].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            counted.byte = tagStart
            let column = counted.column
            var j = tagStart + open.count
            var kind = Kind.variable
            var closing = close
            if j < bytes.count {
                switch bytes[j] {
                case UInt8(ascii: "{"):
                    kind = .unescaped
                    closing = [UInt8(ascii: "}")] + close
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "="):
                    kind = .delimiters
                    closing = [UInt8(ascii: "=")] + close
                default: break
                }
                if kind != .variable { j += 1 }
            }
            let written = String(decoding: bytes[tagStart..<j], as: UTF8.self)
            guard let end = find(closing, from: j) else {
                throw TemplateError(
                    template: template, line: line, column: column,
                    message: "the tag \(written) is never closed",
                    suggestion: "end it with \(String(decoding: closing, as: UTF8.self))")
            }
            // A tag other than a comment stays on its line: a `}}` further on belongs to another tag.
            if kind != .comment, let stray = bytes[j..<end].firstIndex(where: { $0 == UInt8(ascii: "\n") }) {
                let candidate = String(decoding: bytes[j..<stray], as: UTF8.self).trimmingWhitespace
                throw TemplateError(
                    template: template, line: line, column: column,
                    message: "the tag \(written)\(candidate) is not closed on its line",
                    suggestion: "end it with \(String(decoding: closing, as: UTF8.self))")
            }
            let raw = String(decoding: bytes[j..<end], as: UTF8.self)
            let content = kind == .comment ? raw : raw.trimmingWhitespace
            let tag = Tag(kind: kind, content: content, line: line, column: column, written: written)
            i = end + closing.count
            for k in tagStart..<i where bytes[k] == UInt8(ascii: "\n") {
                line += 1
                lineStart = k + 1
            }
            if kind == .delimiters {
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw TemplateError(
                        template: template, line: tag.line, column: tag.column,
                        message:
                            "\(written)\(content)=\(String(decoding: close, as: UTF8.self)) does not set two delimiters",
                        suggestion:
                            "write the new opening and closing delimiters with a space between, as in {{=<% %>=}}")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
            tokens.append(.tag(tag))
        }
        return tokens
    }

    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: Standalone lines

    /// Removes the whitespace and line ending around a tag that is alone on its line; a partial
    /// alone on its line keeps the line's indentation, to indent every line it writes.
    func standalone(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var line: [Token] = []
        func flush() {
            defer { line.removeAll(keepingCapacity: true) }
            var tag: Tag?
            var tags = 0
            var blank = true
            for token in line {
                switch token {
                case .tag(let t):
                    tags += 1
                    tag = t
                case .text(let range): blank = blank && isBlank(range)
                }
            }
            guard tags == 1, blank, var tag, tag.kind.mayStandAlone else {
                out += line
                return
            }
            if tag.kind == .partial, case .text(let range) = line.first {
                tag.indentation = String(decoding: bytes[range], as: UTF8.self)
            }
            out.append(.tag(tag))
        }
        for token in tokens {
            line.append(token)
            if case .text(let range) = token, bytes[range.upperBound - 1] == UInt8(ascii: "\n") { flush() }
        }
        flush()
        return out
    }

    /// Spaces and tabs only, up to an optional line ending.
    func isBlank(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "\n") {
            end -= 1
            if end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return bytes[range.lowerBound..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    // MARK: Sections

    func nest(_ tokens: [Token]) throws(TemplateError) -> [TemplateNode] {
        // Open sections: the tag, its name (read once, when it opens) and the nodes inside it so far.
        var frames: [(tag: Tag?, name: TemplateName?, nodes: [TemplateNode])] = [(nil, nil, [])]
        func append(_ node: TemplateNode) {
            if case .text(let more) = node, case .text(let text)? = frames[frames.count - 1].nodes.last {
                frames[frames.count - 1].nodes[frames[frames.count - 1].nodes.count - 1] = .text(text + more)
            } else {
                frames[frames.count - 1].nodes.append(node)
            }
        }
        for token in tokens {
            switch token {
            case .text(let range): append(.text(String(decoding: bytes[range], as: UTF8.self)))
            case .tag(let tag):
                switch tag.kind {
                case .variable: append(.variable(try name(tag), escaped: true, line: tag.line, column: tag.column))
                case .unescaped:
                    append(.variable(try name(tag), escaped: false, line: tag.line, column: tag.column))
                case .section, .inverted:
                    let sectionName = try name(tag)
                    // Deeper trees would cost stack in every pass over them (linking, rendering, freeing).
                    guard frames.count <= TemplateLibrary.maxNesting else {
                        throw TemplateError(
                            template: template, line: tag.line, column: tag.column,
                            message: "sections nest more than \(TemplateLibrary.maxNesting) deep here",
                            suggestion: "close some sections before opening more")
                    }
                    frames.append((tag, sectionName, []))
                case .close:
                    guard frames.count > 1, let open = frames[frames.count - 1].tag,
                        let openName = frames[frames.count - 1].name
                    else {
                        throw TemplateError(
                            template: template, line: tag.line, column: tag.column,
                            message: "{{/\(tag.content)}} closes a section that was never opened",
                            suggestion: "open it before with {{#\(tag.content)}}, or remove this tag")
                    }
                    guard open.content == tag.content else {
                        throw TemplateError(
                            template: template, line: tag.line, column: tag.column,
                            message:
                                "{{/\(tag.content)}} does not match \(open.written)\(open.content)}}, opened at line \(open.line)",
                            suggestion: "close \(open.written)\(open.content)}} with {{/\(open.content)}} first")
                    }
                    let frame = frames.removeLast()
                    append(
                        .section(
                            openName, frame.nodes, inverted: open.kind == .inverted, line: open.line,
                            column: open.column))
                case .partial:
                    append(
                        .partial(
                            name: tag.content, indentation: tag.indentation, index: -1, line: tag.line,
                            column: tag.column))
                case .comment, .delimiters: break
                case .parent, .block:
                    throw TemplateError(
                        template: template, line: tag.line, column: tag.column,
                        message: "template inheritance (\(tag.written)\(tag.content)}}) is not supported",
                        suggestion: "share markup with partials: {{>partials/name}}")
                }
            }
        }
        if frames.count > 1, let open = frames[frames.count - 1].tag {
            throw TemplateError(
                template: template, line: open.line, column: open.column,
                message: "the section \(open.written)\(open.content)}} is never closed",
                suggestion: "end it with {{/\(open.content)}}")
        }
        return frames[0].nodes
    }

    /// The name in a tag: `.`, dotted parts, or `function(name)`.
    func name(_ tag: Tag) throws(TemplateError) -> TemplateName {
        func fail(_ message: String, _ suggestion: String? = nil) -> TemplateError {
            TemplateError(
                template: template, line: tag.line, column: tag.column, message: message, suggestion: suggestion)
        }
        var text = Substring(tag.content)
        var function: TemplateFunction?
        if text.hasSuffix(")"), let paren = text.firstIndex(of: "(") {
            let word = String(text[..<paren]).trimmingWhitespace
            guard let known = TemplateFunction(rawValue: word) else {
                let names = TemplateFunction.allCases.map(\.rawValue)
                throw fail(
                    "\(tag.written)\(tag.content)}} uses an unknown function \"\(word)\"",
                    Suggestions.closest(to: word, in: names).map { "did you mean \($0)()?" }
                        ?? "use one of " + names.map { $0 + "()" }.joined(separator: ", "))
            }
            function = known
            text = text[text.index(after: paren)..<text.index(before: text.endIndex)]
            let argument = String(text).trimmingWhitespace
            if argument.isEmpty {
                guard known.isPositional || known == .first || known == .last else {
                    throw fail("\(word)() needs a name between the brackets, as in \(word)(items)")
                }
                return TemplateName(parts: [], function: known, readsPosition: true)
            }
            if known.isPositional {
                throw fail("\(word)() reads the position in the list being repeated and takes no name")
            }
            text = Substring(argument)
        }
        if tag.content.isEmpty {
            throw fail("\(tag.written)}} has no name", "write the name of a value between the braces")
        }
        if text == "." { return TemplateName(parts: [], function: function) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) || $0.contains("(") }) {
            throw fail("\"\(tag.content)\" is not a name", "names are words joined by dots, as in page.title")
        }
        return TemplateName(parts: parts, function: function)
    }
}

extension String {
    /// Without spaces, tabs and line breaks at either end.
    var trimmingWhitespace: String {
        let utf8 = self.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }),
            let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
