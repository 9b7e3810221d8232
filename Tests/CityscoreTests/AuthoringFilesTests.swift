import Foundation
import CityscorePipeline
import Testing

@Suite("Authoring: every file under Content/ is read or reported")
struct AuthoringFilesTests {
    /// The warnings of a `check` of the site, as printed; the errors when it fails.
    static func check(_ site: TestSite) -> [String] {
        do {
            return try Pipeline(siteRoot: site.root, output: nil).run().warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func spreadsheetsTextFilesAndStrayFoldersAreNamedWithWhatToDo() throws {
        let site = try TestSite.make([
            "Content/results/2021.xlsx": "not really a workbook",
            "Content/results/notes.txt": "city,kpi",
            "Content/targets/old/goals.csv": TestSite.targets,
            "Content/result/2022.csv": TestSite.results,
            "Content/pages/draft.docx": "x",
            "Content/cities/rana.MD": "---\nname: Rana\n---\n",
            "Content/results/.DS_Store": "x",
            "Content/.gitkeep": "",
        ])
        let lines = Self.check(site)
        #expect(
            lines.contains(
                "Content/results/2021.xlsx:1:1: warning: the build ignores spreadsheet files: only .csv files are read; "
                    + "save the sheet as \"CSV UTF-8\" beside it, or convert it with `cityscore import` [ignored-file]"))
        #expect(
            lines.contains {
                $0.hasPrefix("Content/results/notes.txt:1:1: warning:") && $0.contains("rename it to .csv")
            })
        #expect(lines.contains { $0.hasPrefix("Content/targets/old:1:1: warning: the build ignores folders here") })
        #expect(
            lines.contains { $0.hasPrefix("Content/result:1:1: warning:") && $0.contains("did you mean \"results\"?") })
        #expect(lines.contains { $0.hasPrefix("Content/pages/draft.docx:1:1: warning:") })
        #expect(
            lines.contains {
                $0.hasPrefix("Content/cities/rana.MD:1:1: warning:") && $0.contains("rename it to end in .md")
            })
        // Hidden files are left alone without a word.
        #expect(
            site.checkCodes() == [
                "Content/cities/rana.MD:1:1 ignored-file", "Content/pages/draft.docx:1:1 ignored-file",
                "Content/result:1:1 ignored-file", "Content/results/2021.xlsx:1:1 ignored-file",
                "Content/results/notes.txt:1:1 ignored-file", "Content/targets/old:1:1 ignored-file",
            ])
    }

    @Test func anUpperCaseCSVExtensionIsRead() throws {
        let site = try TestSite.make([
            "Content/results/2020.csv": nil,
            "Content/results/2020.CSV": TestSite.results,
        ])
        #expect(Self.check(site).isEmpty)
        #expect(site.build().isEmpty)
        #expect(site.read("data/results.csv")?.contains("84.51") == true)
    }
}
