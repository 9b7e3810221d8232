import CityscoreTemplating
import CityscoreText
import Testing

/// `{{name}}` escapes straight into the page: the same bytes as escaping first, the same size limit.
struct TemplatingSpeedTests {
    static let texts = [
        "plain", "", "Tom & Jerry's <b>\"bold\"</b>", "&&&", "ÆØÅ < 5 ≥ 3", "'", "no specials at all here, long enough",
    ]

    @Test(arguments: texts)
    func escapedVariablesMatchTheEscaper(_ text: String) throws {
        let (library, errors) = TemplateLibrary.compile([
            ("main", "[{{a}}]"), ("indented", "x\n  {{>line}}\n"), ("line", "{{a}}\n"),
        ])
        #expect(errors.isEmpty)
        let escaped = HTMLEscaping.escape(text)
        #expect(HTMLEscaping.escapedCount(text) == escaped.utf8.count)
        var appended = "<"
        HTMLEscaping.append(escaping: text, to: &appended)
        #expect(appended == "<" + escaped)
        #expect(try library.render("main", context: ["a": .string(text)]) == "[" + escaped + "]")
        #expect(try library.render("indented", context: ["a": .string(text)]) == "x\n  " + escaped + "\n")
    }

    @Test func escapedTextCountsAgainstTheLimitAfterEscaping() throws {
        let (library, _) = TemplateLibrary.compile([("main", "{{a}}")])
        let context: TemplateValue = ["a": "a<b"]
        #expect(try library.render("main", context: context, limit: 6) == "a&lt;b")
        #expect(throws: TemplateError.self) { try library.render("main", context: context, limit: 5) }
    }
}
