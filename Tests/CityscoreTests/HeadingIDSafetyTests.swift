import Testing

@testable import CityscoreMarkdown

/// Heading ids are built scalar by scalar from an allow-list, so that no heading can put markup
/// into its own `id` attribute, and anchor links are checked against the same ids.
@Suite("Heading ids from an allow-list")
struct HeadingIDSafetyTests {
    let renderer = MarkdownRenderer()

    /// Whether `id` holds only what an id may: letters, decimal digits, combining marks after one of
    /// those, and single dashes between them (checked here by its own rules, not HeadingIDs').
    static func isAllowed(_ id: String) -> Bool {
        guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        var previousKept = false
        for scalar in id.unicodeScalars {
            let category = scalar.properties.generalCategory
            let letterOrDigit =
                [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber]
                .contains(category) || scalar.properties.isAlphabetic
            let mark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(category)
            if scalar == "-" {
                previousKept = false
            } else if letterOrDigit || (mark && previousKept) {
                previousKept = true
            } else {
                return false
            }
            if "\"'<>& \t\n\r=`/".unicodeScalars.contains(scalar) { return false }
        }
        return true
    }

    /// The values of every `id="…"` in `html`, in order.
    static func ids(in html: String) -> [String] { AnchorCheck.elementIDs(in: html) }

    @Test func theReportedHeadingCannotCloseItsAttribute() {
        let result = renderer.render("## a\u{D4E}\"\u{D4E}>\u{D4E}<b\n", path: "a.md")
        let id = result.headings.first?.id
        #expect(id == "a\u{D4E}-\u{D4E}-\u{D4E}-b")
        #expect(result.html.hasPrefix("<h2 id=\"a\u{D4E}-\u{D4E}-\u{D4E}-b\">"))
        // Built outside `#expect`: the macro's own string literal breaks on a prepend mark before a quote.
        let escaping = String(decoding: [0xE0, 0xB5, 0x8E, UInt8(ascii: "\""), UInt8(ascii: ">")], as: UTF8.self)
        #expect(!result.html.contains(escaping))
        #expect(Self.ids(in: result.html) == [id].compactMap { $0 })
    }

    @Test(
        arguments: [
            ("Say \"hi\" & <b>bye</b>", "say-hi-bye"),
            ("'single' `code` <x> & y", "single-code-y"),
            ("Cafe\u{301} cre\u{300}me", "cafe\u{301}-cre\u{300}me"),
            ("\u{301}\u{301}Accent first", "accent-first"),
            ("\u{202E}evil\u{200F} \u{200E}rtl\u{061C}", "evil-rtl"),
            ("a\u{200B}b\u{FEFF}c\u{2060}d", "a-b-c-d"),
            ("nul\u{0}in\u{1}the\u{7F}middle", "nul-in-the-middle"),
            ("हिन्दी भाषा", "हिन्दी-भाषा"),
            ("العربية ٣", "العربية-٣"),
            ("ＦＵＬＬ ｗｉｄｔｈ", "ｆｕｌｌ-ｗｉｄｔｈ"),
            ("x² ½ Ⅻ", "x-ⅻ"),
            ("İstanbul ΣΟΦΙΑ", "i\u{307}stanbul-σοφια"),
            ("--- a -- b ---", "a-b"),
            ("\"<>&'", "section"),
            ("🇳🇴 Norway 👍🏽", "norway"),
        ])
    func hostileHeadingsGetOnlyAllowedScalars(_ heading: String, _ expected: String) {
        let result = renderer.render("## \(heading)\n", path: "a.md")
        #expect(result.headings.map(\.id) == [expected])
        #expect(Self.isAllowed(expected))
        #expect(Self.ids(in: result.html) == [expected])
    }

    /// Many generated headings from awkward scalars: every id is allowed, unique, and in the HTML.
    @Test func generatedHeadingsGiveAllowedUniqueIDs() {
        let alphabet = Array(
            "aZ9-_ \"'<>&=/\\`\t\u{0}\u{301}\u{308}\u{D4E}\u{93F}\u{94D}\u{200F}\u{202E}\u{FEFF}\u{FFFD}ß٣é🇳🇴ǅ*#!"
                .unicodeScalars)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var markdown = ""
        for _ in 0..<400 {
            var heading = String.UnicodeScalarView()
            for _ in 0..<(1 + next(12)) { heading.append(alphabet[next(alphabet.count)]) }
            markdown += "## x" + String(heading) + "\n\n"
        }
        let result = renderer.render(markdown, path: "a.md")
        let ids = result.headings.map(\.id)
        #expect(ids.count == 400)
        #expect(Set(ids).count == ids.count)
        let bad = ids.filter { !Self.isAllowed($0) }
        #expect(bad.isEmpty, "\(bad.map(\.debugDescription))")
        #expect(Self.ids(in: result.html) == ids)
    }

    @Test func anchorLinksAreCheckedAgainstTheSameIDs() {
        let target = renderer.render(
            "## Café & \"Quotes\" <b>\n\n## \u{202E}Re\u{301}sume\u{301}\n", path: "Content/pages/a.md")
        #expect(target.headings.map(\.id) == ["café-quotes", "re\u{301}sume\u{301}"])
        let good = renderer.render(
            "[x](a.md#caf%C3%A9-quotes) [y](a.md#re%CC%81sume%CC%81)\n", path: "Content/pages/b.md")
        let bad = renderer.render("[z](a.md#cafe-quotes)\n", path: "Content/pages/c.md")
        let documents = ["Content/pages/a.md": target, "Content/pages/b.md": good, "Content/pages/c.md": bad]
        #expect(AnchorCheck.problems(of: "Content/pages/b.md", in: documents).isEmpty)
        let problems = AnchorCheck.problems(of: "Content/pages/c.md", in: documents)
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("#cafe-quotes") == true)
    }
}
