import CityscoreDiagnostics
import CityscoreReading
import CityscoreText
import Foundation

/// Where each field of a written results file came from, so that the validator's problems with
/// the file point back at the spreadsheet's cells.
struct PositionMap: Sendable {
    /// For each line a record starts on: the row's own place and each field's start column and place.
    var lines: [Int: (row: ImportProblem.Place, fields: [(column: Int, place: ImportProblem.Place)])] = [:]

    /// The place of `line:column` of the written file (the header row is the file itself).
    func place(line: Int, column: Int) -> ImportProblem.Place {
        guard let entry = lines[line] else { return .file }
        return entry.fields.last { $0.column <= column }?.place ?? entry.row
    }

    func problem(_ diagnostic: Diagnostic, file: String, sheets: [SheetImport]) -> ImportProblem {
        let place = place(line: diagnostic.location.line, column: diagnostic.location.column)
        var problem = ImportProblem(
            diagnostic.severity, file: file, at: place, diagnostic.message, suggestion: diagnostic.suggestion,
            code: diagnostic.code)
        if case .cell(let sheet, _, _) = place {
            problem.sheetIndex = sheets.firstIndex { $0.sheet == sheet } ?? 0
        }
        return problem
    }

    /// `… is already given at Content/results/asker-2020.csv:3` → `… at data/asker.xlsx:KPI data!B5`.
    static func rewriteReferences(
        _ message: String, maps: [String: PositionMap], file: String, sheets: [SheetImport]
    ) -> String {
        var message = message
        for (path, map) in maps {
            while let range = message.range(of: path + ":") {
                let digits = message[range.upperBound...].prefix { $0.isNumber }
                guard let line = Int(digits) else { break }
                var p = ImportProblem(.error, file: file, at: map.place(line: line, column: 1), "")
                if case .cell = p.place {} else { p.place = .text(line: line, column: 1) }
                message.replaceSubrange(
                    range.lowerBound..<message.index(range.upperBound, offsetBy: digits.count), with: p.location)
            }
        }
        return message
    }
}

/// The text of a results CSV file made from tidy rows.
enum ResultsText {
    static func make(_ rows: [TidyRow], columns: [String], map: inout PositionMap) -> String {
        var text = columns.map(quoted).joined(separator: ",") + "\n"
        var line = 2
        for row in rows {
            var fields: [(column: Int, place: ImportProblem.Place)] = []
            var column = 1
            var parts: [String] = []
            for name in columns {
                let cell = row.cells[name]
                let written = quoted(cell?.text ?? "")
                fields.append((column, cell?.place ?? row.place))
                column += written.unicodeScalars.count + 1
                parts.append(written)
            }
            map.lines[line] = (row.place, fields)
            let record = parts.joined(separator: ",")
            text += record + "\n"
            line += 1 + record.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
        return text
    }

    /// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A city page stub for `--create-cities`: front matter with the name and country, and a line to
/// replace with the city's narrative.
enum CityStub {
    static func text(slug: String, name: String?, country: String?) -> String {
        let shown =
            name.map(\.trimmingSpaces).flatMap { $0.isEmpty ? nil : $0 }
            ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        var text = "---\nname: \(yaml(shown))\n"
        if let country = country?.trimmingSpaces, !country.isEmpty {
            text += "country: \(yaml(country))\n"
        }
        text += "---\n\nThe results of \(shown) were imported from a spreadsheet. Write about the city here.\n"
        return text
    }

    /// A YAML double-quoted string.
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A CSV file as one sheet: comma-separated, or Excel-style with semicolons (then a decimal
/// comma in a value or year cell is read as a decimal point, and a note says so once).
enum CSVSheet {
    static func read(_ bytes: [UInt8], into sheet: SheetImport) throws(WorkbookError) -> SheetImport {
        var sheet = sheet
        let semicolons = separatorCounts(bytes)
        sheet.decimalComma = semicolons
        let (table, problems) = CSVReader(path: sheet.file, separator: UInt8(ascii: semicolons ? ";" : ",")).read(bytes)
        for problem in problems {
            sheet.problem(
                problem.severity, .text(line: problem.location.line, column: problem.location.column), problem.message,
                suggestion: problem.suggestion)
        }
        guard let table else { return sheet }
        func row(_ fields: [CSVTable.Field], line: Int) -> SheetRow {
            sheet.columnStarts = fields.map { Int($0.column) }
            var cells: [SheetCell] = []
            for (i, field) in fields.enumerated() where !field.text.trimmingSpaces.isEmpty {
                cells.append(SheetCell(column: i + 1, value: .text(field.text)))
            }
            return SheetRow(number: line, cells: cells)
        }
        sheet.add(row(table.header, line: Int(table.header.first?.line ?? 1)))
        for record in table.records {
            let r = row(record.fields, line: record.location.line)
            if !r.cells.isEmpty { sheet.add(r) }
        }
        return sheet
    }

    /// Whether the header row is separated by semicolons (more of them than commas, outside quotes).
    static func separatorCounts(_ bytes: [UInt8]) -> Bool {
        var semicolons = 0
        var commas = 0
        var inQuotes = false
        for byte in bytes.prefix(65_536) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
            if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return semicolons > commas
    }
}
