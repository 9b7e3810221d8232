import CityscoreDiagnostics
import CityscorePipeline
import Foundation
import Testing

extension TestSite {
    /// Every problem one `check` reports (warnings too), as the diagnostics themselves.
    func checkDiagnostics() -> [Diagnostic] {
        do {
            return try Pipeline(siteRoot: root, output: nil).run().warnings
        } catch {
            return error.diagnostics
        }
    }

    /// What one `check` reports as `path:line:column code` (warnings too), sorted as printed.
    func checkCodes() -> [String] {
        var list = DiagnosticList()
        list.append(contentsOf: checkDiagnostics())
        return list.sorted.map { "\($0.location) \($0.code.rawValue)" }
    }
}

/// The "done when": one `check` of a site with one mistake of each kind reports every one
/// of them, each at its line and column with its code.
@Suite("Diagnostic codes")
struct DiagnosticCodesTests {
    static let narrative = """
        ---
        name: Asker
        country: Norway
        ---
        See [nothing](nope.md) here.

        See [Karmøy](karmoy.md#nope).

        | city | score |
        |---|---|
        | Asker | 80 |

        """

    /// A data error, a broken link, a bad anchor, a template error, a pipe table, a stray `.xlsx`.
    static func siteWithOneOfEach(dataError: Bool = true) throws -> TestSite {
        var files: [String: String?] = [
            "Content/cities/asker.md": narrative,
            "Content/results/from-the-city.xlsx": "PK\u{3}\u{4} not really a workbook",
            "Themes/default/templates/404.mustache": "line one\n{{#open}}never closed\n",
        ]
        if dataError {
            files["Content/results/2020.csv"] = TestSite.results + "karmoy,EC: ICT: ICT: 9Z,,2020,50,%,Report\n"
        }
        return try TestSite.make(files)
    }

    @Test func oneCheckFindsEveryKindOfMistakeAtItsPlaceWithItsCode() throws {
        let site = try Self.siteWithOneOfEach()
        defer { site.remove() }
        let found = site.checkCodes()
        let expected = [
            "Content/results/2020.csv:9:8 unknown-kpi",
            "Content/cities/asker.md:5:5 broken-link",
            "Content/cities/asker.md:7:5 broken-anchor",
            "Themes/default/templates/404.mustache:2:1 template-syntax",
            "Content/cities/asker.md:9:1 pipe-table",
            "Content/results/from-the-city.xlsx:1:1 ignored-file",
        ]
        for line in expected { #expect(found.contains(line), "\(found)") }
        // And the text a user sees names each code at the end of its line.
        let text = DiagnosticReport.text(site.checkDiagnostics())
        for code in ["unknown-kpi", "broken-link", "broken-anchor", "template-syntax", "pipe-table", "ignored-file"] {
            #expect(text.contains(" [\(code)]\n"), "\(code)")
        }
    }

    @Test func withoutTheDataErrorTheLinkAnchorAndTableComeAtTheirPlaces() throws {
        let site = try Self.siteWithOneOfEach(dataError: false)
        defer { site.remove() }
        let found = site.checkCodes()
        #expect(found.contains("Content/cities/asker.md:5:5 broken-link"), "\(found)")
        #expect(found.contains("Content/cities/asker.md:7:5 broken-anchor"), "\(found)")
        #expect(found.contains("Content/cities/asker.md:9:1 pipe-table"), "\(found)")
        #expect(found.contains("Content/results/from-the-city.xlsx:1:1 ignored-file"), "\(found)")
    }

    @Test func theTextFormatEndsEachLineWithTheCode() throws {
        let site = try TestSite.make([
            "Content/results/2020.csv": TestSite.results + "karmoy,EC: ICT: ICT: 1X,,2020,50,%,Report\n"
        ])
        defer { site.remove() }
        let text = DiagnosticReport.text(site.checkDiagnostics())
        #expect(
            text == """
                Content/results/2020.csv:9:8: error: unknown KPI "EC: ICT: ICT: 1X" in column "kpi"; \
                did you mean "EC: ICT: ICT: 1C"? [unknown-kpi]
                1 error

                """)
    }

    @Test func aDiagnosticIsMadeWithItsCodeAndPrintsIt() {
        let at = SourceLocation(path: "Content/pages/a.md", line: 3, column: 7)
        let warning = Diagnostic.warning("the HTML \"<div>\" is left out", at: at, code: .rawHTMLOmitted)
        #expect(
            warning.description == "Content/pages/a.md:3:7: warning: the HTML \"<div>\" is left out [raw-html-omitted]")
        #expect(warning.withoutCode == "Content/pages/a.md:3:7: warning: the HTML \"<div>\" is left out")
        #expect(GitHubAnnotations.command(warning).contains("title=raw-html-omitted::"))
        #expect(JSONDiagnostics.object(warning).contains("\"code\":\"raw-html-omitted\""))
    }

    @Test func eachCodeHasTheSeverityItsDiagnosticsAreMadeWith() {
        #expect(DiagnosticCode.rawHTMLOmitted.severity == .warning)
        #expect(DiagnosticCode.ignoredFile.severity == .warning)
        #expect(DiagnosticCode.unknownKPI.severity == .error)
        #expect(DiagnosticCode.templateSyntax.severity == .error)
        #expect(DiagnosticCode.allCases.contains { $0.severity == .warning })
    }
}

extension String {
    /// A printed diagnostic line without its ` [code]` at the end, for tests about the words.
    var withoutCodeSuffix: String {
        guard hasSuffix("]"), let open = range(of: " [", options: .backwards) else { return self }
        return String(self[..<open.lowerBound])
    }
}
