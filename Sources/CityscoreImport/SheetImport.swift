import CityscoreDiagnostics
import CityscoreModel
import CityscoreText
import Foundation

/// One row of the results CSV being made, each cell with the place it came from.
struct TidyRow: Sendable {
    var cells: [String: (text: String, place: ImportProblem.Place)] = [:]
    /// The row's own place (its KPI code cell), for problems of the whole row.
    var place: ImportProblem.Place
    var cityName: String?
    var country: String?

    func text(_ column: String) -> String { cells[column]?.text ?? "" }
}

/// What the import knows of the framework: codes and their data points.
struct KnownKPIs: Sendable {
    var datapoints: [String: [String]] = [:]

    init(_ table: CSVTableLike) {
        for (code, points) in table { datapoints[code] = points }
    }

    func isHeading(_ code: String) -> Bool {
        datapoints[code] == nil && datapoints.keys.contains { $0.hasPrefix(code + ":") }
    }
}

typealias CSVTableLike = [(String, [String])]

/// Turns the rows of one sheet into tidy rows: finds the header row, then maps each row by it.
struct SheetImport {
    var file: String
    var sheet: String
    var sheetIndex: Int
    /// Sheets have cells (`Sheet!B3`); a CSV file has lines and columns.
    var isText: Bool
    var forced: Layout?
    var city: String?
    var year: Int?
    var kpis: KnownKPIs
    var citySlugs: Set<String>
    var decimalComma = false

    var header: HeaderMap?
    var scanned = 0
    var rowsRead = 0
    var rows: [TidyRow] = []
    var problems: [ImportProblem] = []
    var skipped: [String: (count: Int, first: Int)] = [:]
    var hidden: (count: Int, first: Int) = (0, 0)
    var lastCode = ""
    /// The city or year column is missing and there is no option for it: said once per sheet.
    var missing = Set<String>()

    /// How many rows from the top may come before the header row.
    static let headerSearchRows = 30

    /// CSV input: where each field of the current row starts (its 1-based character column).
    var columnStarts: [Int] = []

    func place(_ row: Int, _ column: Int) -> ImportProblem.Place {
        guard isText else { return .cell(sheet: sheet, row: row, column: column) }
        return .text(line: row, column: column >= 1 && column <= columnStarts.count ? columnStarts[column - 1] : column)
    }

    mutating func problem(
        _ severity: Diagnostic.Severity, _ place: ImportProblem.Place, _ message: String, suggestion: String? = nil
    ) {
        var p = ImportProblem(severity, file: file, at: place, message, suggestion: suggestion)
        p.sheetIndex = sheetIndex
        problems.append(p)
    }

    mutating func skip(_ reason: String, row: Int) {
        let current = skipped[reason] ?? (0, row)
        skipped[reason] = (current.count + 1, current.first)
    }

    /// Reads one row of the sheet.
    mutating func add(_ row: SheetRow) {
        guard let header else {
            scanned += 1
            if scanned <= Self.headerSearchRows, let map = HeaderMap.detect(row, forced: forced) { header = map }
            return
        }
        rowsRead += 1
        let cityFromSheet = city ?? (citySlugs.contains(Slug.make(sheet)) ? Slug.make(sheet) : nil)
        var base = TidyRow(place: place(row.number, header.columns[.kpi] ?? 1))
        var ok = true
        func cell(_ field: Field) -> (text: String, place: ImportProblem.Place)? {
            guard let column = header.columns[field], let value = row.value(column) else { return nil }
            guard let text = text(value, field: field, at: place(row.number, column)) else {
                ok = false
                return nil
            }
            return (text, place(row.number, column))
        }
        var code = cell(.kpi)
        let datapoint = cell(.datapoint)
        if code == nil || code?.text.isEmpty == true {
            // Data point rows under their KPI often leave the code empty.
            if datapoint != nil && !lastCode.isEmpty, let column = header.columns[.kpi] {
                code = (lastCode, place(row.number, column))
            } else {
                skip("no KPI code", row: row.number)
                return
            }
        }
        guard let code else { return }
        lastCode = code.text
        if kpis.isHeading(code.text) {
            skip("headings (a dimension or category, not a KPI)", row: row.number)
            return
        }
        base.cells["kpi"] = code
        if let datapoint { base.cells["datapoint"] = datapoint }
        // City.
        if let given = cell(.city) {
            let slug = Slug.isValid(given.text) ? given.text : Slug.make(given.text)
            base.cells["city"] = (slug, given.place)
            if slug != given.text { base.cityName = given.text }
        } else if let cityFromSheet {
            base.cells["city"] = (cityFromSheet, base.place)
        } else if header.columns[.city] != nil {
            base.cells["city"] = ("", place(row.number, header.columns[.city] ?? 1))
        } else {
            if !missing.contains("city") {
                missing.insert("city")
                problem(
                    .error, base.place,
                    "this sheet has no city column, so it is not clear which city the values are for",
                    suggestion: "pass --city SLUG, or add a column \"city\"")
            }
            ok = false
        }
        if let name = cell(.cityName)?.text { base.cityName = name }
        if let country = cell(.country)?.text { base.country = country }
        for (field, column) in [(Field.unit, "unit"), (.source, "source"), (.note, "note"), (.benchmark, "benchmark")] {
            if let value = cell(field) { base.cells[column] = value }
        }
        if let origin = cell(.origin) { base.cells["x-origin"] = origin }
        for (name, column) in header.extras {
            if let value = row.value(column), let text = text(value, field: .note, at: place(row.number, column)) {
                base.cells[name] = (text, place(row.number, column))
            }
        }
        if let quality = cell(.quality) {
            if header.layout == .template, let level = QualityWording.level(quality.text) {
                base.cells["quality"] = (level, quality.place)
            } else if header.layout == .template {
                problem(
                    .error, quality.place,
                    "\(quality.text.quotedForMessage()) is not one of the six U4SSC data-quality choices",
                    suggestion:
                        "choose one of: based on accurate measurements; extrapolated based on survey of inhabitants; extrapolated based on higher-level data; estimation based on certain assumptions; personal estimation; unknown methodology, not traceable"
                )
                ok = false
            } else {
                base.cells["quality"] = quality
            }
        }
        if let verified = cell(.verified) {
            let word = verified.text.lowercased()
            base.cells["verified"] = (
                ["yes", "true", "y"].contains(word)
                    ? "yes" : ["no", "false", "n"].contains(word) ? "no" : verified.text, verified.place
            )
        }
        if row.hidden {
            if hidden.count == 0 { hidden.first = row.number }
            hidden.count += 1
        }
        let notReported: Bool
        if let reported = cell(.reported) {
            notReported = ["no", "false", "n"].contains(reported.text.lowercased())
        } else {
            notReported = false
        }
        // Year and value.
        if header.layout == .wide {
            var any = false
            for (column, year) in header.years {
                guard let value = row.value(column) else { continue }
                let at = place(row.number, column)
                guard var text = text(value, field: .value, at: at) else { continue }
                if notReported { text = "NR" }
                var tidy = base
                tidy.cells["year"] = (String(year), at)
                tidy.cells["value"] = (text, at)
                if ok { rows.append(tidy) }
                any = true
            }
            if !any { skip("no value in any year column", row: row.number) }
            return
        }
        if let given = cell(.year) {
            base.cells["year"] = given
        } else if let year {
            base.cells["year"] = (String(year), base.place)
        } else if header.columns[.year] != nil {
            base.cells["year"] = ("", place(row.number, header.columns[.year] ?? 1))
        } else {
            if !missing.contains("year") {
                missing.insert("year")
                problem(
                    .error, base.place,
                    "this sheet has no year column, so it is not clear which year the values are for",
                    suggestion: "pass --year YEAR, or add a column \"year\"")
            }
            ok = false
        }
        let valueColumn = header.columns[.value] ?? 1
        var value = cell(.value) ?? ("", place(row.number, valueColumn))
        if header.layout == .template {
            if notReported && !value.text.isEmpty && value.text.uppercased() != "NR" {
                problem(
                    .warning, value.place,
                    "the value \(value.text.quotedForMessage()) is marked as not reported (reported: NO); it is imported as NR",
                    suggestion: "set reported to YES to publish the value")
            }
            if value.text.isEmpty || notReported { value.text = "NR" }
            // A KPI measured by data point has its values on the data point rows.
            if datapoint == nil, !(kpis.datapoints[code.text] ?? []).isEmpty, value.text.uppercased() == "NR" {
                skip("KPI rows whose values are given by data point", row: row.number)
                return
            }
        }
        base.cells["value"] = value
        if ok { rows.append(base) }
    }

    /// A cell as text for the results CSV; nil (and an error at the cell) for error values and
    /// formulas without a saved result.
    mutating func text(_ value: CellValue, field: Field, at place: ImportProblem.Place) -> String? {
        switch value {
        case .text(let text):
            let trimmed = text.trimmingSpaces
            if decimalComma && (field == .value || field == .year), Self.isDecimalComma(trimmed) {
                return trimmed.replacingOccurrences(of: ",", with: ".")
            }
            return trimmed
        case .number(let number, let percent):
            return CellText.number(percent ? number * 100 : number)
        case .date(let year, let month, let day):
            if field == .year { return String(year) }
            return String(format: "%04d-%02d-%02d", year, month, day)
        case .bool(let flag):
            return flag ? "yes" : "no"
        case .error(let code):
            problem(
                .error, place, "the cell shows the error \(code.quotedForMessage()) instead of a value",
                suggestion: "fix the formula in the spreadsheet, or type the value (NR if it is not reported)")
            return nil
        case .formulaWithoutValue(let formula):
            problem(
                .error, place,
                "the formula =\(formula.prefix(60)) has no saved result in the file, so its value is unknown",
                suggestion:
                    "open and save the file in a spreadsheet program (Excel or LibreOffice Calc), which stores the results, then import it again"
            )
            return nil
        }
    }

    /// `12,5` or `-0,75`: digits, one comma, digits.
    static func isDecimalComma(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The lines of the report for this sheet.
    func report() -> [String] {
        guard let header else {
            return [
                "\(isText ? file : "sheet \(sheet.quotedForReport)"): skipped, no header row found in its first \(Self.headerSearchRows) rows (looked for a KPI code column and a result or value column, or year columns)"
            ]
        }
        var lines = [
            "\(isText ? file : "sheet \(sheet.quotedForReport)"): \(header.layout.rawValue) layout, header in row \(header.row)",
            "  columns: \(header.described)",
            "  rows read: \(rowsRead), results: \(rows.count)",
        ]
        for (reason, entry) in skipped.sorted(by: { $0.value.first < $1.value.first }) {
            lines.append("  rows skipped: \(entry.count), \(reason) (first: row \(entry.first))")
        }
        return lines
    }
}
