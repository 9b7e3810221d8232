import CityscoreText

/// Renders compiled nodes into one growing text: the context stack, the position in the list being
/// repeated, and the indentation of the partial being written.
struct TemplateRenderer {
    let templates: [[TemplateNode]]
    /// Template names by position, for errors.
    let names: [String]
    var output = ""
    /// The template being written (its position), and how many partials deep.
    var current = 0
    var depth = 0
    /// Sections and partials being written, one inside the other.
    var nesting = 0
    /// The first problem met; rendering stops writing once there is one.
    var error: TemplateError? { didSet { stopped = error != nil } }
    /// Whether there is an error: a flag, cheaper to test at every node than the error itself.
    var stopped = false
    var stack: [TemplateValue] = []
    /// Position and length of the innermost list being repeated.
    var position: (index: Int, count: Int)?
    /// Indentation of the standalone partial being written; empty almost always.
    var indentation = ""
    var atLineStart = true
    /// The most bytes the output may have: writing stops at the first text that would pass it, so
    /// partials that multiply each other cost no more than this.
    let limit: Int
    /// The innermost section or partial tag being written (template position, line, column), for
    /// the error when the output grows past `limit`.
    var tag: (template: Int, line: Int, column: Int)?

    init(templates: [[TemplateNode]], names: [String], limit: Int = TemplateLibrary.maxOutputBytes) {
        self.templates = templates
        self.names = names
        self.limit = limit
        output.reserveCapacity(min(16 * 1024, max(0, limit)))
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            if stopped { return }
            switch node {
            case .text(let text):
                write(text, splittingLines: true)
            case .variable(let name, let escaped, _, _):
                guard let value = lookup(name) else { continue }
                switch value {
                case .string(let text): escaped ? writeEscaped(text) : write(text)
                case .bool(let flag): write(flag ? "true" : "false")
                case .list, .object: continue
                }
            case .section(let name, let children, let inverted, let line, let column):
                guard !stopped else { continue }
                guard nesting < TemplateLibrary.maxNesting else {
                    error = TemplateError(
                        template: names[current], line: line, column: column,
                        message: "sections and partials nest more than \(TemplateLibrary.maxNesting) deep here",
                        suggestion: "nest fewer sections, or end a partial that includes itself")
                    continue
                }
                nesting += 1
                let outer = tag
                tag = (current, line, column)
                let value = lookup(name)
                inverted ? renderInverted(value, children) : renderSection(value, children)
                tag = outer
                nesting -= 1
            case .partial(let name, let indent, let index, let line, let column):
                guard index >= 0, !stopped else { continue }
                guard depth < TemplateLibrary.maxPartialDepth else {
                    error = TemplateError(
                        template: names[current], line: line, column: column,
                        message:
                            "partials include each other more than \(TemplateLibrary.maxPartialDepth) deep here ({{>\(name)}})",
                        suggestion: "a partial that includes itself needs a section around the tag that ends")
                    continue
                }
                let caller = current
                let outer = tag
                tag = (current, line, column)
                current = index
                depth += 1
                nesting += 1
                if indent.isEmpty {
                    render(templates[index])
                } else {
                    let saved = (indentation, atLineStart)
                    indentation += indent
                    atLineStart = true
                    render(templates[index])
                    (indentation, atLineStart) = saved
                    atLineStart = output.utf8.last == UInt8(ascii: "\n")
                }
                depth -= 1
                nesting -= 1
                current = caller
                tag = outer
            }
        }
    }

    mutating func renderSection(_ value: TemplateValue?, _ children: [TemplateNode]) {
        switch value {
        case .none, .bool(false): return
        case .bool(true): render(children)
        case .list(let items):
            let saved = position
            for (i, item) in items.enumerated() {
                position = (i, items.count)
                stack.append(item)
                render(children)
                stack.removeLast()
            }
            position = saved
        case .string, .object:
            guard let value else { return }
            let saved = position
            position = nil
            stack.append(value)
            render(children)
            stack.removeLast()
            position = saved
        }
    }

    mutating func renderInverted(_ value: TemplateValue?, _ children: [TemplateNode]) {
        switch value {
        case .none, .bool(false): render(children)
        case .list(let items) where items.isEmpty: render(children)
        default: return
        }
    }

    // MARK: Names

    func lookup(_ name: TemplateName) -> TemplateValue? {
        var value: TemplateValue?
        if let first = name.parts.first {
            var level = stack.count - 1
            while level >= 0 {
                if case .object(let fields) = stack[level], let found = fields[first] {
                    value = found
                    break
                }
                level -= 1
            }
            for part in name.parts.dropFirst() {
                guard case .object(let fields)? = value else { return nil }
                value = fields[part]
            }
        } else if name.readsPosition, let function = name.function {
            return positionValue(function)
        } else {
            value = stack.last
        }
        guard let function = name.function, let value else { return value }
        return apply(function, to: value)
    }

    func positionValue(_ function: TemplateFunction) -> TemplateValue? {
        guard let (index, count) = position else { return nil }
        switch function {
        case .first: return .bool(index == 0)
        case .last: return .bool(index == count - 1)
        case .index: return .string(String(index))
        case .even: return .bool(index % 2 == 0)
        case .odd: return .bool(index % 2 == 1)
        default: return nil
        }
    }

    func apply(_ function: TemplateFunction, to value: TemplateValue) -> TemplateValue? {
        switch (function, value) {
        case (.empty, .string(let text)): .bool(text.isEmpty)
        case (.empty, .list(let items)): .bool(items.isEmpty)
        case (.empty, .object(let fields)): .bool(fields.isEmpty)
        case (.count, .string(let text)): .string(String(text.count))
        case (.count, .list(let items)): .string(String(items.count))
        case (.first, .list(let items)): items.first
        case (.last, .list(let items)): items.last
        case (.reversed, .list(let items)): .list(items.reversed())
        case (.reversed, .string(let text)): .string(String(text.reversed()))
        case (.uppercased, .string(let text)): .string(text.uppercased())
        case (.lowercased, .string(let text)): .string(text.lowercased())
        default: nil
        }
    }

    // MARK: Output

    /// Whether `bytes` more still fit under `limit`; when not, the error at the tag being written.
    /// (Nothing is written once there is an error: `render` stops at the next node.)
    @inline(__always)
    mutating func fits(_ bytes: Int) -> Bool {
        if output.utf8.count + bytes <= limit { return true }
        stopForSize()
        return false
    }

    /// The error for a page that would pass `limit`, at the innermost tag being written.
    mutating func stopForSize() {
        guard !stopped else { return }
        let (template, line, column) = tag ?? (current, 1, 1)
        error = TemplateError(
            template: names[template], line: line, column: column,
            message: "this page would be larger than \(Self.size(limit)); writing stopped here",
            suggestion:
                "a partial included several times inside another multiplies the page: check the partials and sections here"
        )
    }

    /// `50 MB`, or a number of bytes for a limit that is not a whole number of megabytes.
    static func size(_ bytes: Int) -> String {
        bytes > 0 && bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) bytes"
    }

    mutating func write(_ text: String, splittingLines: Bool = false) {
        guard !indentation.isEmpty, !text.isEmpty else {
            if fits(text.utf8.count) { output += text }
            return
        }
        guard splittingLines else {
            guard fits(indentation.utf8.count + text.utf8.count) else { return }
            if atLineStart { output += indentation }
            output += text
            atLineStart = text.utf8.last == UInt8(ascii: "\n")
            return
        }
        // Template text: every line it starts is indented.
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            guard fits(indentation.utf8.count + text.utf8[start..<end].count) else { return }
            if atLineStart { output += indentation }
            output += text[start..<end]
            atLineStart = text[text.index(before: end)] == "\n"
            start = end
        }
    }

    /// Writes `text` as `{{name}}` does: HTML-escaped, straight into the output when no indentation
    /// applies (the escaped text is never made on its own).
    mutating func writeEscaped(_ text: String) {
        guard indentation.isEmpty else { return write(HTMLEscaping.escape(text)) }
        // Every character reference is longer than its character: equal counts, nothing to escape.
        let count = HTMLEscaping.escapedCount(text)
        guard count != text.utf8.count else { return write(text) }
        guard fits(count) else { return }
        HTMLEscaping.append(escaping: text, to: &output)
    }
}
