import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the sheets of an `.xlsx` workbook (Office Open XML) row by row.
///
/// Cells are read as the file stores them: shared and inline strings, numbers (percent and date
/// formats from `styles.xml`), booleans, error values, and formulas by their cached result.
public struct XLSXReader {
    let zip: ZipXML

    public init(url: URL) throws(WorkbookError) { zip = try ZipXML(url: url) }

    /// Streams every sheet (or only `sheet`, by name) to `body`; `body` returns false to stop.
    public func read(sheet only: String? = nil, _ body: @escaping (SheetEvent) -> ReadOn) throws(WorkbookError) {
        let book = try workbook()
        let shared = SharedStrings()
        try zip.parse("xl/sharedStrings.xml", with: shared)
        let styles = XLSXStyles()
        try zip.parse("xl/styles.xml", with: styles)
        for sheet in book.sheets where only == nil || sheet.name == only {
            switch body(.sheet(sheet.name)) {
            case .stop: return
            case .skipSheet: continue
            case .next: break
            }
            var merges = MergeFill()
            let mergeReader = MergeCells()
            // Merged cells are listed after the rows: a first pass finds them, for sheets that have any.
            if try zip.contains("<mergeCell ", in: sheet.path) {
                try zip.parse(sheet.path, with: mergeReader)
            }
            for reference in mergeReader.references { merges.add(reference: reference[...]) }
            merges.sort()
            let rows = SheetRows(
                shared: shared.strings, styles: styles.kinds(), date1904: book.date1904, merges: merges, body: body)
            guard try zip.parse(sheet.path, with: rows) else {
                throw WorkbookError("the workbook is damaged: the sheet \"\(sheet.name)\" is missing (\(sheet.path))")
            }
            if rows.stopped { return }
        }
    }

    /// The sheet names, in the workbook's order.
    public func sheetNames() throws(WorkbookError) -> [String] { try workbook().sheets.map(\.name) }

    struct Workbook {
        var sheets: [(name: String, path: String)]
        var date1904: Bool
    }

    func workbook() throws(WorkbookError) -> Workbook {
        let list = WorkbookList()
        guard try zip.parse("xl/workbook.xml", with: list) else {
            throw WorkbookError(
                zip.has("content.xml")
                    ? "the file is an OpenDocument spreadsheet (.ods) named .xlsx"
                    : "the file is not an .xlsx workbook",
                suggestion: "save it from the spreadsheet program as .xlsx")
        }
        let relations = Relations()
        try zip.parse("xl/_rels/workbook.xml.rels", with: relations)
        var sheets: [(name: String, path: String)] = []
        for (name, id) in list.sheets {
            guard let target = relations.targets[id] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            sheets.append((name, path))
        }
        return Workbook(sheets: sheets, date1904: list.date1904)
    }
}

// MARK: Parts

/// The local name of an element or attribute (`x:c` → `c`).
private func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return name[...] }
    return name[name.index(after: colon)...]
}

private func attribute(_ attributes: [String: String], _ name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { local($0.key) == name }?.value
}

private final class WorkbookList: NSObject, XMLParserDelegate {
    var sheets: [(name: String, id: String)] = []
    var date1904 = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch local(elementName) {
        case "sheet":
            if let name = attributes["name"], let id = attributes["r:id"] ?? attribute(attributes, "id") {
                sheets.append((name, id))
            }
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            date1904 = value == "1" || value == "true"
        default: break
        }
    }
}

private final class Relations: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if local(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// `sharedStrings.xml`: each `<si>` is one string, the text of its `<t>` elements (rich text runs
/// joined; phonetic hints `<rPh>` left out).
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch local(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch local(elementName) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// `styles.xml`: which cell styles format numbers as percentages or dates.
final class XLSXStyles: NSObject, XMLParserDelegate {
    private var formats: [Int: String] = [:]
    private var cellFormats: [Int] = []
    private var inCellXfs = false

    enum Kind { case plain, percent, date }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch local(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                formats[id] = code
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if local(elementName) == "cellXfs" { inCellXfs = false }
    }

    /// The kind of number format of each cell style, by style index.
    func kinds() -> [Kind] {
        cellFormats.map { id in
            if id == 9 || id == 10 { return .percent }
            if (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id) {
                return .date
            }
            guard let code = formats[id] else { return .plain }
            return Self.kind(of: code)
        }
    }

    /// The kind of a custom format code: `%` outside quotes makes a percentage; day, month or
    /// year letters outside quotes and brackets make a date.
    static func kind(of code: String) -> Kind {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        var date = false
        // Only the first section (positive numbers) counts.
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case ";" where !inQuotes: return date ? .date : .plain
            case "%" where !inQuotes && !inBrackets: return .percent
            case "d", "D", "m", "M", "y", "Y":
                if !inQuotes && !inBrackets { date = true }
            default: break
            }
        }
        return date ? .date : .plain
    }
}

/// `<mergeCells>` of a sheet: the first pass over the sheet, which keeps nothing else (the
/// merges follow the rows in the file, but are needed while the rows are read).
private final class MergeCells: NSObject, XMLParserDelegate {
    var references: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if local(elementName) == "mergeCell", let reference = attributes["ref"], references.count < MergeFill.limit {
            references.append(reference)
        }
    }
}

/// A worksheet's `<sheetData>`, one row at a time.
private final class SheetRows: NSObject, XMLParserDelegate, StoppableDelegate {
    let shared: [String]
    let styles: [XLSXStyles.Kind]
    let date1904: Bool
    var merges: MergeFill
    let body: (SheetEvent) -> ReadOn
    var stopped = false
    var aborted = false

    private var row = SheetRow(number: 0, cells: [])
    private var lastRow = 0
    private var column = 0
    private var type = "n"
    private var style = 0
    private var value = ""
    private var formula: String?
    private var collecting: Collect = .none
    private var inInline = false
    private var inPhonetic = false

    private enum Collect { case none, value, formula, inlineText }

    /// The most columns read in a row (Excel's own limit).
    static let columnLimit = 16_384

    init(
        shared: [String], styles: [XLSXStyles.Kind], date1904: Bool, merges: MergeFill,
        body: @escaping (SheetEvent) -> ReadOn
    ) {
        self.shared = shared
        self.styles = styles
        self.date1904 = date1904
        self.merges = merges
        self.body = body
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch local(elementName) {
        case "row":
            let number = attributes["r"].flatMap { Int($0) } ?? (lastRow + 1)
            let hidden = attributes["hidden"].map { $0 == "1" || $0 == "true" } ?? false
            row = SheetRow(number: max(number, lastRow + 1), cells: [], hidden: hidden)
            column = 0
        case "c":
            let reference = attributes["r"].map { CellAddress.parse($0[...]).column } ?? nil
            column = reference ?? (column + 1)
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            formula = nil
        case "v": collecting = .value
        case "f":
            collecting = .formula
            formula = formula ?? ""
        case "is": inInline = true
        case "rPh": inPhonetic = true
        case "t" where inInline && !inPhonetic: collecting = .inlineText
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch collecting {
        case .value, .inlineText: value += string
        case .formula: formula? += string
        case .none: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch local(elementName) {
        case "v", "f", "t": collecting = .none
        case "is": inInline = false
        case "rPh": inPhonetic = false
        case "c":
            guard column >= 1, column <= Self.columnLimit, let cell = cellValue() else { return }
            if row.cells.last.map({ $0.column < column }) ?? true {
                row.cells.append(SheetCell(column: column, value: cell))
            }
        case "row":
            lastRow = row.number
            let filled = merges.isEmpty ? row : merges.fill(row)
            guard !filled.cells.isEmpty else { return }
            switch body(.row(filled)) {
            case .next: break
            case .skipSheet:
                aborted = true
                parser.abortParsing()
            case .stop:
                stopped = true
                aborted = true
                parser.abortParsing()
            }
        default: break
        }
    }

    private func cellValue() -> CellValue? {
        let hasValue = !value.isEmpty || type == "inlineStr" || type == "str"
        if let formula, !hasValue || (type != "str" && value.isEmpty) {
            return .formulaWithoutValue(formula)
        }
        switch type {
        case "s":
            guard let index = Int(value), shared.indices.contains(index) else { return .error("#REF!") }
            return shared[index].isEmpty ? nil : .text(shared[index])
        case "inlineStr", "str":
            return value.isEmpty ? nil : .text(value)
        case "b": return .bool(value == "1" || value.lowercased() == "true")
        case "e": return .error(value)
        case "d":
            let parts = value.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return .text(value) }
            return .date(year: parts[0], month: parts[1], day: parts[2])
        default:
            guard !value.isEmpty else { return nil }
            guard let number = Double(value) else { return .text(value) }
            switch style < styles.count ? styles[style] : .plain {
            case .percent: return .number(number, percent: true)
            case .date:
                guard let date = CellText.date(serial: number, date1904: date1904) else {
                    return .number(number, percent: false)
                }
                return .date(year: date.year, month: date.month, day: date.day)
            case .plain: return .number(number, percent: false)
            }
        }
    }
}
