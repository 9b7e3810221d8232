import CityscoreDiagnostics
import CityscoreReading
import Testing

@Suite("Authoring: one CSV mistake gives one error")
struct AuthoringCSVTests {
    @Test func carriageReturnLineEndsAreRead() {
        let text = "city,kpi,value\r\"rana\",\"EC: ICT: ICT: 1C\",5\rasker,x,\"a\rb\"\r"
        let (table, problems) = CSVReader(path: "r.csv").read(Array(text.utf8))
        #expect(problems.isEmpty)
        #expect(table?.header.map(\.text) == ["city", "kpi", "value"])
        #expect(
            table?.records.map { $0.fields.map(\.text) } == [
                ["rana", "EC: ICT: ICT: 1C", "5"], ["asker", "x", "a\nb"],
            ])
        #expect(table?.records.map(\.location.line) == [2, 3])
    }

    @Test func aSiteSavedAsCSVMacintoshBuilds() throws {
        let site = try TestSite.make([
            "Content/results/2020.csv": TestSite.results.replacingOccurrences(of: "\n", with: "\r"),
            "Content/targets/goals.csv": TestSite.targets.replacingOccurrences(of: "\n", with: "\r"),
        ])
        #expect(site.build() == [])
        #expect(site.read("data/results.csv")?.contains("84.51") == true)
    }

    @Test func anUnknownColumnIsOneErrorAndItsCellsAreNotCountedAsExtra() throws {
        let results =
            TestSite.results.split(separator: "\n").enumerated().map { index, line in
                line + (index == 0 ? ",comment" : ",fine")
            }.joined(separator: "\n") + "\n"
        let site = try TestSite.make(["Content/results/2020.csv": results])
        #expect(site.checkCodes() == ["Content/results/2020.csv:1:43 unknown-column"])
    }

    @Test func aMissingCommaIsOneErrorForItsRow() throws {
        let results = TestSite.results.replacingOccurrences(
            of: "asker,EC: P: EM: 1C,,2020,2.5,%,Report", with: "asker,EC: P: EM: 1C,2020,2.5,%,Report")
        let site = try TestSite.make(["Content/results/2020.csv": results])
        #expect(site.checkCodes() == ["Content/results/2020.csv:8:1 cell-count"])
        #expect(
            site.build() == [
                "Content/results/2020.csv:8:1: error: this row has 6 cells but the header has 7 columns; "
                    + "check for a missing or extra comma, or a comma inside a cell that is not quoted [cell-count]"
            ])
    }
}
