import Foundation
import Testing

/// A data error does not hide the theme's mistakes: both come from one run.
@Suite("One run")
struct OneRunTests {
    @Test func aDataErrorAndATemplateErrorComeTogether() throws {
        let site = try TestSite.make([
            "Content/results/2020.csv": TestSite.results + "karmoi,EC: ICT: ICT: 1C,,2020,50,%,Report\n",
            "Themes/default/templates/404.mustache": "line one\n{{#open}}never closed\n",
        ])
        defer { site.remove() }
        let problems = site.build()
        #expect(problems.contains { $0.hasPrefix("Content/results/2020.csv:9:1: error: ") && $0.contains("karmoi") })
        #expect(problems.contains { $0.hasPrefix("Themes/default/templates/404.mustache:2:1: error: ") })
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }
}
