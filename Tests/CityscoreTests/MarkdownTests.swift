import CityscoreMarkdown
import Testing

@Suite("Markdown with cmark")
struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test func rendersCommonMarkWithSmartPunctuation() {
        let html = renderer.render("Hello *world* -- \"quoted\"\n", path: "a.md").html
        #expect(html == "<p>Hello <em>world</em> – “quoted”</p>\n")
    }

    @Test func rawHTMLAndDangerousLinksNeverReachThePage() {
        let source = """
            <script>alert(1)</script>

            <img src=x onerror="alert(1)">

            [click](javascript:alert(1)) [v](vbscript:x) [d](data:text/html;base64,xx)

            Inline <b onmouseover="x">bold</b>
            """
        let html = renderer.render(source, path: "a.md").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onmouseover"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeModeKeepsRawHTMLWhenTheSiteAsksForIt() {
        let html = MarkdownRenderer(unsafeHTML: true).render("<aside>x</aside>\n", path: "a.md").html
        #expect(html.contains("<aside>x</aside>"))
    }

    @Test func headingsGetStableUniqueIDsAndATableOfContents() {
        let result = renderer.render("## Results\n\n## Results\n\n### Water & *sanitation*\n", path: "a.md")
        #expect(result.headings.map(\.id) == ["results", "results-2", "water-sanitation"])
        #expect(result.headings.map(\.text) == ["Results", "Results", "Water & sanitation"])
        #expect(result.html.contains("<h2 id=\"results\">Results</h2>"))
        #expect(result.html.contains("<h2 id=\"results-2\">Results</h2>"))
        #expect(result.html.contains("<h3 id=\"water-sanitation\">Water &amp; <em>sanitation</em></h3>"))
    }

    @Test func headingsStaySafe() {
        let html = renderer.render("## <script>x</script> [a](javascript:y)\n", path: "a.md").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
    }

    @Test func relativeLinksToMarkdownFilesAreRewritten() {
        let result = renderer.render(
            "See [about](../pages/about.md#team) and [web](https://example.org).\n",
            path: "Content/cities/karmoy.md"
        ) { target in
            target == "Content/pages/about.md" ? .url("/scores/about/") : .missing
        }
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains("href=\"/scores/about/#team\""))
        #expect(result.html.contains("href=\"https://example.org\""))
    }

    @Test func aLinkToAMissingFileIsAnErrorAtItsLine() {
        let result = renderer.render(
            "Intro.\n\nSee [gone](../pages/gone.md).\n", path: "Content/cities/karmoy.md", firstLine: 5)
        #expect(result.diagnostics.count == 1)
        #expect(
            result.diagnostics.first?.description.hasPrefix(
                "Content/cities/karmoy.md:7:5: error: the link \"../pages/gone.md\" points to Content/pages/gone.md")
                == true)
    }

    @Test func aLinkLeavingTheSiteIsAnError() {
        let result = renderer.render("[x](../../../etc/passwd)\n", path: "Content/cities/a.md")
        #expect(result.diagnostics.first?.message.contains("leaves the site folder") == true)
    }

    @Test func concurrentRendersGiveIdenticalOutput() async {
        let text = String(repeating: "## Heading\n\nSome *text* with [a link](https://x.org).\n\n", count: 200)
        let expected = renderer.render(text, path: "a.md").html
        let renderer = self.renderer
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { renderer.render(text, path: "a.md").html } }
            var all: [String] = []
            for await html in group { all.append(html) }
            return all
        }
        #expect(outputs.allSatisfy { $0 == expected })
    }
}
