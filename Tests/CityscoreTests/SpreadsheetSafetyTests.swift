import CityscoreModel
import CityscoreReading
import Foundation
import Testing

@testable import CityscoreRendering

/// CSV injection: no text cell of a CSV download starts a formula in a spreadsheet (OWASP: such
/// cells get a leading apostrophe); numbers are written as they are.
@Suite("Spreadsheet-safe downloads")
struct SpreadsheetSafetyTests {
    /// Cells a spreadsheet would evaluate, as an attacker writes them into a results file.
    static let hostile = [
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "-cmd|' /C calc'!A0", "@SUM(1)", "\t=1+1", "\r=1+1",
    ]

    /// `csv` read back strictly, as rows of cell texts.
    static func cells(_ csv: String) throws -> [[String]] {
        let (table, problems) = CSVReader(path: "t.csv").read(Array(csv.utf8))
        let read = try #require(table, "\(problems)")
        #expect(problems.isEmpty, "\(problems)")
        return [read.header.map(\.text)] + read.records.map { $0.fields.map(\.text) }
    }

    /// Whether a spreadsheet could take `cell` as the start of a formula.
    static func startsFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    @Test(arguments: hostile)
    func aFormulaCellGetsALeadingApostrophe(_ text: String) {
        #expect(CSVText.spreadsheetSafe(text) == "'" + text)
        #expect(!Self.startsFormula(CSVText.spreadsheetSafe(text)))
    }

    @Test(arguments: ["", "plain", "Report 2020", "'=already text", " =1+1", "a=b", "1-2", "x@y", "%", "µg/m³"])
    func otherTextsAreLeftAsTheyAre(_ text: String) {
        #expect(CSVText.spreadsheetSafe(text) == text)
    }

    @Test func numbersAreNotTouchedButTextThatLooksLikeOneIs() throws {
        let site = Site(
            config: SiteConfig(title: "t"), framework: Framework(kpis: [], origin: "test"), cities: [],
            observations: [
                Observation(
                    city: "c", kpi: "K: 1", datapoint: "-", year: 2020, value: .number(-5), unit: "-",
                    source: "-5", note: "+1", extra: ["x-a": "-2.5"])
            ], targets: [], pages: [])
        let rows = try Self.cells(DataFiles(site: site).resultsCSV())
        #expect(rows.count == 2)
        // Then the round (the row's year: one round), the x- column and the computed columns, empty
        // without scorecards.
        #expect(
            rows[1] == ["c", "K: 1", "'-", "2020", "-5", "'-", "'-5", "'+1", "", "", "", "2020", "'-2.5"]
                + Array(repeating: "", count: 6))
    }

    @Test func frameworkTextsAreSafeAndItsTargetsStayNumbers() throws {
        let kpi = KPI(
            code: "=K", name: "@name", datapoints: ["-a", "b"], unit: "+u", direction: .lower, target: -3.5,
            targetSource: "=HYPERLINK(\"http://x\",\"y\")", sdg: "-", description: "\t=1+1", evidence: "fine",
            dimension: "Economy", subdimension: "-sub", category: "@cat")
        let site = Site(
            config: SiteConfig(title: "t"), framework: Framework(kpis: [kpi], origin: "test"), cities: [],
            observations: [], targets: [], pages: [])
        let rows = try Self.cells(DataFiles(site: site).frameworkCSV())
        #expect(rows.count == 2)
        let header = rows[0]
        let row = rows[1]
        #expect(row.count == header.count)
        let cell = { (name: String) in header.firstIndex(of: name).map { row[$0] } }
        #expect(cell("target") == "-3.5")
        #expect(cell("code") == "'=K")
        #expect(cell("datapoints") == "'-a;b")
        #expect(cell("target_source") == "'=HYPERLINK(\"http://x\",\"y\")")
        #expect(cell("description") == "'\t=1+1")
        #expect(cell("evidence") == "fine")
        let formulas = zip(header, row).filter { $0.0 != "target" && Self.startsFormula($0.1) }
        #expect(formulas.isEmpty, "\(formulas)")
    }

    /// The whole way: a site whose notes, sources and `x-` columns hold formulas is built, and
    /// `data/results.csv` holds none of them as a formula, trimmed cells (`\t=1+1` → `=1+1`) included.
    @Test func aBuiltSitesResultsHoldNoFormula() throws {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var results = "city,kpi,datapoint,year,value,unit,source,note,x-comment\n"
        for (i, text) in Self.hostile.enumerated() {
            let other = Self.hostile[(i + 1) % Self.hostile.count]
            results +=
                "karmoy,EC: ICT: ICT: 1C,,\(2010 + i),\(90 + i),%,\(quoted(text)),\(quoted(other)),\(quoted(text))\n"
        }
        results += "asker,EC: P: EM: 1C,,2020,2.5,%,Report,,plain\n"
        let site = try TestSite.make(["Content/results/2020.csv": results])
        defer { site.remove() }
        let problems = site.build()
        #expect(problems.isEmpty, "\(problems)")
        let csv = try #require(site.read("data/results.csv"))
        let rows = try Self.cells(csv)
        let header = rows[0]
        #expect(header.contains("x-comment"))
        #expect(rows.count == Self.hostile.count + 2)
        for row in rows.dropFirst() {
            for (name, cell) in zip(header, row) where name != "value" && name != "year" {
                #expect(!Self.startsFormula(cell), "\(name): \(cell.debugDescription)")
            }
        }
        let notes = Set(rows.dropFirst().compactMap { row in header.firstIndex(of: "note").map { row[$0] } })
        // Read in trimmed, the tab is gone; written out, the apostrophe is there.
        #expect(notes.contains("'=1+1"))
        #expect(notes.contains("'=HYPERLINK(\"http://x\",\"y\")"))
        let comments = Set(rows.dropFirst().compactMap { row in header.firstIndex(of: "x-comment").map { row[$0] } })
        #expect(comments.contains("'\t=1+1"))
        #expect(comments.contains("'-cmd|' /C calc'!A0"))
        #expect(comments.contains("plain"))
        let framework = try #require(site.read("data/framework.csv"))
        for row in try Self.cells(framework) { #expect(!row.contains(where: Self.startsFormula), "\(row)") }
    }
}
