import Foundation
import Testing

@Suite("Authoring: YAML problems in plain words, each at its place")
struct AuthoringYAMLTests {
    static let siteYML = "title: Test scorecards\nbaseURL: https://example.org/scores/\nlanguage: en\n"

    @Test func aColonInAValueIsExplainedWithItsFix() throws {
        let site = try TestSite.make(["Content/site.yml": "title: Oslo: results\nbaseURL: /\n"])
        #expect(
            site.build() == [
                "Content/site.yml:1:12: error: a value contains a colon followed by a space, which YAML reads as a new "
                    + "key; quote the value: it contains a colon (title: \"Oslo: results\"); or, if this line is a key "
                    + "of its own, start it at the same column as the keys above it [yaml-syntax]"
            ])
    }

    @Test func aMissingThemeIsReportedAtItsLine() throws {
        let site = try TestSite.make(["Content/site.yml": Self.siteYML + "theme: dark\n"])
        #expect(site.checkCodes() == ["Content/site.yml:4:8 missing-theme"])
    }

    @Test func anUnknownPeerIsReportedAtItsItem() throws {
        let site = try TestSite.make([
            "Content/cities/karmoy.md": "---\nname: Karmøy\npeers:\n  - asker\n  - askr\n---\nText.\n"
        ])
        #expect(site.checkCodes() == ["Content/cities/karmoy.md:5:5 unknown-peer"])
        #expect(site.checkDiagnostics().first?.suggestion == "did you mean \"asker\"?")
    }

    @Test func unknownKeysAreWarningsWithADidYouMean() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.siteYML + "titel_extra: x\ndescripton: About\n",
            "Content/cities/asker.md": "---\nnmae: Asker\nname: Asker\n---\nText.\n",
        ])
        let lines = AuthoringFilesTests.check(site)
        #expect(
            lines.contains(
                "Content/cities/asker.md:2:1: warning: cityscore does not read the key \"nmae\" in the front matter; "
                    + "did you mean \"name\"? [unknown-key]"))
        #expect(
            lines.contains(
                "Content/site.yml:5:1: warning: cityscore does not read the key \"descripton\" in site.yml; "
                    + "did you mean \"description\"? [unknown-key]"))
        #expect(
            site.checkCodes() == [
                "Content/cities/asker.md:2:1 unknown-key", "Content/site.yml:4:1 unknown-key",
                "Content/site.yml:5:1 unknown-key",
            ])
    }

    @Test func aKeyTheThemeUsesAsAParameterIsNotReported() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.siteYML + "contact: team@example.org\n",
            "Themes/default/templates/404.mustache": "{{>partials/head}}<p>{{site.params.contact}}</p>{{>partials/foot}}",
        ])
        #expect(AuthoringFilesTests.check(site).isEmpty)
    }

    @Test func valuesFromAFixedListNameTheAllowedOnes() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.siteYML + "chart_files: everything\n",
            "Content/pages/methodology.md": "---\ntitle: Methodology\nmenu: footer\n---\nText.\n",
        ])
        #expect(
            Set(site.build()) == [
                "Content/pages/methodology.md:3:7: error: \"menu\" cannot be \"footer\": it is one of true, main, yes, false, no [invalid-value]",
                "Content/site.yml:4:14: error: \"chart_files\" cannot be \"everything\": it is one of pages, all [invalid-value]",
            ])
    }

    @Test(arguments: ["nb", "en-GB", "nn", "zh-Hant-TW", "es-419", "de-CH-1996", "EN"])
    func languageCodesAreAccepted(_ tag: String) throws {
        let site = try TestSite.make(["Content/site.yml": "title: T\nbaseURL: /\nlanguage: \(tag)\n"])
        #expect(site.checkCodes().isEmpty)
    }

    @Test func aLanguageNameIsRefusedWithItsCode() throws {
        let site = try TestSite.make(["Content/site.yml": "title: T\nbaseURL: /\nlanguage: norsk\n"])
        #expect(site.checkCodes() == ["Content/site.yml:3:11 invalid-language"])
        #expect(
            site.build().contains(
                "Content/site.yml:3:11: error: the language \"norsk\" is not a language code (BCP 47, as in <html lang>); "
                    + "did you mean \"nb\"? [invalid-language]"))
        let underscore = try TestSite.make(["Content/site.yml": "title: T\nbaseURL: /\nlanguage: en_GB\n"])
        #expect(underscore.build().contains { $0.contains("did you mean \"en-GB\"?") })
    }
}
