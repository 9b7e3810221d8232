import Foundation
import Testing

@testable import CityscoreImport

/// `cityscore import`: workbooks written by LibreOffice and openpyxl (see .ci/quality/import-fixtures)
/// imported into copies of the demo site.
@Suite struct ImportTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    /// A copy of the demo site (its Content/) in a temporary folder.
    static func demoCopy() throws -> TestSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cityscore-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repo.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        return TestSite(rootPath: root.path)
    }

    static func run(
        _ fixture: String, site: TestSite, city: String? = nil, year: Int? = nil, force: Bool = false,
        createCities: Bool = false, file: String? = nil
    ) -> Importer.Outcome {
        var options = Importer.Options(file: file ?? fixtures.appendingPathComponent(fixture).path)
        options.site = site.root
        options.city = city
        options.year = year
        options.force = force
        options.createCities = createCities
        options.currentYear = 2026
        return Importer(options).run()
    }

    /// What the U4SSC-template fixture holds, as the results file must say it.
    static let templateCSV = """
        city,kpi,datapoint,year,value,unit,source,note,quality,verified,x-origin
        asker,EC: ICT: ICT: 1C,,2019,97,%,"Statistics Norway, table 11000",,measured,yes,Municipal statistics
        asker,EC: ICT: ICT: 2C,,2019,80,%,Asker municipality survey,,survey,no,Survey 2019
        asker,EC: ICT: ICT: 4C,3G,2019,96.67,%,"Nkom, mobile coverage 2019",,higher-level,yes,National data
        asker,EC: ICT: ICT: 4C,4G,2019,95.1,%,"Nkom, mobile coverage 2019",,assumptions,no,Operator data
        asker,EC: P: EM: 1C,,2019,2.5,%,"NAV, registered unemployment, 2019",,personal-estimate,yes,NAV
        asker,SC: SH: SA: 3A,,2019,NO,,Asker municipality,,unknown,no,
        asker,EC: ICT: ICT: 3C,,2019,NR,/ 100 000 inhabitants,,,,no,
        asker,EC: P: EM: 2C,,2019,4.1,%,NAV,,personal-estimate,yes,NAV

        """

    @Test(arguments: ["template.xlsx", "template.ods"])
    func aTemplateWorkbookSavedByLibreOfficeImportsIntactAndTheSiteBuilds(fixture: String) throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        let outcome = Self.run(fixture, site: site, city: "asker", year: 2019)
        #expect(!outcome.hasErrors, "\(outcome.problems)")
        #expect(outcome.written == ["Content/results/asker-2019.csv"])
        let written = try String(contentsOfFile: site.root + "/Content/results/asker-2019.csv", encoding: .utf8)
        #expect(written == Self.templateCSV)
        // What was mapped: the header row, the columns, the skipped rows and why.
        #expect(outcome.report.contains("sheet \"KPI data\": template layout, header in row 3"))
        #expect(
            outcome.report.contains {
                $0.contains("D \"Calculated result\" → value") && $0.contains("H \"Data quality\" → quality")
            })
        #expect(
            outcome.report.contains("  rows skipped: 1, headings (a dimension or category, not a KPI) (first: row 4)"))
        #expect(
            outcome.report.contains("  rows skipped: 1, KPI rows whose values are given by data point (first: row 7)"))
        #expect(outcome.report.contains { $0.hasPrefix("sheet \"Score categories\": skipped") })
        // The hidden row is imported, with a warning at it.
        #expect(
            outcome.problems.map(\.description).contains {
                $0.hasSuffix(
                    "\(fixture):KPI data!A13: warning: 1 hidden row is imported like any other (this is the first); delete the rows in the spreadsheet if they should not be published"
                )
            })
        let output = site.root + "/public"
        #expect(site.build(output: output) == [])
        #expect(
            site.read("data/results.csv", in: output)?.contains(
                "asker,EC: ICT: ICT: 4C,3G,2019,96.67,%,\"Nkom, mobile coverage 2019\",,higher-level,yes,") == true)
    }

    @Test(arguments: ["mistakes.xlsx", "mistakes.ods"])
    func mistakesAreReportedAtTheirCellsWithTheValidatorsWords(fixture: String) throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        let outcome = Self.run(fixture, site: site, city: "asker", year: 2019)
        let lines = outcome.problems.map { String($0.description.dropFirst(Self.fixtures.path.count + 1)) }
        #expect(outcome.hasErrors)
        #expect(outcome.written.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Content/results/asker-2019.csv"))
        #expect(lines.count == 5, "\(lines)")
        #expect(
            lines.first
                == "\(fixture):KPI data!A2: error: unknown KPI \"EC: ICT: ICT: 1X\" in column \"KPI code\"; did you mean \"EC: ICT: ICT: 1C\"? [unknown-kpi]"
        )
        #expect(
            lines.dropFirst().first?.hasPrefix(
                "\(fixture):KPI data!D3: error: the cell shows the error \"#DIV/0!\" instead of a value") == true)
        #expect(
            lines.dropFirst(2).first?.hasPrefix(
                "\(fixture):KPI data!C4: error: unknown data point \"5G\" for EC: ICT: ICT: 4C") == true)
        #expect(lines.dropFirst(3).first?.hasPrefix("\(fixture):KPI data!D5: error: 140 is not a possible") == true)
        #expect(
            lines.dropFirst(4).first?.hasPrefix(
                "\(fixture):KPI data!H6: error: \"Guesswork\" is not one of the six U4SSC data-quality choices") == true
        )
    }

    @Test func aFormulaWithoutAStoredResultSaysToOpenAndSaveTheFile() throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        let outcome = Self.run("nocache.xlsx", site: site, city: "asker", year: 2019)
        let problem = try #require(outcome.problems.first { $0.severity == .error })
        #expect(problem.location.hasSuffix("nocache.xlsx:KPI data!D2"))
        #expect(problem.message.contains("=90+7"))
        #expect(problem.suggestion?.contains("open and save the file in a spreadsheet program") == true)
        #expect(outcome.written.isEmpty)
    }

    @Test func aWideSheetWithDateAndPercentCellsMakesOneFilePerCityAndYearAndCityStubs() throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        let refused = Self.run("wide.xlsx", site: site)
        #expect(
            refused.problems.map(\.description).contains {
                $0.hasSuffix(
                    "wide.xlsx:Wide!A3: error: unknown city \"baerum\" in column \"City\": there is no Content/cities/baerum.md; add Content/cities/baerum.md for it, or import with --create-cities [unknown-city]"
                )
            })
        let outcome = Self.run("wide.xlsx", site: site, createCities: true)
        #expect(!outcome.hasErrors, "\(outcome.problems)")
        #expect(
            outcome.written == [
                "Content/results/asker-2017.csv", "Content/results/asker-2018.csv", "Content/results/asker-2019.csv",
                "Content/results/baerum-2017.csv", "Content/results/baerum-2019.csv", "Content/cities/baerum.md",
            ])
        // 0.9 formatted as 0.0 % is 90; the header 2019-12-31 (a date) is the year 2019.
        #expect(
            site.read("Content/results/asker-2017.csv", in: site.root)
                == "city,kpi,datapoint,year,value,unit,source,note,quality,verified\nasker,EC: ICT: ICT: 1C,,2017,90,%,,,,\n"
        )
        #expect(site.read("Content/results/asker-2019.csv", in: site.root)?.contains(",2019,95,%") == true)
        #expect(site.read("Content/cities/baerum.md", in: site.root)?.hasPrefix("---\nname: \"Bærum\"\n---\n") == true)
        #expect(site.build(output: site.root + "/public") == [])
    }

    @Test func aTidySheetReadsDatesAsYearsAndBooleansAsYesNo() throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        let outcome = Self.run("tidy.xlsx", site: site)
        #expect(!outcome.hasErrors, "\(outcome.problems)")
        #expect(
            site.read("Content/results/asker-2018.csv", in: site.root) == """
                city,kpi,datapoint,year,value,unit,source,note,quality,verified,x-comment
                asker,EC: ICT: ICT: 1C,,2018,88.5,%,,,measured,yes,from a sheet
                asker,EC: ICT: ICT: 2C,,2018,71,%,,,survey,no,

                """)
    }

    @Test func nothingIsOverwrittenWithoutForce() throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        try site.write("Content/results/asker-2019.csv", bytes: Array("city,kpi,year,value\n".utf8))
        let refused = Self.run("template.xlsx", site: site, city: "asker", year: 2019)
        #expect(
            refused.problems.filter { $0.severity == .error }.map(\.message) == [
                "Content/results/asker-2019.csv exists already; nothing was written"
            ])
        #expect(site.read("Content/results/asker-2019.csv", in: site.root) == "city,kpi,year,value\n")
        let forced = Self.run("template.xlsx", site: site, city: "asker", year: 2019, force: true)
        #expect(!forced.hasErrors)
        #expect(site.read("Content/results/asker-2019.csv", in: site.root) == Self.templateCSV)
    }

    @Test func anExcelStyleCSVWithSemicolonsAndDecimalCommasImportsWithOneNote() throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        let csv =
            "KPI code;Data point;Result;Unit;Verified\nEC: ICT: ICT: 1C;;97,5;%;YES\nEC: ICT: ICT: 4C;3G;\"96,67\";%;NO\nEC: ICT: ICT: 9C;;1;%;NO\n"
        try site.write("asker.csv", bytes: Array(csv.utf8))
        let bad = Self.run("", site: site, city: "asker", year: 2019, file: site.root + "/asker.csv")
        let lines = bad.problems.map { $0.description.replacingOccurrences(of: site.root + "/", with: "") }
        #expect(lines.filter { $0.contains("decimal comma") }.count == 1)
        #expect(
            lines.contains { $0.hasPrefix("asker.csv:4:1: error: unknown KPI \"EC: ICT: ICT: 9C\" in column \"kpi\"") })
        try site.write("asker.csv", bytes: Array(csv.split(separator: "\n").dropLast().joined(separator: "\n").utf8))
        let good = Self.run("", site: site, city: "asker", year: 2019, file: site.root + "/asker.csv")
        #expect(!good.hasErrors, "\(good.problems)")
        #expect(
            site.read("Content/results/asker-2019.csv", in: site.root) == """
                city,kpi,datapoint,year,value,unit,source,note,quality,verified
                asker,EC: ICT: ICT: 1C,,2019,97.5,%,,,,yes
                asker,EC: ICT: ICT: 4C,3G,2019,96.67,%,,,,no

                """)
    }

    @Test func notAWorkbookIsOneErrorForTheFile() throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        try site.write("fake.xlsx", bytes: Array("city,kpi\n".utf8))
        let outcome = Self.run("", site: site, file: site.root + "/fake.xlsx")
        #expect(
            outcome.problems.map(\.message) == ["the file is not a spreadsheet workbook (it is not a ZIP container)"])
        #expect(WorkbookFuzz.read(workbook: Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) == nil)
    }

    @Test func sheetXMLReadsSharedInlineNumberPercentDateBooleanErrorAndMergedCells() throws {
        let xml = """
            <worksheet><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>in</t></is></c></row>
            <row r="3" hidden="1"><c r="A3"><v>12.5</v></c><c r="B3" s="1"><v>0.97</v></c><c r="C3" s="2"><v>43830</v></c>
            <c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3"><f>1+1</f></c>
            <c r="G3" t="str"><f>"a"</f><v>a</v></c><c r="H3" s="3"><v>0.5</v></c></row>
            <row r="4"><c r="B4"><v>1</v></c></row>
            </sheetData><mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells></worksheet>
            """
        let data = try #require(WorkbookFuzz.workbook(sheetXML: Data(xml.utf8)))
        nonisolated(unsafe) var events: [SheetEvent] = []
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        try XLSXReader(url: url).read {
            events.append($0)
            return .next
        }
        #expect(events.count == 4)
        #expect(events.first == .sheet("S"))
        #expect(
            events.dropFirst().first
                == .row(
                    SheetRow(
                        number: 1,
                        cells: [
                            SheetCell(column: 1, value: .text("KPI")), SheetCell(column: 2, value: .text("Value")),
                            SheetCell(column: 3, value: .text("in")),
                        ])))
        #expect(
            events.dropFirst(2).first
                == .row(
                    SheetRow(
                        number: 3,
                        cells: [
                            SheetCell(column: 1, value: .number(12.5, percent: false)),
                            SheetCell(column: 2, value: .number(0.97, percent: true)),
                            SheetCell(column: 3, value: .date(year: 2019, month: 12, day: 31)),
                            SheetCell(column: 4, value: .bool(true)),
                            SheetCell(column: 5, value: .error("#DIV/0!")),
                            SheetCell(column: 6, value: .formulaWithoutValue("1+1")),
                            SheetCell(column: 7, value: .text("a")),
                            SheetCell(column: 8, value: .number(0.5, percent: true)),
                        ], hidden: true)))
        // A4 is merged with A3: it shows A3's value.
        #expect(
            events.dropFirst(3).first
                == .row(
                    SheetRow(
                        number: 4,
                        cells: [
                            SheetCell(column: 1, value: .number(12.5, percent: false)),
                            SheetCell(column: 2, value: .number(1, percent: false)),
                        ])))
        #expect(WorkbookFuzz.read(workbook: data) == 3)
    }

    @Test func numbersAreWrittenAsASpreadsheetShowsThem() {
        #expect(CellText.number(0.97 * 100) == "97")
        #expect(CellText.number(0.1 + 0.2) == "0.3")
        #expect(CellText.number(84.51) == "84.51")
        #expect(CellText.number(-2.5) == "-2.5")
        #expect(CellText.number(1.5e-7) == "0.00000015")
        #expect(CellText.number(1e20) == "100000000000000000000")
        #expect(CellText.date(serial: 43830, date1904: false)! == (2019, 12, 31))
        #expect(CellText.date(serial: 0, date1904: true)! == (1904, 1, 1))
    }

    @Test func headersAreMatchedByNameIgnoringCaseSpacesAndAccents() {
        #expect(HeaderMap.key(" Data  Quality ") == "dataquality")
        #expect(HeaderMap.field(HeaderMap.key("Vérifié / Verified")) == .verified)
        #expect(QualityWording.level("Extrapolated based on survey of inhabitants") == "survey")
        #expect(QualityWording.level("Unknown methodology, not traceable") == "unknown")
        #expect(QualityWording.level("Based on accurate measurements") == "measured")
        #expect(QualityWording.level("Personal estimation") == "personal-estimate")
        #expect(XLSXStyles.kind(of: "0.0%") == .percent)
        #expect(XLSXStyles.kind(of: "dd.mm.yyyy") == .date)
        #expect(XLSXStyles.kind(of: "0\" %\"") == .plain)
        #expect(XLSXStyles.kind(of: "[Red]0.00") == .plain)
    }

    /// Inputs the fuzz target (Fuzz/Sources/FuzzXLSX) found.
    @Test func brokenSheetXMLIsRefusedWithAMessage() throws {
        let crash = try #require(
            Data(
                base64Encoded:
                    "PHdvcmtzaGVldD48c2hlZXREYXRhPjxyb3cgcj0iMSI+PGMgcj0iQTEiIHQ9InMiPjx2PjA8L3Y+PC9jPjxjINVyPSJCMSIgdD0icyI+PHY+MTwvdj48L2M+PC9yb3c+PHJvdyByPSIyIj48YyByPSJBMiIgdD0iaW5saW5lUzxmPjErMTwvZj48L2M+PGMgdD0iYiI+PHY+MTwvdj48L2M+PC9yb3c+PC9zaGVldERhdGE+PG1lcmdlQ2VsbHM+PG1lcmdlQ2VsbCByZWY9IkEyOkE1Ii8+PC9tZXJnZUNlbGxzPjwvd29ya3NoZWV0Pg=="
            ))
        let workbook = try #require(WorkbookFuzz.workbook(sheetXML: crash))
        #expect(WorkbookFuzz.read(workbook: workbook) == nil)
    }

    @Test func withoutCityAndYearColumnsOrOptionsEachIsSaidOncePerSheet() throws {
        let site = try Self.demoCopy()
        defer { site.remove() }
        let outcome = Self.run("template.xlsx", site: site)
        let errors = outcome.problems.filter { $0.severity == .error }
        #expect(
            errors.map(\.message) == [
                "this sheet has no city column, so it is not clear which city the values are for",
                "this sheet has no year column, so it is not clear which year the values are for",
            ])
        #expect(errors.map(\.location).allSatisfy { $0.hasSuffix("template.xlsx:KPI data!A5") })
        #expect(outcome.written.isEmpty)
    }
}
