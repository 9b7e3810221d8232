import Foundation
import Testing

/// `Content/changes/<date>.md`: the "What changed" page, the line on each city page, the Atom feed.
@Suite struct ChangesTests {
    static let entry = """
        ---
        date: 2026-11-30
        title: 1 value corrected & checked
        cities:
          - karmoy
        ---
        Household Internet access in Karmøy is now {{value "EC: ICT: ICT: 1C" city="karmoy"}}.

        """

    static let older = """
        ---
        date: 2026-03-01
        title: Asker added
        cities: [asker, karmoy]
        ---
        Asker's first values.

        """

    @Test func theFeedThePageAndTheCityPagesShowTheEntries() throws {
        let site = try TestSite.make([
            "Content/changes/2026-11-30.md": Self.entry, "Content/changes/2026-03-01.md": Self.older,
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        let feed = try #require(site.read("changes.xml"))
        #expect(
            feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<id>https://example.org/scores/changes/</id>"))
        #expect(
            feed.contains(
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/scores/changes.xml\"/>"))
        #expect(feed.contains("<updated>2026-11-30T00:00:00Z</updated>"))
        #expect(feed.contains("<author><name>Test scorecards</name></author>"))
        #expect(feed.contains("<title>1 value corrected &amp; checked</title>"))
        #expect(feed.contains("<id>https://example.org/scores/changes/#change-2026-11-30</id>"))
        // The entry's HTML, escaped once, with its live value.
        #expect(feed.contains("<content type=\"html\">&lt;p&gt;Cities: Karmøy&lt;/p&gt;"))
        #expect(feed.contains("is now 97\u{00A0}%.&lt;/p&gt;"))
        // Newest first.
        let newer = try #require(feed.range(of: "change-2026-11-30"))
        let older = try #require(feed.range(of: "change-2026-03-01"))
        #expect(newer.lowerBound < older.lowerBound)

        let page = try #require(site.read("changes/index.html"))
        #expect(page.contains("id=\"change-2026-11-30\""))
        #expect(page.contains("<time datetime=\"2026-11-30\">2026-11-30</time>: 1 value corrected &amp; checked"))
        let karmoy = try #require(site.read("cities/karmoy/index.html"))
        #expect(
            karmoy.contains(
                "href=\"/scores/changes/#change-2026-11-30\">updated 2026-11-30: 1 value corrected &amp; checked</a>"))
        let asker = try #require(site.read("cities/asker/index.html"))
        #expect(asker.contains("updated 2026-03-01: Asker added"))
    }

    @Test func withoutEntriesThereIsNoFeedAndNoLine() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        #expect(site.read("changes.xml") == nil)
        #expect(site.read("changes/index.html") == nil)
        #expect(site.read("cities/karmoy/index.html")?.contains("class=\"updated\"") == false)
    }

    @Test func anEntryIsCheckedAtItsLineAndColumn() throws {
        let site = try TestSite.make([
            "Content/changes/bad.md": """
            ---
            date: 30.11.2026
            title: ""
            cities:
              - karmoy
              - karmy
            summary: no
            ---
            Text.

            """
        ])
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.contains { $0.hasPrefix("Content/changes/bad.md:2:7: error:") && $0.contains("YYYY-MM-DD") })
        #expect(problems.contains { $0.hasPrefix("Content/changes/bad.md:3:") && $0.contains("needs a title") })
        #expect(
            problems.contains {
                $0.hasPrefix("Content/changes/bad.md:6:5: error:") && $0.contains("did you mean \"karmoy\"")
            })
        #expect(problems.contains { $0.hasPrefix("Content/changes/bad.md:7:1: warning:") })
    }
}
