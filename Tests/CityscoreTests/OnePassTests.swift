import CityscorePipeline
import Foundation
import Testing

/// Issue 13's one pass: a data error does not hide a broken link, a bad anchor or a template
/// mistake; every check that does not need another to succeed runs in the same `check` or `build`.
@Suite("One pass")
struct OnePassTests {
    /// A bad results row, a broken link, a bad anchor and a template mistake.
    static func brokenSite() throws -> TestSite {
        try TestSite.make([
            "Content/results/2020.csv": TestSite.results + "karmoi,EC: ICT: ICT: 1C,,2020,50,%,Report\n",
            "Content/cities/asker.md": "---\nname: Asker\n---\nSee [the method](../pages/methodolgy.md) "
                + "and [scores](/methodology/#no-such-heading).\n",
            "Themes/default/templates/404.mustache": "line one\n{{#open}}never closed\n",
        ])
    }

    @Test(arguments: [false, true])
    func aDataErrorDoesNotHideLinksAnchorsOrTemplates(writing: Bool) throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let problems = writing ? site.build() : site.check()
        #expect(problems.contains { $0.hasPrefix("Content/results/2020.csv:9:1: error: ") && $0.contains("karmoi") })
        #expect(problems.contains { $0.hasPrefix("Content/cities/asker.md:4:") && $0.contains("methodolgy.md") })
        #expect(problems.contains { $0.hasPrefix("Content/cities/asker.md:4:") && $0.contains("no-such-heading") })
        #expect(problems.contains { $0.hasPrefix("Themes/default/templates/404.mustache:2:1: error: ") })
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func aCityWithBrokenFrontMatterIsNotReportedAgainByTheLinksToIt() throws {
        // Karmøy's narrative links to asker.md and its page; Asker's own error is the only one.
        let site = try TestSite.make([
            "Content/cities/asker.md": "---\ncountry: Norway\n---\nText.\n",
            "Content/pages/about.md": "---\ntitle: About\n---\nSee [Asker](/cities/asker/).\n",
        ])
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix("Content/cities/asker.md:") == true)
        #expect(problems.first?.contains("needs a name") == true)
    }

    @Test func aCleanCheckCountsEveryPageAndWritesNothing() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let report = try Pipeline(siteRoot: site.root, output: nil).run()
        #expect(report.warnings.allSatisfy { $0.severity != .error })
        #expect(!FileManager.default.fileExists(atPath: site.output))
        let built = try Pipeline(siteRoot: site.root, output: site.output).run()
        #expect(report.pages == built.pages)
        #expect(report.pages > 10)
    }
}
