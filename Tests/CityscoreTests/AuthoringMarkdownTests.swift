import CityscoreDiagnostics
import CityscoreMarkdown
import Testing

@Suite("Authoring: Markdown that CommonMark does not render is reported")
struct AuthoringMarkdownTests {
    let renderer = MarkdownRenderer()

    func warnings(_ markdown: String, unsafe: Bool = false) -> [String] {
        MarkdownRenderer(unsafeHTML: unsafe).render(markdown, path: "a.md", firstLine: 5).diagnostics.map(\.description)
    }

    @Test func aPipeTableIsReportedAtItsHeaderRowAndItsRuleKeepsItsHyphens() {
        let source = "Intro\n\n| City | Score |\n|---|:-----:|\n| Rana | 2 |\n"
        let result = renderer.render(source, path: "a.md", firstLine: 5)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.description.hasPrefix("a.md:7:1: warning: this looks like a table") == true)
        #expect(result.html.contains("|---|:-----:|"))
        #expect(!result.html.contains("\u{2014}"))
        #expect(!result.html.contains("\u{2013}"))
    }

    @Test func aTableWithoutOuterPipesIsFoundToo() {
        let lines = warnings("City | Score\n--- | ---\nRana | 2\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("a.md:5:1: warning: this looks like a table") == true)
    }

    @Test func strikethroughIsReportedAtItsColumn() {
        let lines = warnings("Some ~~struck~~ text.\n")
        #expect(
            lines == [
                "a.md:5:6: warning: \"~~\" strikethrough is not part of CommonMark: the tildes are shown as they are; "
                    + "remove the tildes, or say in words what changed"
            ])
    }

    @Test func footnoteMarksAndDefinitionsAreBothReported() {
        let lines = warnings("A claim.[^1]\n\n[^1]: The source.\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("a.md:5:9: warning: the footnote mark \"[^1]\""))
        #expect(lines[1].hasPrefix("a.md:7:1: warning: the footnote \"[^1]:\""))
    }

    @Test func aFootnoteTurnedIntoALinkByADefinitionIsReported() {
        let lines = warnings("A claim.[^1]\n\n[^1]: https://example.org\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("a.md:5:9: warning: the footnote mark") == true)
    }

    @Test func omittedRawHTMLIsReportedWithAPointerToUnsafeHTML() {
        let lines = warnings(
            "<div class=\"x\">\nhi\n</div>\n\nInline <b>bold</b> here.\n\n<!-- a note to editors -->\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("a.md:5:1: warning: the HTML \"<div class=\"x\">\" is left out of the page"))
        #expect(lines[0].contains("unsafe_html: true"))
        #expect(lines[1].hasPrefix("a.md:9:8: warning: the HTML \"<b>\""))
    }

    @Test func nothingIsReportedForRawHTMLInUnsafeModeOrForCodeAndPlainText() {
        #expect(warnings("<aside>x</aside>\n", unsafe: true).isEmpty)
        #expect(warnings("Use `~~x~~` and `[^1]`.\n\n    | a |\n    |---|\n\nA | B or C -- D.\n").isEmpty)
    }
}
