import CityscoreDiagnostics
import Foundation
import Testing

/// `site.yml`'s `diagnostics:` raises warning codes to errors or silences them; errors stay errors.
@Suite("Diagnostic overrides")
struct DiagnosticOverridesTests {
    static func siteYML(_ diagnostics: String) -> String { TestSite.siteYML + diagnostics }

    static let rawHTML = TestSite.asker + "<div class=\"box\">boxed</div>\n"

    @Test func aWarningRaisedToAnErrorStopsCheckAndBuild() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.siteYML("diagnostics: {raw-html-omitted: error}\n"),
            "Content/cities/asker.md": Self.rawHTML,
        ])
        defer { site.remove() }
        let found = site.checkDiagnostics()
        #expect(found.map(\.code) == [.rawHTMLOmitted])
        #expect(found.first?.severity == .error)
        #expect(found.first.map { "\($0.location)" } == "Content/cities/asker.md:6:1")
        let printed = site.build()
        #expect(
            printed.count == 1 && printed[0].contains(": error: the HTML") && printed[0].hasSuffix("[raw-html-omitted]")
        )
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func withoutTheOverrideRawHTMLIsAWarningAndTheSiteBuilds() throws {
        let site = try TestSite.make(["Content/cities/asker.md": Self.rawHTML])
        defer { site.remove() }
        let found = site.checkDiagnostics()
        #expect(found.map(\.code) == [.rawHTMLOmitted] && found.first?.severity == .warning)
        #expect(site.build() == [])
    }

    @Test func aWarningTurnedOffIsNotReported() throws {
        let site = try TestSite.make(["Content/site.yml": Self.siteYML("diagnostics:\n  ignored-file: off\n")])
        defer { site.remove() }
        try site.write("Content/results/2021.xlsx", bytes: Array("PK".utf8))
        try site.write("Content/notes.txt", bytes: Array("to do".utf8))
        #expect(site.checkCodes() == [])
    }

    @Test func anErrorCannotBeLoweredAndSaysSoAtItsLine() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.siteYML("diagnostics:\n  unknown-kpi: off\n  ignored-file: warning\n"),
            "Content/results/2020.csv": TestSite.results + "karmoy,EC: ICT: ICT: 9Z,,2020,50,%,Report\n",
        ])
        defer { site.remove() }
        let found = site.checkDiagnostics()
        #expect(
            site.checkCodes() == [
                "Content/results/2020.csv:9:8 unknown-kpi", "Content/site.yml:5:3 error-not-lowered",
            ])
        let refusal = try #require(found.first { $0.code == .errorNotLowered })
        #expect(refusal.severity == .warning)
        #expect(
            refusal.message.contains("\"unknown-kpi\" is an error, and errors cannot be turned into warnings or off"))
        #expect(found.first { $0.code == .unknownKPI }?.severity == .error)
    }

    @Test func anUnknownCodeIsAWarningWithADidYouMean() throws {
        let site = try TestSite.make([
            "Content/site.yml": Self.siteYML("diagnostics: {raw-html-omited: error}\n"),
            "Content/cities/asker.md": Self.rawHTML,
        ])
        defer { site.remove() }
        let found = site.checkDiagnostics()
        #expect(
            site.checkCodes() == [
                "Content/cities/asker.md:6:1 raw-html-omitted", "Content/site.yml:4:15 unknown-diagnostic-code",
            ])
        let unknown = try #require(found.first { $0.code == .unknownDiagnosticCode })
        #expect(unknown.severity == .warning)
        #expect(unknown.suggestion == "did you mean \"raw-html-omitted\"?")
    }

    @Test func aLevelOtherThanErrorWarningOrOffIsAnError() throws {
        let site = try TestSite.make(["Content/site.yml": Self.siteYML("diagnostics:\n  pipe-table: loud\n")])
        defer { site.remove() }
        #expect(site.checkCodes() == ["Content/site.yml:5:15 invalid-value"])
    }

    @Test func diagnosticsMustBeAMapping() throws {
        let site = try TestSite.make(["Content/site.yml": Self.siteYML("diagnostics: off\n")])
        defer { site.remove() }
        #expect(site.checkCodes() == ["Content/site.yml:4:1 value-kind"])
    }

    @Test func levelsApplyInTheListThatCollectsARun() {
        var levels = DiagnosticLevels()
        #expect(levels.set(.pipeTable, to: .error) == nil)
        #expect(levels.set(.ignoredFile, to: .off) == nil)
        #expect(levels.set(.brokenLink, to: .warning) != nil)
        let at = SourceLocation(path: "x.md", line: 2, column: 1)
        var list = DiagnosticList()
        list.add(.warning("a table", at: at, code: .pipeTable))
        list.add(.warning("ignored", at: at, code: .ignoredFile))
        #expect(!list.hasErrors)
        list.levels = levels
        #expect(list.hasErrors)
        list.add(.warning("another file", at: at, code: .ignoredFile))
        list.add(.error("a link", at: at, code: .brokenLink))
        #expect(list.all.map(\.code) == [.pipeTable, .brokenLink])
        #expect(list.all.map(\.severity) == [.error, .error])
    }
}
