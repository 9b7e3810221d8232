import Foundation
import Testing

@testable import CityscoreMarkdown

/// Live values in narratives (`{{value "…"}}`, `{{score}}`, `{{chart "…"}}`): formatted as the pages
/// format them, expanded only where cmark sees text, every mistake at its line and column.
@Suite struct LiveValuesTests {
    static func site(karmoy body: String, extra: [String: String?] = [:]) throws -> TestSite {
        var files: [String: String?] = [
            "Content/cities/karmoy.md": "---\nname: Karmøy\ncountry: Norway\n---\n" + body
        ]
        for (path, text) in extra { files[path] = text }
        return try TestSite.make(files)
    }

    @Test func valuesTargetsAchievementsBandsYearsAndScoresReadAsOnThePage() throws {
        let site = try Self.site(
            karmoy: """
                Internet: {{value "EC: ICT: ICT: 1C"}} in {{year "EC: ICT: ICT: 1C"}}, against \
                {{target "EC: ICT: ICT: 1C"}}: {{achievement "EC: ICT: ICT: 1C"}}, {{band "EC: ICT: ICT: 1C"}}.

                3G: {{value "EC: ICT: ICT: 4C" "3G"}}; 4G: {{value "EC: ICT: ICT: 4C" "4G"}}.

                Overall {{score}}, economy {{score "economy"}}, ICT {{score "economy" "ICT"}}.

                Asker: {{value "EC: P: EM: 1C" city="asker"}}.

                """)
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("cities/karmoy/index.html"))
        #expect(page.contains("Internet: 97\u{00A0}% in 2020, against 100\u{00A0}%: 97\u{00A0}%, 95 %+ of target."))
        #expect(page.contains("3G: 96.67\u{00A0}%; 4G: not reported by the city."))
        #expect(page.contains("Overall "))
        #expect(page.contains("Asker: 2.5\u{00A0}%."))
        #expect(!page.contains("{{"))
    }

    @Test func codeSpansCodeBlocksAndLinkDestinationsKeepTheShortcodeAsWritten() throws {
        let site = try Self.site(
            karmoy: """
                Write `{{value "EC: ICT: ICT: 1C"}}` to quote a value; \\{{value "nothing"}} stays too.

                ```
                {{value "NO: SUCH: KPI"}}
                ```

                ## Internet at {{value "EC: ICT: ICT: 1C"}}

                """)
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("cities/karmoy/index.html"))
        #expect(page.contains("<code>{{value &quot;EC: ICT: ICT: 1C&quot;}}</code>"))
        #expect(page.contains("{{value “nothing”}} stays too"))
        #expect(page.contains("{{value &quot;NO: SUCH: KPI&quot;}}"))
        #expect(page.contains("Internet at 97\u{00A0}%</h2>"))
    }

    @Test func mistakesAreReportedAtTheirLineAndColumnWithADidYouMean() throws {
        // Front matter is four lines: the body starts on line 5.
        let site = try Self.site(
            karmoy: """
                First line.

                A typo: {{value "EC: ICT: ICT: 1X"}} and {{valeu "EC: ICT: ICT: 1C"}}.
                {{value "EC: ICT: ICT: 4C" "4g"}} {{score city="karmy"}} {{chart "whele"}}

                Not closed: {{value "EC: ICT: ICT: 1C}}

                """)
        defer { site.remove() }
        let problems = site.check()
        let path = "Content/cities/karmoy.md"
        #expect(
            problems.contains {
                $0.hasPrefix("\(path):7:9: error:") && $0.contains("did you mean \"EC: ICT: ICT: 1C\"")
            })
        #expect(problems.contains { $0.hasPrefix("\(path):7:42: error:") && $0.contains("did you mean \"value\"") })
        #expect(problems.contains { $0.hasPrefix("\(path):8:1: error:") && $0.contains("did you mean \"4G\"") })
        #expect(problems.contains { $0.hasPrefix("\(path):8:35: error:") && $0.contains("did you mean \"karmoy\"") })
        #expect(problems.contains { $0.hasPrefix("\(path):8:58: error:") && $0.contains("did you mean \"wheel\"") })
        #expect(problems.contains { $0.hasPrefix("\(path):10:13: error:") && $0.contains("not closed") })
    }

    @Test func aFreePageMustNameItsCity() throws {
        let site = try Self.site(
            karmoy: "Text.\n",
            extra: [
                "Content/pages/about.md": "---\ntitle: About\n---\nKarmøy: {{value \"EC: ICT: ICT: 1C\"}}.\n"
            ])
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.contains { $0.hasPrefix("Content/pages/about.md:4:9: error:") && $0.contains("city=") })
    }

    @Test func aChartIsEmbeddedWithItsTextAlternative() throws {
        let site = try Self.site(
            karmoy: """
                The wheel:

                {{chart "wheel"}}

                {{chart "bullet" "EC: ICT: ICT: 1C"}}

                Inline {{chart "wheel"}} is refused.

                """)
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Content/cities/karmoy.md:11:8: error:") == true)
        let fixed = try Self.site(
            karmoy: "The wheel:\n\n{{chart \"wheel\"}}\n\n{{chart \"bullet\" \"EC: ICT: ICT: 1C\"}}\n")
        defer { fixed.remove() }
        #expect(fixed.build() == [])
        let page = try #require(fixed.read("cities/karmoy/index.html"))
        #expect(page.contains("<figure class=\"chart live-chart\" id=\"live-wheel-7-1\">"))
        #expect(page.contains("<figure class=\"chart live-chart\" id=\"live-bullet-9-1\">"))
        #expect(page.contains("<table>"))
        #expect(!page.contains("<p><figure"))
    }

    @Test func addingAYearOfDataToACopyOfTheDemoChangesItsNarratives() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repo.appendingPathComponent("Content"), to: copy.appendingPathComponent("Content"))
        let demo = TestSite(rootPath: copy.path)
        let before = copy.appendingPathComponent("before").path
        #expect(demo.build(output: before) == [])
        let karmoyBefore = try #require(demo.read("cities/karmoy/index.html", in: before))
        let economyBefore = try #require(demo.read("cities/karmoy/economy/index.html", in: before))
        #expect(karmoyBefore.contains("97.00\u{00A0}% of households have Internet access"))

        try Data(
            """
            city,kpi,datapoint,year,value,unit,source
            karmoy,EC: ICT: ICT: 1C,,2022,98.50,%,A later evaluation
            karmoy,EC: ICT: ICT: 2C,,2022,40.00,%,A later evaluation

            """.utf8
        ).write(to: copy.appendingPathComponent("Content/results/u4ssc-2022.csv"))
        let after = copy.appendingPathComponent("after").path
        #expect(demo.build(output: after) == [])
        let karmoyAfter = try #require(demo.read("cities/karmoy/index.html", in: after))
        let economyAfter = try #require(demo.read("cities/karmoy/economy/index.html", in: after))
        #expect(karmoyAfter.contains("98.50\u{00A0}% of households have Internet access"))
        #expect(karmoyAfter.contains("The latest values (2022)"))
        #expect(economyAfter.contains("40.00\u{00A0}% have a fixed broadband subscription"))
        #expect(economyBefore != economyAfter)
        // Every narrative of the demo quotes through live values: none is left unexpanded.
        for page in [
            "cities/karmoy/index.html", "cities/rana/index.html", "about/index.html", "methodology/index.html",
        ] {
            #expect(demo.read(page, in: after)?.contains("{{") == false, "\(page)")
        }
    }

    @Test func shortcodesAreFoundWithTheirPositionsAndQuotes() {
        let (text, found) = Shortcodes.extract(
            "a {{value \"X: 1\" \"PM2.5\" city=\"oslo\"}} b\n{{score}}", path: "p.md", firstLine: 5)
        #expect(found.count == 2)
        guard case .code(let first) = found[0].parsed, case .code(let second) = found[1].parsed else {
            Issue.record("both should parse")
            return
        }
        #expect(first.name == "value")
        #expect(first.arguments == ["X: 1", "PM2.5"])
        #expect(first.named == ["city": "oslo"])
        #expect(first.location.line == 5 && first.location.column == 3)
        #expect(second.location.line == 6 && second.location.column == 1)
        // A placeholder keeps the columns of what follows on its line.
        #expect(
            text.split(separator: "\n")[0].utf8.count == "a {{value \"X: 1\" \"PM2.5\" city=\"oslo\"}} b".utf8.count)
    }
}
