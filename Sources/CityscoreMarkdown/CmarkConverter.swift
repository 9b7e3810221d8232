import CCmark
import CityscoreDiagnostics
import CityscoreText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place cmark's C API is used: Markdown text in, value types out.
struct CmarkConverter {
    var unsafeHTML: Bool
    var smart: Bool

    private var options: Int32 {
        var options: Int32 = (1 << 1) | (1 << 9)  // CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        if smart { options |= (1 << 10) }  // CMARK_OPT_SMART
        if unsafeHTML { options |= (1 << 17) }  // CMARK_OPT_UNSAFE
        return options
    }

    func convert(
        _ markdown: String, path: String, firstLine: Int,
        rewrite: (String, SourceLocation) -> (String?, Diagnostic?),
        shortcodes expand: ((Shortcode) -> ShortcodeOutput)? = nil
    ) -> RenderedMarkdown {
        let empty = RenderedMarkdown(html: "", headings: [], links: [], diagnostics: [])
        var source = markdown
        var codes: [Shortcodes.Found] = []
        if expand != nil { (source, codes) = Shortcodes.extract(markdown, path: path, firstLine: firstLine) }
        var utf8 = Array(source.utf8)
        utf8.append(0)
        guard
            let document = utf8.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        cmark_parse_document($0, buffer.count - 1, options)
                    }
                } ?? nil
            })
        else { return empty }
        defer { cmark_node_free(document) }

        func location(_ node: OpaquePointer) -> SourceLocation {
            SourceLocation(
                path: path, line: Int(cmark_node_get_start_line(node)) + firstLine - 1,
                column: Int(max(1, cmark_node_get_start_column(node))))
        }

        var headings: [Heading] = []
        var links: [Link] = []
        var diagnostics: [Diagnostic] = []
        var ids = HeadingIDs()
        var headingNodes: [(OpaquePointer, String)] = []
        var summary: String?
        var lastHTMLLine = 0
        var liveBlocks: [(OpaquePointer, String)] = []

        guard let iterator = cmark_iter_new(document) else { return empty }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if let expand, !codes.isEmpty, event == CMARK_EVENT_ENTER {
                let (problems, block) = LiveText.apply(codes, to: node, type: type, expand: expand)
                diagnostics += problems
                if let block { liveBlocks.append(block) }
            }
            if event == CMARK_EVENT_EXIT && type == CMARK_NODE_HEADING {
                let text = Self.plainText(node)
                let id = ids.id(for: text)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
                headingNodes.append((node, id))
            } else if event == CMARK_EVENT_EXIT && type == CMARK_NODE_PARAGRAPH {
                if summary == nil {
                    let (text, truncated) = Self.plainText(node, maxBytes: Summary.byteBudget)
                    summary = Summary.cut(text, truncated: truncated)
                }
                diagnostics += Self.unrendered(in: node, path: path, firstLine: firstLine)
            } else if event == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE),
                !unsafeHTML, let problem = Self.omittedHTML(node, at: location(node), after: lastHTMLLine)
            {
                diagnostics.append(problem)
                lastHTMLLine = problem.location.line
            } else if event == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let at = location(node)
                if type == CMARK_NODE_LINK, case let text = Self.plainText(node), text.hasPrefix("^") {
                    // `[^1]` made a link by a definition such as `[^1]: https://…`.
                    let (message, fix) = Unrendered.message(for: .footnoteReference(String(text.dropFirst())))
                    diagnostics.append(.warning(message, at: at, suggestion: fix, code: .footnote))
                }
                links.append(Link(destination: destination, location: at))
                let (replacement, problem) = rewrite(destination, at)
                if let problem { diagnostics.append(problem) }
                if let replacement { cmark_node_set_url(node, replacement) }
            }
        }
        cmark_iter_free(iterator)

        // Replace headings only after the walk: each becomes a custom block carrying its own HTML
        // with the id, written verbatim by cmark even in safe mode.
        let renderOptions = options & ~(1 << 1)  // no data-sourcepos attributes in the page
        for (node, id) in headingNodes {
            guard let rendered = cmark_render_html(node, renderOptions) else { continue }
            var html = String(cString: rendered)
            free(rendered)
            if let close = html.firstIndex(of: ">") {
                // Ids are built from letters and digits only; escaped anyway, like every attribute.
                html.insert(contentsOf: " id=\"\(HTMLEscaping.escape(id))\"", at: close)
            }
            Self.replace(node, withHTML: html)
        }

        for (paragraph, html) in liveBlocks { Self.replace(paragraph, withHTML: html) }

        guard let rendered = cmark_render_html(document, renderOptions) else { return empty }
        let html = String(cString: rendered)
        free(rendered)
        var result = RenderedMarkdown(html: html, headings: headings, links: links, diagnostics: diagnostics)
        result.summary = summary ?? ""
        return result
    }

    /// Puts a custom block carrying `html` (written verbatim, even in safe mode) in place of `node`.
    static func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        if cmark_node_replace(node, block) == 1 {
            cmark_node_free(node)
        } else {
            cmark_node_free(block)
        }
    }

    /// A warning for raw HTML that safe mode leaves out of the page (one per line; HTML comments,
    /// which are meant to be hidden, are not reported).
    static func omittedHTML(_ node: OpaquePointer, at location: SourceLocation, after lastLine: Int) -> Diagnostic? {
        guard location.line != lastLine else { return nil }
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let trimmed = literal.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard !trimmed.hasPrefix("<!--") else { return nil }
        let tag = trimmed.prefix { $0 != "\n" }.prefix(40)
        return .warning(
            "the HTML \"\(tag)\" is left out of the page (raw HTML is omitted for safety)",
            at: location,
            suggestion: "write it in Markdown, or set `unsafe_html: true` in site.yml if every author is trusted",
            code: .rawHTMLOmitted)
    }

    /// Warnings for what cmark prints as plain text in one paragraph: a pipe table, strikethrough,
    /// footnotes. A table's rule keeps its hyphens (smart punctuation made them dashes).
    static func unrendered(in paragraph: OpaquePointer, path: String, firstLine: Int) -> [Diagnostic] {
        // The paragraph's lines: their text nodes joined, with where each node starts.
        struct Line {
            var text: [UInt8] = []
            var nodes: [(offset: Int, node: OpaquePointer)] = []
        }
        var lines = [Line()]
        guard let iterator = cmark_iter_new(paragraph) else { return [] }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(child) else { continue }
                lines[lines.count - 1].nodes.append((lines[lines.count - 1].text.count, child))
                lines[lines.count - 1].text += Array(String(cString: literal).utf8)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                lines.append(Line())
            default:
                break
            }
        }
        cmark_iter_free(iterator)

        func location(_ line: Line, offset: Int) -> SourceLocation? {
            guard let start = line.nodes.last(where: { $0.offset <= offset }) else { return nil }
            return SourceLocation(
                path: path, line: Int(cmark_node_get_start_line(start.node)) + firstLine - 1,
                column: Int(max(1, cmark_node_get_start_column(start.node))) + offset - start.offset)
        }

        var problems: [Diagnostic] = []
        var table = false
        for (index, line) in lines.enumerated() {
            let text = String(decoding: line.text, as: UTF8.self)
            if index > 0, Unrendered.isTableRule(text, after: String(decoding: lines[index - 1].text, as: UTF8.self)) {
                for (_, node) in line.nodes {
                    guard let literal = cmark_node_get_literal(node) else { continue }
                    cmark_node_set_literal(node, Unrendered.restoringHyphens(String(cString: literal)))
                }
                if !table, let at = location(lines[index - 1], offset: 0) {
                    table = true
                    problems.append(
                        .warning(
                            "this looks like a table, but CommonMark has no tables: it is shown as lines of text "
                                + "with \"|\" marks",
                            at: at,
                            suggestion:
                                "use a list instead; data belong in Content/results/, where the theme shows them as tables",
                            code: .pipeTable
                        ))
                }
                continue
            }
            for (offset, construct) in Unrendered.constructs(in: line.text) {
                guard let at = location(line, offset: offset) else { continue }
                let (message, fix) = Unrendered.message(for: construct)
                problems.append(.warning(message, at: at, suggestion: fix, code: construct.code))
            }
        }
        return problems
    }

    /// The text of a node's inline content (text, code, line breaks as spaces).
    static func plainText(_ node: OpaquePointer) -> String { plainText(node, maxBytes: Int.max).text }

    /// The first `maxBytes` bytes (at most) of a node's inline content, cut between Unicode scalars,
    /// and whether the text goes on: reads no more of a long paragraph than it keeps.
    static func plainText(_ node: OpaquePointer, maxBytes: Int) -> (text: String, truncated: Bool) {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return (out, false) }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let room = maxBytes - out.utf8.count
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(child) else { continue }
                guard room < Int.max else {
                    out += String(cString: literal)
                    continue
                }
                let length = strnlen(literal, room + 1)
                guard length > room else {
                    out += String(decoding: UnsafeRawBufferPointer(start: literal, count: length), as: UTF8.self)
                    continue
                }
                // Back off to the start of the scalar the cut falls in.
                var kept = room
                while kept > 0 && UInt8(bitPattern: literal[kept]) & 0xC0 == 0x80 { kept -= 1 }
                out += String(decoding: UnsafeRawBufferPointer(start: literal, count: kept), as: UTF8.self)
                return (out, true)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                guard room > 0 else { return (out, true) }
                out += " "
            default:
                break
            }
        }
        return (out, false)
    }
}
