import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreValidation
import Foundation
import Testing

/// Issue 13/20: `check` and `build` read the results files one at a time as they check them, keeping
/// only the validated rows, so that a large site's tables are never all in memory; `serve` reads and
/// checks again only the results file that was edited. Either way the rows and every problem are
/// those of reading every table first, in the same order.
@Suite("Results read one file at a time")
struct StreamedResultsTests {
    static let header = "city,kpi,datapoint,year,value,unit,source"

    /// A results file with `extras` x- columns named from `first` on, and one row of `city` in `year`.
    static func extras(_ count: Int, from first: Int, city: String, year: Int) -> String {
        let names = (first..<first + count).map { ",x-note-\($0)" }.joined()
        return Self.header + names + "\n" + "\(city),EC: ICT: ICT: 1C,,\(year),97,%,Report"
            + String(repeating: ",n", count: count) + "\n"
    }

    /// A site whose results files have a problem of every kind that depends on reading (broken
    /// quoting, CR-only line ends, a file that is not text) or on other files (a duplicate of a row
    /// of another file, x- columns over the limit across files), with targets read beside them.
    static func site() throws -> TestSite {
        let site = try TestSite.make([
            "Content/results/2020.csv": TestSite.results,
            "Content/results/a-broken.csv": Self.header + "\nkarmoy,EC: ICT: ICT: 2C,,2019,\"84,%,Report\n",
            "Content/results/b-duplicate.csv": Self.header
                + "\nkarmoy,EC: ICT: ICT: 1C,,2020,98,%,Again\nkarmoi,EC: ICT: ICT: 1C,,2018,1,%,Typo\n",
            "Content/results/c-extras.csv": Self.extras(30, from: 1, city: "asker", year: 2017),
            "Content/results/d-extras.csv": Self.extras(30, from: 31, city: "asker", year: 2016),
            "Content/results/e-mac.csv": Self.header + "\rasker,EC: ICT: ICT: 2C,,2015,50,%,Mac\r",
            "Content/targets/goals.csv": TestSite.targets + "karmoy,EC: ICT: ICT: 9Z,,100,Typo\n",
        ])
        try site.write("Content/results/f-binary.csv", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0])
        return site
    }

    /// What reading every table first and then checking them gives: the problems in order, the rows.
    static func eager(_ root: String) -> (problems: [Diagnostic], rows: [Observation]) {
        let (read, readProblems) = SiteReader(root: root).read()
        guard let source = read else { return (readProblems, []) }
        let (site, problems) = SiteValidator(currentYear: 2026).validateAll(source)
        return (readProblems + problems, site.observations)
    }

    @Test func readingOneFileAtATimeReportsWhatReadingEveryTableFirstReports() throws {
        let site = try Self.site()
        defer { site.remove() }
        let (expected, rows) = Self.eager(site.root)
        let (read, first) = SiteReader(root: site.root).read(deferringResults: true)
        let source = try #require(read)
        #expect(source.results.isEmpty)
        #expect(source.deferredResults?.paths.count == 7)
        var readProblems = first
        let (streamed, problems) = SiteValidator(currentYear: 2026).validateAll(source, readProblems: &readProblems)
        #expect(readProblems + problems == expected)
        #expect(streamed.observations == rows)
        // The fixture has each kind of problem it is meant to have.
        let codes = Set(expected.map(\.code))
        for code in [
            DiagnosticCode.csvQuoting, .duplicateRow, .unknownCity, .tooManyExtraColumns, .notCSVText, .unknownKPI,
        ] {
            #expect(codes.contains(code), "\(code) missing: \(expected.map(\.description))")
        }
    }

    @Test func checkReportsTheSameProblemsAsBeforeInTheSameOrder() throws {
        let site = try Self.site()
        defer { site.remove() }
        let (expected, _) = Self.eager(site.root)
        // The pipeline adds the checks that follow validation (links, templates) after these.
        let checked = site.check()
        #expect(Array(checked.prefix(expected.count)) == expected.map(\.description))
    }

    @Test func anEditedResultsFileIsTheOnlyOneReadAndCheckedAgain() throws {
        let site = try TestSite.make([
            "Content/results/2019.csv": Self.header + "\nkarmoy,EC: ICT: ICT: 1C,,2019,90,%,Report 2019\n",
            "Content/results/2020.csv": Self.header + "\nkarmoy,EC: ICT: ICT: 1C,,2020,97,%,Report 2020\n",
            "Content/results/asker.csv": Self.header + "\nasker,EC: P: EM: 1C,,2020,2.5,%,Report\n",
        ])
        defer { site.remove() }
        let validator = SiteValidator(currentYear: 2026)
        let source = try #require(SiteReader(root: site.root).read(deferringResults: true).0)
        let before = validator.validateData(source)
        #expect(before.observations.count == 3)
        #expect(before.diagnostics.isEmpty)
        // 2020's value edited, and a row that duplicates 2019's added.
        try site.write(
            "Content/results/2020.csv",
            bytes: Array(
                (Self.header
                    + "\nkarmoy,EC: ICT: ICT: 1C,,2020,99,%,Report 2020\nkarmoy,EC: ICT: ICT: 1C,,2019,1,%,Again\n")
                    .utf8))
        let after = validator.validateData(source, previous: before, changed: ["Content/results/2020.csv"])
        let whole = validator.validateData(source)
        #expect(after.observations == whole.observations)
        #expect(after.diagnostics == whole.diagnostics)
        #expect(after.diagnostics.map(\.code) == [.duplicateRow])
        #expect(after.observations.map(\.valueText) == ["2.5", "90", "99"])
        // The rows of the files not edited are the very rows checked before, not read again.
        let kept = after.observations.filter { $0.location.path != "Content/results/2020.csv" }
        #expect(kept.count == 2)
        for row in kept {
            #expect(before.observations.contains { $0.isIdentical(to: row) })
        }
        #expect(!before.observations.contains { $0.isIdentical(to: after.observations[2]) })
    }
}
