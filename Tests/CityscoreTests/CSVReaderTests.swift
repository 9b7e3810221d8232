import CityscoreDiagnostics
import Testing

@testable import CityscoreReading

@Suite("CSV reader")
struct CSVReaderTests {
    func read(_ text: String) -> (CSVTable?, [String]) {
        let (table, problems) = CSVReader(path: "r.csv").read(Array(text.utf8))
        return (table, problems.map(\.description))
    }

    @Test func headerRecordsAndPositions() throws {
        let (table, problems) = read("city,kpi\nkarmoy,EC\nasker,SC\n")
        #expect(problems.isEmpty)
        let t = try #require(table)
        #expect(t.header.map(\.text) == ["city", "kpi"])
        #expect(t.records.count == 2)
        #expect(t.records[1].fields[1].text == "SC")
        #expect(t.records[1].fields[1].line == 3)
        #expect(t.records[1].fields[1].column == 7)
        #expect(t.records[1].fields[1].location(in: "r.csv") == SourceLocation(path: "r.csv", line: 3, column: 7))
    }

    @Test func bomIsSkippedAndCRLFAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("city,kpi\r\nkarmoy,EC\r\n".utf8)
        let (table, problems) = CSVReader(path: "r.csv").read(bytes)
        #expect(problems.isEmpty)
        let t = try #require(table)
        #expect(t.header.first?.text == "city")
        #expect(t.records.first?.fields.last?.text == "EC")
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let (table, problems) = read("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\nlast,\n")
        #expect(problems.isEmpty)
        let t = try #require(table)
        #expect(t.records[0].fields.map(\.text) == ["x, y", "say \"hi\"\nthere"])
        // The trailing empty field is kept.
        #expect(t.records[1].fields.map(\.text) == ["last", ""])
        #expect(t.records[1].location.line == 4)
    }

    @Test func unclosedQuoteIsAnErrorAtItsCell() {
        let (_, problems) = read("a,b\n1,\"open\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("r.csv:2:3: error: a quoted cell is never closed") == true)
    }

    @Test func textAfterClosingQuoteAndStrayQuotes() {
        let (_, problems) = read("a,b\n\"x\"y,1\nab\"c,2\n")
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("r.csv:2:4: error: text after the closing quote"))
        #expect(problems[1].hasPrefix("r.csv:3:3: error: a quote in the middle"))
    }

    @Test func invalidUTF8IsReported() {
        let bytes = Array("a,b\n".utf8) + [0x41, 0xFF, 0x2C, 0x31, 0x0A]
        let (_, problems) = CSVReader(path: "r.csv").read(bytes)
        #expect(problems.map(\.description).contains { $0.hasPrefix("r.csv:2:1: error: this cell is not valid UTF-8") })
    }

    @Test func columnsCountCharactersAcrossQuotesAndLines() throws {
        let (table, problems) = read("a,b,c\nKarmøy 🇳🇴,\"x\ny, ø\",z\rw\nå,\"\",\"q\"\"r\"\n")
        #expect(problems.isEmpty)
        let t = try #require(table)
        #expect(t.records.map { $0.fields.map(\.text) } == [["Karmøy 🇳🇴", "x\ny, ø", "z\rw"], ["å", "", "q\"r"]])
        #expect(t.records[0].fields.map { [$0.line, $0.column] } == [[2, 1], [2, 11], [3, 7]])
        #expect(t.records[1].fields.map { [$0.line, $0.column] } == [[4, 1], [4, 3], [4, 6]])
        let (_, stray) = read("a,b\nxø\"y,\"ab\"cd\n")
        #expect(stray.map { $0.components(separatedBy: ": error: ")[0] } == ["r.csv:2:3", "r.csv:2:10"])
    }

    @Test func fieldTextIsDecodedOrRejectedAsUTF8() {
        #expect(CSVReader.text(of: Array("plain, ASCII".utf8)) == "plain, ASCII")
        #expect(CSVReader.text(of: Array("Karmøy 🇳🇴".utf8)) == "Karmøy 🇳🇴")
        #expect(CSVReader.text(of: []) == "")
        #expect(CSVReader.text(of: [0x41, 0xFF]) == nil)
        #expect(CSVReader.text(of: [0xC3]) == nil)
        #expect(CSVReader.text(of: [0xED, 0xA0, 0x80]) == nil)
    }

    @Test func emptyFileNeedsAHeader() {
        let (table, problems) = read("")
        #expect(table == nil)
        #expect(problems.first?.contains("needs a header row") == true)
    }
}
