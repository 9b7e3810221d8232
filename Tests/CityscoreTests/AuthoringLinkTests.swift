import Foundation
import Testing

@Suite("Authoring: narratives link to every page the site makes")
struct AuthoringLinkTests {
    static func karmoy(_ body: String) -> String {
        "---\nname: Karmøy\ncountry: Norway\n---\n## What was published\n\n\(body)\n"
    }

    @Test func rootRelativeLinksToGeneratedPagesAreCheckedAndFollowTheBaseURLsPath() throws {
        let site = try TestSite.make([
            "Content/cities/karmoy.md": Self.karmoy(
                "[Asker](/cities/asker/), [ICT](/indicators/ec-ict-ict-1c/), [economy](/dimensions/economy),"
                    + " [home](/), [data](/data/results.csv), [Asker's economy](/cities/asker/economy/#top)")
        ])
        #expect(site.build(baseURL: "https://example.org/sub/") == [])
        let html = try #require(site.read("cities/karmoy/index.html"))
        #expect(html.contains("href=\"/sub/cities/asker/\""))
        #expect(html.contains("href=\"/sub/indicators/ec-ict-ict-1c/\""))
        #expect(html.contains("href=\"/sub/dimensions/economy/\""))
        #expect(html.contains("href=\"/sub/\""))
        #expect(html.contains("href=\"/sub/data/results.csv\""))
        #expect(html.contains("href=\"/sub/cities/asker/economy/#top\""))
    }

    @Test func aRootRelativeLinkToNoPageIsAnErrorWithTheClosestPage() throws {
        let site = try TestSite.make(["Content/cities/karmoy.md": Self.karmoy("[Asker](/cities/askr/)")])
        #expect(
            site.build() == [
                "Content/cities/karmoy.md:7:1: error: the link \"/cities/askr/\" points to /cities/askr/, which is not "
                    + "a page or file of the site; did you mean \"/cities/asker/\"? [broken-link]"
            ])
    }

    @Test func aMistypedFileGetsADidYouMean() throws {
        let site = try TestSite.make(["Content/cities/karmoy.md": Self.karmoy("[Asker](askr.md)")])
        #expect(
            site.build() == [
                "Content/cities/karmoy.md:7:1: error: the link \"askr.md\" points to Content/cities/askr.md, which does "
                    + "not exist; did you mean \"asker.md\"? [broken-link]"
            ])
    }

    @Test func anchorsAreCheckedAgainstTheTargetPageAsBuilt() throws {
        let site = try TestSite.make([
            "Content/cities/karmoy.md": Self.karmoy(
                "[scores](asker.md#scores), [here](#main), [there](/cities/asker/#scores), [own](#what-was-published)")
        ])
        #expect(site.build() == [])
    }

    @Test func aMissingAnchorIsSuggestedFromTheTarget() throws {
        let site = try TestSite.make([
            "Content/cities/asker.md": "---\nname: Asker\ncountry: Norway\n---\n## Water and energy\n\nText.\n",
            "Content/cities/karmoy.md": Self.karmoy("[water](asker.md#water-and-energi) [x](/cities/asker/#scorez)"),
        ])
        #expect(
            site.checkCodes() == ["Content/cities/karmoy.md:7:1 broken-anchor", "Content/cities/karmoy.md:7:36 broken-anchor"])
        // The suggestions come from the target page.
        #expect(
            site.checkDiagnostics().compactMap(\.suggestion) == [
                "did you mean \"water-and-energy\"?", "did you mean \"scores\"?",
            ])
    }
}

@Suite("Authoring: one check finds every authoring problem")
struct AuthoringOneRunTests {
    @Test func tableStrayFileBrokenLinkBadAnchorAndTypoComeFromOneCheck() throws {
        let site = try TestSite.make([
            "Content/cities/karmoy.md": AuthoringLinkTests.karmoy(
                "| a | b |\n|---|---|\n\n[x](/cities/askr/) [y](asker.md#nowhere)"),
            "Content/cities/asker.md": "---\nname: Asker\ncountyr: Norway\n---\nText.\n",
            "Content/results/2021.xlsx": "x",
        ])
        #expect(
            site.checkCodes() == [
                "Content/cities/asker.md:3:1 unknown-key", "Content/cities/karmoy.md:7:1 pipe-table",
                "Content/cities/karmoy.md:10:1 broken-link", "Content/cities/karmoy.md:10:20 broken-anchor",
                "Content/results/2021.xlsx:1:1 ignored-file",
            ])
    }
}
