import CityscoreBuiltIn
import CityscoreFormatting
import CityscorePipeline
import CityscoreReading
import Foundation
import Testing

@testable import CityscoreCharts

/// Multilingual sites (issue 15): interface words from strings files, the framework and
/// narratives per language, `/<language>/` pages with a switcher and `hreflang`, and `check`'s
/// translation warnings.
@Suite struct LanguagesTests {
    static let bilingual = "title: Test scorecards\nbaseURL: https://example.org/scores/\nlanguages: [en, nb]\n"

    /// The site's files in memory, with the warnings.
    static func render(_ site: TestSite) throws -> (files: [String: String], warnings: [String]) {
        let (files, warnings) = try Pipeline(siteRoot: site.root, output: nil).render()
        var out: [String: String] = [:]
        for file in files { out[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return (out, warnings.map(\.description))
    }

    /// The visible text and the attributes people read (title, aria-label, alt) of a page.
    static func words(_ html: String) -> String {
        var text = html
        // Fallback narratives are in the default language by design, marked with lang="en".
        while let start = text.range(of: "<div lang=\"en\">"),
            let end = text.range(of: "</div>", range: start.upperBound..<text.endIndex)
        {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        for pattern in ["<script[\\s\\S]*?</script>", "<style[\\s\\S]*?</style>", "<[^>]*lang=\"en\"[^>]*>[^<]*(?=<)"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var attributes = ""
        for name in ["title", "aria-label", "alt", "content"] {
            let regex = try? NSRegularExpression(pattern: name + "=\"([^\"]*)\"")
            let range = NSRange(text.startIndex..., in: text)
            for match in regex?.matches(in: text, range: range) ?? [] {
                if let r = Range(match.range(at: 1), in: text), !text[r].hasPrefix("http") {
                    attributes += " " + text[r]
                }
            }
        }
        return text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression) + attributes
    }

    static func builtInStrings(_ language: String) -> [String: String] { BuiltInStrings.table(language) }

    @Test func norwegianStringsHaveEveryEnglishKeyAndNoOther() {
        let en = Self.builtInStrings("en")
        let nb = Self.builtInStrings("nb")
        #expect(!en.isEmpty)
        #expect(Set(nb.keys) == Set(en.keys))
        // Every placeholder of an English template is in the Norwegian one.
        for (key, text) in en {
            #expect(Set(Template.placeholders(nb[key] ?? "")) == Set(Template.placeholders(text)), "\(key)")
        }
    }

    @Test func pluralRulesFollowCLDR() {
        let en = PluralRule(language: "en")
        let nb = PluralRule(language: "nb-NO")
        let fr = PluralRule(language: "fr")
        let pl = PluralRule(language: "pl")
        #expect([0, 1, 2].map(en.category) == [.other, .one, .other])
        #expect([0, 1, 2].map(nb.category) == [.other, .one, .other])
        #expect([0, 1, 2].map(fr.category) == [.one, .one, .other])
        #expect([1, 3, 5, 22, 12].map(pl.category) == [.one, .few, .many, .few, .many])
    }

    @Test func chartsTakeTheirWordsFromTheStrings() throws {
        let bars = ScoreBars(
            city: "Karmøy",
            items: [ChartItem(name: "Økonomi", score: ChartScore(percent: 72.6, band: .three))],
            levelNames: ["Dimensjon", "Kategori", "KPI"])
        let chart = bars.render(id: "b", format: NumberFormat.forLanguage("nb"), words: .norwegian)
        #expect(chart.title == "Karmøy: poengandel per dimensjon og kategori")
        #expect(chart.description.contains("Økonomi 72,6\u{00A0}% (66–95 % av målet)"))
        #expect(!chart.svg.contains("of target"))
        let one = ChartWords.norwegian.counted("chart_count_city", 1, format: NumberFormat.forLanguage("nb"))
        let many = ChartWords.norwegian.counted("chart_count_city", 1200, format: NumberFormat.forLanguage("nb"))
        #expect(one == "1 kommune")
        #expect(many == "1\u{202F}200 kommuner")
    }

    @Test func norwegianPagesHaveNoEnglishInterfaceWords() throws {
        let site = try TestSite.make(["Content/site.yml": Self.bilingual])
        let (files, _) = try Self.render(site)
        let en = Self.builtInStrings("en")
        let nb = Self.builtInStrings("nb")
        // English words that are the same in Norwegian (KPI, Status, Region) may stay.
        let english = Set(
            en.filter { key, value in
                nb[key] != value && value.count > 3 && !value.contains("{") && value.contains(where: \.isLetter)
            }.values)
        let pages = files.filter { $0.key.hasPrefix("nb/") && ($0.key.hasSuffix(".html") || $0.key.hasSuffix(".svg")) }
        #expect(pages.count > 20)
        var found: [String] = []
        for (path, html) in pages {
            let text = Self.words(html)
            for phrase in english where text.contains(phrase) && !text.contains(phrase + "-") {
                // A whole word or phrase, not part of a Norwegian word.
                let pattern = "(^|[^\\p{L}])" + NSRegularExpression.escapedPattern(for: phrase) + "($|[^\\p{L}])"
                if text.range(of: pattern, options: .regularExpression) != nil { found.append("\(path): \(phrase)") }
            }
        }
        #expect(found.isEmpty, "\(found.prefix(20))")
        #expect(pages["nb/index.html"]?.contains("<html lang=\"nb\">") == true)
    }

    @Test func languagesHaveSwitcherAlternatesAndSitemap() throws {
        let site = try TestSite.make(["Content/site.yml": Self.bilingual])
        let (files, _) = try Self.render(site)
        let english = try #require(files["cities/karmoy/index.html"])
        let norwegian = try #require(files["nb/cities/karmoy/index.html"])
        for page in [english, norwegian] {
            #expect(
                page.contains(
                    "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/scores/cities/karmoy/\">"))
            #expect(
                page.contains(
                    "<link rel=\"alternate\" hreflang=\"nb\" href=\"https://example.org/scores/nb/cities/karmoy/\">"))
        }
        #expect(english.contains("<a href=\"/scores/nb/cities/karmoy/\" hreflang=\"nb\" lang=\"nb\">Norsk bokmål</a>"))
        #expect(norwegian.contains("<a href=\"/scores/cities/karmoy/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // Downloads and the theme are shared: the Norwegian pages link to the root's.
        #expect(norwegian.contains("href=\"/scores/theme/site.css\""))
        #expect(files["nb/data/results.csv"] == nil && files["nb/theme/site.css"] == nil)
        #expect(files["nb/cities/karmoy/charts/wheel.svg"] != nil)
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://example.org/scores/nb/cities/karmoy/</loc>"))
        #expect(
            sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"nb\" href=\"https://example.org/scores/nb/\"/>"))
        // Numbers per language; downloads keep the point.
        #expect(files["nb/cities/karmoy/economy/index.html"]?.contains("84,51") == true)
        #expect(files["data/results.csv"]?.contains("84.51") == true)
    }

    @Test func untranslatedNarrativeFallsBackWithNoteAndLang() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.bilingual,
            "Content/cities/karmoy.nb.md": "Karmøy er en kystkommune. Se [Asker](asker.md).\n",
        ])
        let (files, _) = try Self.render(site)
        let karmoy = try #require(files["nb/cities/karmoy/index.html"])
        #expect(karmoy.contains("Karmøy er en kystkommune."))
        #expect(karmoy.contains("href=\"/scores/nb/cities/asker/\""))
        let asker = try #require(files["nb/cities/asker/index.html"])
        #expect(
            asker.contains("<p class=\"translation-note\">Denne teksten finnes bare på engelsk.</p>\n<div lang=\"en\">")
        )
        #expect(asker.contains("narrative."))
        #expect(files["cities/asker/index.html"]?.contains("translation-note") == false)
    }

    @Test func oneLanguageSiteHasNoSwitcher() throws {
        let site = try TestSite.make()
        let (files, _) = try Self.render(site)
        let page = try #require(files["cities/karmoy/index.html"])
        #expect(!page.contains("hreflang") && !page.contains("class=\"languages\""))
        #expect(files.keys.allSatisfy { !$0.hasPrefix("nb/") })
        #expect(files["sitemap.xml"]?.contains("xhtml") == false)
    }

    @Test func checkReportsTranslationKeys() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.bilingual,
            "Themes/default/strings/nb.yml": "nav_home: Hjem\nnav_citties: Kommuner\n",
        ])
        let lines = site.check()
        #expect(
            lines.contains {
                $0.contains("strings/nb.yml:2:1: error: the key \"nav_citties\"")
                    && $0.contains("did you mean \"nav_cities\"?") && $0.hasSuffix("[unknown-string-key]")
            }, "\(lines)")
        let fixed = try TestSite.make([
            "Content/site.yml": Self.bilingual, "Themes/default/strings/nb.yml": "nav_home: Hjem\n",
        ])
        let (_, warnings) = try Self.render(fixed)
        let count = Self.builtInStrings("en").count - 1
        #expect(
            warnings.contains {
                $0.contains("warning: strings/nb.yml lacks \(count) keys of strings/en.yml")
                    && $0.hasSuffix("[untranslated]")
            },
            "\(warnings)")
    }

    @Test func badLanguageCodeIsAnError() throws {
        let site = try TestSite.make([
            "Content/site.yml": "title: T\nbaseURL: https://example.org/\nlanguages: [en, norsk]\n"
        ])
        let lines = site.check()
        #expect(
            lines.contains {
                $0.contains("Content/site.yml:3:") && $0.contains("is not a language code")
                    && $0.hasSuffix("[invalid-language]")
            }, "\(lines)")
    }

    @Test func aThirdLanguageNeedsOnlyFiles() throws {
        let codes = BuiltInResources.frameworkCSV.split(separator: "\n").dropFirst().compactMap {
            $0.split(separator: ",").first.map(String.init)
        }
        var framework = "# Traduction de ce projet\ncode,name,dimension\n"
        for code in codes { framework += "\(code),Indicateur \(code),\(code.hasPrefix("EC") ? "Économie" : "Autre")\n" }
        let site = try TestSite.make([
            "Content/site.yml": "title: T\nbaseURL: https://example.org/\nlanguages: [en, fr]\n",
            "Themes/default/strings/fr.yml":
                "nav_home: Accueil\nnav_cities: Villes\nlanguage_self: Français\nchart_count_city_one: \"{n} ville\"\nchart_count_city_other: \"{n} villes\"\n",
            "Content/framework/kpis.fr.csv": framework,
        ])
        let (files, _) = try Self.render(site)
        let home = try #require(files["fr/index.html"])
        #expect(home.contains("<html lang=\"fr\">"))
        #expect(home.contains(">Accueil</a>") && home.contains(">Villes</a>"))
        let indicator = try #require(files["fr/indicators/ec-ict-ict-1c/index.html"])
        #expect(indicator.contains("Indicateur EC: ICT: ICT: 1C") && indicator.contains("Économie"))
        #expect(files["fr/dimensions/economy/index.html"] != nil)
        #expect(files["indicators/ec-ict-ict-1c/index.html"]?.contains("Household Internet Access") == true)
    }
}
