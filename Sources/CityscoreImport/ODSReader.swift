import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the sheets of an `.ods` workbook (OpenDocument) row by row, from its `content.xml`.
///
/// Repeated rows and cells (`table:number-rows-repeated`, `table:number-columns-repeated`) are
/// expanded only while they hold something and only up to a bound, so the million empty rows a
/// sheet declares cost nothing.
public struct ODSReader {
    let zip: ZipXML

    public init(url: URL) throws(WorkbookError) { zip = try ZipXML(url: url) }

    /// Streams every sheet (or only `sheet`, by name) to `body`; `body` returns false to stop.
    public func read(sheet only: String? = nil, _ body: @escaping (SheetEvent) -> ReadOn) throws(WorkbookError) {
        let content = Content(only: only, body: body)
        guard try zip.parse("content.xml", with: content) else {
            throw WorkbookError(
                zip.has("xl/workbook.xml")
                    ? "the file is an Excel workbook (.xlsx) named .ods" : "the file is not an .ods spreadsheet",
                suggestion: "save it from the spreadsheet program as .ods")
        }
    }
}

private final class Content: NSObject, XMLParserDelegate, StoppableDelegate {
    var aborted = false
    let only: String?
    let body: (SheetEvent) -> ReadOn
    private var inSheet = false
    private var skipping = false
    private var rowNumber = 0
    private var row = SheetRow(number: 0, cells: [])
    private var rowRepeat = 1
    private var column = 0
    private var merges = MergeFill()
    // The cell being read.
    private var cellRepeat = 1
    private var cellValue: CellValue?
    private var cellText = ""
    private var paragraphs = 0
    private var textDepth = 0
    private var formula: String?
    private var valueType: String?
    private var covered = false

    /// The most times one row or cell is repeated while it holds something.
    static let repeatLimit = 1_000
    /// The most columns and rows read.
    static let columnLimit = 16_384
    static let rowLimit = 1_048_576

    init(only: String?, body: @escaping (SheetEvent) -> ReadOn) {
        self.only = only
        self.body = body
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch elementName {
        case "table:table":
            let name = attributes["table:name"] ?? "Sheet"
            inSheet = true
            skipping = only != nil && only != name
            rowNumber = 0
            merges = MergeFill()
            if !skipping { handle(body(.sheet(name)), parser) }
        case "table:table-row" where inSheet && !skipping:
            rowRepeat = repeatCount(attributes["table:number-rows-repeated"])
            let visibility = attributes["table:visibility"]
            row = SheetRow(
                number: rowNumber + 1, cells: [], hidden: visibility == "collapse" || visibility == "filter")
            column = 0
        case "table:table-cell", "table:covered-table-cell":
            guard inSheet && !skipping else { return }
            covered = elementName == "table:covered-table-cell"
            cellRepeat = repeatCount(attributes["table:number-columns-repeated"])
            valueType = attributes["office:value-type"] ?? attributes["calcext:value-type"]
            formula = attributes["table:formula"]
            cellText = ""
            paragraphs = 0
            cellValue = nil
            switch attributes["office:value-type"] {
            case "float", "currency":
                cellValue = attributes["office:value"].flatMap(Double.init).map { .number($0, percent: false) }
            case "percentage":
                cellValue = attributes["office:value"].flatMap(Double.init).map { .number($0, percent: true) }
            case "boolean":
                cellValue = attributes["office:boolean-value"].map { .bool($0 == "true") }
            case "date":
                let parts = (attributes["office:date-value"] ?? "").prefix(10).split(separator: "-").compactMap {
                    Int($0)
                }
                if parts.count == 3 { cellValue = .date(year: parts[0], month: parts[1], day: parts[2]) }
            default: break
            }
            if attributes["calcext:value-type"] == "error" {
                cellValue = nil
                valueType = "error"
            }
            let rows = Int(attributes["table:number-rows-spanned"] ?? "") ?? 1
            let columns = Int(attributes["table:number-columns-spanned"] ?? "") ?? 1
            if rows > 1 || columns > 1, !covered {
                merges.add(
                    top: row.number, left: column + 1, bottom: row.number + min(rows, Self.rowLimit) - 1,
                    right: column + min(columns, Self.columnLimit))
            }
        case "text:p", "text:h":
            guard inSheet && !skipping else { return }
            if paragraphs > 0 { cellText += "\n" }
            paragraphs += 1
            textDepth += 1
        case "text:s":
            guard inSheet && !skipping, textDepth > 0 else { return }
            cellText += String(repeating: " ", count: min(repeatCount(attributes["text:c"]), 100))
        case "text:tab" where textDepth > 0: cellText += "\t"
        case "text:line-break" where textDepth > 0: cellText += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if textDepth > 0 && cellText.utf8.count < 1_000_000 { cellText += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch elementName {
        case "text:p", "text:h": textDepth = max(0, textDepth - 1)
        case "table:table-cell", "table:covered-table-cell":
            guard inSheet && !skipping else { return }
            var value = cellValue
            if valueType == "error" {
                value = .error(cellText.isEmpty ? "#VALUE!" : cellText)
            } else if value == nil {
                if let formula, valueType == nil, cellText.isEmpty {
                    value = .formulaWithoutValue(formula)
                } else if !cellText.isEmpty {
                    value = formula != nil && Self.isErrorText(cellText) ? .error(cellText) : .text(cellText)
                }
            }
            if let value {
                for _ in 0..<min(cellRepeat, Self.repeatLimit) {
                    column += 1
                    guard column <= Self.columnLimit else { break }
                    row.cells.append(SheetCell(column: column, value: value))
                }
                column += max(0, cellRepeat - Self.repeatLimit)
            } else {
                column += cellRepeat
            }
        case "table:table-row":
            guard inSheet && !skipping else { return }
            let holdsSomething = !row.cells.isEmpty
            let times = holdsSomething ? min(rowRepeat, Self.repeatLimit) : 0
            for i in 0..<times {
                var copy = row
                copy.number = rowNumber + 1 + i
                guard copy.number <= Self.rowLimit else { break }
                if !merges.isEmpty { copy = merges.fill(copy) }
                handle(body(.row(copy)), parser)
                if skipping { break }
            }
            if !holdsSomething && !merges.isEmpty {
                // An empty row inside a merged range still shows the merged value.
                var copy = row
                copy.number = rowNumber + 1
                copy = merges.fill(copy)
                if !copy.cells.isEmpty { handle(body(.row(copy)), parser) }
            }
            rowNumber += rowRepeat
        case "table:table":
            inSheet = false
            skipping = false
        default: break
        }
    }

    private func handle(_ next: ReadOn, _ parser: XMLParser) {
        switch next {
        case .next: break
        case .skipSheet: skipping = true
        case .stop:
            skipping = true
            aborted = true
            parser.abortParsing()
        }
    }

    private func repeatCount(_ text: String?) -> Int {
        guard let text, let n = Int(text), n > 0 else { return 1 }
        return min(n, Self.rowLimit)
    }

    static func isErrorText(_ text: String) -> Bool {
        ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "Err:502", "Err:504", "Err:508"]
            .contains(text) || text.hasPrefix("Err:")
    }
}
