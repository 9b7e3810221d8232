import CityscoreDiagnostics
import CityscoreMarkdown
import Testing

@Suite("Authoring: Markdown that CommonMark does not render is reported")
struct AuthoringMarkdownTests {
    let renderer = MarkdownRenderer()

    func warnings(_ markdown: String, unsafe: Bool = false) -> [String] {
        MarkdownRenderer(unsafeHTML: unsafe).render(markdown, path: "a.md", firstLine: 5).diagnostics.map(\.description)
    }

    /// The warnings as `path:line:column code`.
    func codes(_ markdown: String, unsafe: Bool = false) -> [String] {
        MarkdownRenderer(unsafeHTML: unsafe).render(markdown, path: "a.md", firstLine: 5).diagnostics.map {
            "\($0.location) \($0.code.rawValue)"
        }
    }

    @Test func aPipeTableIsReportedAtItsHeaderRowAndItsRuleKeepsItsHyphens() {
        let source = "Intro\n\n| City | Score |\n|---|:-----:|\n| Rana | 2 |\n"
        let result = renderer.render(source, path: "a.md", firstLine: 5)
        #expect(result.diagnostics.map { "\($0.location) \($0.code.rawValue)" } == ["a.md:7:1 pipe-table"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.html.contains("|---|:-----:|"))
        #expect(!result.html.contains("\u{2014}"))
        #expect(!result.html.contains("\u{2013}"))
    }

    @Test func aTableWithoutOuterPipesIsFoundToo() {
        #expect(codes("City | Score\n--- | ---\nRana | 2\n") == ["a.md:5:1 pipe-table"])
    }

    @Test func strikethroughIsReportedAtItsColumn() {
        let lines = warnings("Some ~~struck~~ text.\n")
        #expect(
            lines == [
                "a.md:5:6: warning: \"~~\" strikethrough is not part of CommonMark: the tildes are shown as they are; "
                    + "remove the tildes, or say in words what changed [strikethrough]"
            ])
    }

    @Test func footnoteMarksAndDefinitionsAreBothReported() {
        #expect(codes("A claim.[^1]\n\n[^1]: The source.\n") == ["a.md:5:9 footnote", "a.md:7:1 footnote"])
    }

    @Test func aFootnoteTurnedIntoALinkByADefinitionIsReported() {
        #expect(codes("A claim.[^1]\n\n[^1]: https://example.org\n") == ["a.md:5:9 footnote"])
    }

    @Test func omittedRawHTMLIsReportedWithAPointerToUnsafeHTML() {
        let lines = warnings(
            "<div class=\"x\">\nhi\n</div>\n\nInline <b>bold</b> here.\n\n<!-- a note to editors -->\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("unsafe_html: true"))
        #expect(
            codes("<div class=\"x\">\nhi\n</div>\n\nInline <b>bold</b> here.\n\n<!-- a note to editors -->\n") == [
                "a.md:5:1 raw-html-omitted", "a.md:9:8 raw-html-omitted",
            ])
    }

    @Test func nothingIsReportedForRawHTMLInUnsafeModeOrForCodeAndPlainText() {
        #expect(warnings("<aside>x</aside>\n", unsafe: true).isEmpty)
        #expect(warnings("Use `~~x~~` and `[^1]`.\n\n    | a |\n    |---|\n\nA | B or C -- D.\n").isEmpty)
    }
}
