import CCmark
import CityscoreDiagnostics
import CityscoreText

/// Live values in cmark's tree: placeholders in text nodes become their values; in code, raw HTML
/// and link destinations they are put back as written.
enum LiveText {
    /// Applies the shortcodes to one node on entering it. Returns the problems found and, for a chart
    /// alone in its paragraph, the paragraph to replace with the chart's HTML (after the walk).
    static func apply(
        _ codes: [Shortcodes.Found], to node: OpaquePointer, type: cmark_node_type,
        expand: (Shortcode) -> ShortcodeOutput
    ) -> ([Diagnostic], (OpaquePointer, String)?) {
        switch type {
        case CMARK_NODE_TEXT:
            return expandText(codes, in: node, expand: expand)
        case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            if let literal = cmark_node_get_literal(node), case let text = String(cString: literal),
                text.contains(Shortcodes.open)
            {
                cmark_node_set_literal(node, Shortcodes.restore(text, codes))
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if let url = cmark_node_get_url(node), case let text = String(cString: url), text.contains(Shortcodes.open)
            {
                cmark_node_set_url(node, Shortcodes.restore(text, codes))
            }
            if let title = cmark_node_get_title(node), case let text = String(cString: title),
                text.contains(Shortcodes.open)
            {
                cmark_node_set_title(node, Shortcodes.restore(text, codes))
            }
        default:
            break
        }
        return ([], nil)
    }

    static func expandText(
        _ codes: [Shortcodes.Found], in node: OpaquePointer, expand: (Shortcode) -> ShortcodeOutput
    ) -> ([Diagnostic], (OpaquePointer, String)?) {
        guard let literal = cmark_node_get_literal(node) else { return ([], nil) }
        let text = String(cString: literal)
        let marks = Shortcodes.placeholders(in: text)
        guard !marks.isEmpty else { return ([], nil) }
        var problems: [Diagnostic] = []
        var block: (OpaquePointer, String)?
        var replacements: [String] = []
        for (range, number) in marks {
            guard number < codes.count else {
                replacements.append("")
                continue
            }
            let found = codes[number]
            switch found.parsed {
            case .problem(let problem):
                problems.append(problem)
                replacements.append(found.text)
            case .code(let code):
                switch expand(code) {
                case .text(let value):
                    replacements.append(value)
                case .problem(let problem):
                    problems.append(problem)
                    replacements.append(found.text)
                case .block(let html):
                    replacements.append("")
                    if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
                        cmark_node_first_child(parent) == node, cmark_node_last_child(parent) == node,
                        text.trimmingSpaces == String(text[range])
                    {
                        block = (parent, html)
                    } else {
                        problems.append(
                            .error(
                                "\(found.text) shows a chart, which needs a paragraph of its own", at: code.location,
                                suggestion: "put it on a line of its own, with an empty line before and after",
                                code: .shortcodeSyntax))
                    }
                }
            }
        }
        var out = text
        for ((range, _), replacement) in zip(marks, replacements).reversed() {
            out.replaceSubrange(range, with: replacement)
        }
        cmark_node_set_literal(node, out)
        return (problems, block)
    }
}
