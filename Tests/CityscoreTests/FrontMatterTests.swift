import CityscoreReading
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    func split(_ text: String) -> (FrontMatter, [String]) {
        let (fm, problems) = FrontMatter.split(text, path: "a.md")
        return (fm, problems.map(\.description))
    }

    @Test func splitsFieldsAndBodyWithItsFirstLine() {
        let (fm, problems) = split("---\ntitle: About\nweight: 2\n---\n## Hello\n\nText.\n")
        #expect(problems.isEmpty)
        #expect(fm.fields.keys == ["title", "weight"])
        #expect(fm.body == "## Hello\n\nText.\n")
        #expect(fm.bodyLine == 5)
    }

    @Test func crlfBOMAndEmptyFrontMatter() {
        let (fm, problems) = split("\u{FEFF}---\r\n---\r\nBody\r\n")
        #expect(problems.isEmpty)
        #expect(fm.fields.keys.isEmpty)
        #expect(fm.body == "Body\r\n")
        #expect(fm.bodyLine == 3)
        let (crlf, _) = split("---\r\nname: Asker\r\n---\r\nText")
        #expect(crlf.fields.keys == ["name"])
        #expect(crlf.body == "Text")
    }

    @Test func withoutFrontMatterTheWholeFileIsTheBody() {
        let (fm, problems) = split("# Title\n---\nnot front matter\n")
        #expect(problems.isEmpty)
        #expect(fm.body == "# Title\n---\nnot front matter\n")
        #expect(fm.bodyLine == 1)
        #expect(split("").0.body == "")
    }

    @Test func aFenceAtTheVeryEndAndAnUnclosedFrontMatter() {
        let (fm, problems) = split("---\ntitle: X\n---")
        #expect(problems.isEmpty)
        #expect(fm.body == "")
        let (_, unclosed) = split("---\ntitle: X\nText\n")
        #expect(
            unclosed == [
                "a.md:1:1: error: the front matter is not closed: add a line \"---\" after it [front-matter-unclosed]"
            ])
    }

    @Test func yamlErrorsPointAtTheFileLine() {
        let (_, problems) = split("---\ntitle: ok\nname: [a\n---\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("a.md:4:1: error: a list in [brackets] is not closed") == true, "\(problems)")
    }
}
