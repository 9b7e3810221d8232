import Foundation
import Testing

/// Strict templates: a name no page gives its template is reported by `check` (and `build`) at its
/// line and column with a did-you-mean (`unknown-template-variable`), instead of rendering as nothing.
@Suite("Strict templates")
struct StrictTemplateTests {
    @Test func aMisspeltVariableIsReportedAtItsLineAndColumnWithTheRightName() throws {
        let site = try TestSite.make([
            "Themes/default/templates/page.mustache":
                "{{>partials/head}}\n<h1>{{page.titel}}</h1>\n{{>partials/foot}}\n",
            "Content/pages/about.md": "---\ntitle: About\n---\nText.\n",
        ])
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.hasPrefix("Themes/default/templates/page.mustache:2:5: error: "), "\(problem)")
        #expect(problem.contains("page.titel"))
        #expect(problem.contains("did you mean {{page.title}}?"))
        #expect(problem.hasSuffix("[unknown-template-variable]"))
        // `build` stops on it too: nothing is written from a template that would lose a value.
        #expect(site.build().contains(problem))
    }

    @Test func aNameInsideAListSectionIsCheckedAgainstTheListsItems() throws {
        let site = try TestSite.make([
            "Themes/default/templates/cities.mustache":
                "<ul>\n{{#cities}}<li>{{nmae}} {{overall.percnt}}</li>{{/cities}}\n</ul>\n"
        ])
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.contains {
                $0.hasPrefix("Themes/default/templates/cities.mustache:2:16: error: ")
                    && $0.contains("did you mean {{name}}?")
            }, "\(problems)")
        #expect(
            problems.contains {
                $0.hasPrefix("Themes/default/templates/cities.mustache:2:25: error: ")
                    && $0.contains("did you mean {{overall.percent}}?")
            }, "\(problems)")
    }

    @Test func aPartialIsCheckedWithTheContextOfThePagesIncludingIt() throws {
        let site = try TestSite.make([
            // `city` exists on city pages only, but the home page includes the partial too: a part
            // shown where it is there is fine; a name no page has is not.
            "Themes/default/templates/partials/foot.mustache":
                "{{#city}}{{name}}{{/city}}{{t.footer_txt}}{{#citty}}{{name}}{{/citty}}</body>\n"
        ])
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.contains {
                $0.hasPrefix("Themes/default/templates/partials/foot.mustache:1:27: error: ")
                    && $0.contains("did you mean {{t.footer_text}}?")
            }, "\(problems)")
        #expect(
            problems.contains {
                $0.hasPrefix("Themes/default/templates/partials/foot.mustache:1:43: error: ")
                    && $0.contains("\"citty\"")
            }, "\(problems)")
    }

    @Test func namesFromOuterSectionsParametersAndListPositionsAreKnown() throws {
        let site = try TestSite.make([
            "Themes/default/templates/cities.mustache":
                "{{#cities}}{{#first()}}{{name}} {{site.title}} {{page.title}}{{/first()}}{{#country}}{{country}}{{/country}}"
                + "{{^empty(dimensions)}}{{#dimensions}}{{percent}}{{/dimensions}}{{/empty(dimensions)}}{{/cities}}"
                + "{{site.params.anything}}{{#dimensionNames}}{{.}}{{/dimensionNames}}\n"
        ])
        defer { site.remove() }
        #expect(site.check() == [])
    }

    @Test func theDefaultThemeUsesOnlyNamesItsPagesProvide() throws {
        let site = try ThemeReferenceTests.everything()
        defer { site.remove() }
        #expect(site.check() == [])
    }
}
