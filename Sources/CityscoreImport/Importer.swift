import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText
import CityscoreValidation
import Foundation

/// `cityscore import`: reads a spreadsheet and writes tidy `Content/results/<city>-<year>.csv` files.
///
/// The rows are checked by the same validator as `build`, over the whole site as it would be after
/// the import, and every problem is reported at the sheet cell it comes from. Nothing is written
/// while any error remains.
public struct Importer: Sendable {
    public struct Options: Sendable {
        /// The spreadsheet, as the user named it (used in messages).
        public var file: String
        public var site: String = "."
        public var city: String?
        public var year: Int?
        public var sheet: String?
        public var layout: Layout?
        public var force = false
        public var createCities = false
        /// The year now, for the "not begun yet" check (defaults to the real one).
        public var currentYear: Int?

        public init(file: String) { self.file = file }
    }

    /// What an import did or would do.
    public struct Outcome: Sendable {
        /// What was mapped, line by line: sheets, header rows, columns, rows read and skipped.
        public var report: [String] = []
        /// Problems, in the order of the file.
        public var problems: [ImportProblem] = []
        /// Site paths written (results files, then city stubs).
        public var written: [String] = []
        public var hasErrors: Bool { problems.contains { $0.severity == .error } }
    }

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// Columns of results files that are written only when some row gives them.
    static let writtenWhenGiven: Set<ResultsColumn> = [.benchmark, .round]

    /// The columns of the results files written, in the order of `DataColumns.results` (those of
    /// `writtenWhenGiven` only when `given` says a row has one); `x-` columns follow.
    static func columns(given: (String) -> Bool) -> [String] {
        ResultsColumn.allCases.filter { !writtenWhenGiven.contains($0) || given($0.rawValue) }.map(\.rawValue)
    }

    public func run() -> Outcome {
        var outcome = Outcome()
        let file = options.file
        func fail(_ message: String, suggestion: String? = nil) -> Outcome {
            outcome.problems.append(ImportProblem(.error, file: file, at: .file, message, suggestion: suggestion))
            return outcome
        }
        let (read, siteProblems) = SiteReader(root: options.site).read()
        guard var source = read else {
            outcome.problems += siteProblems.map {
                ImportProblem(
                    $0.severity, file: file, at: .site($0.location), $0.message, suggestion: $0.suggestion,
                    code: $0.code)
            }
            return outcome
        }
        if let city = options.city, !Slug.isValid(city) {
            return fail(
                "--city \(city.quotedForMessage()) is not a city slug (lowercase letters, digits and dashes)",
                suggestion: "use --city \(Slug.make(city))")
        }
        let kpis = KnownKPIs(Self.frameworkCodes(source.framework))
        var citySlugs = Set(source.cityFileNames.filter(Slug.isValid))

        // Read the sheets.
        let sheets: [SheetImport]
        do {
            sheets = try readSheets(kpis: kpis, citySlugs: citySlugs)
        } catch {
            return fail(error.message, suggestion: error.suggestion)
        }
        for sheet in sheets {
            outcome.report += sheet.report()
            outcome.problems += sheet.problems
            if sheet.hidden.count > 0 {
                var p = ImportProblem(
                    .warning, file: file, at: sheet.place(sheet.hidden.first, 1),
                    "\(sheet.hidden.count) hidden row\(sheet.hidden.count == 1 ? " is" : "s are") imported like any other (this is the first)",
                    suggestion: "delete the rows in the spreadsheet if they should not be published")
                p.sheetIndex = sheet.sheetIndex
                outcome.problems.append(p)
            }
            if sheet.decimalComma {
                outcome.problems.append(
                    ImportProblem(
                        .warning, file: file, at: .file,
                        "note: the file is an Excel-style CSV (semicolons between cells); a decimal comma is read as a decimal point"
                    ))
            }
        }
        if let only = options.sheet, !sheets.contains(where: { $0.sheet == only }) {
            return fail("the workbook has no sheet named \(only.quotedForMessage())")
        }
        let rows = sheets.flatMap(\.rows)
        guard !rows.isEmpty else {
            if !outcome.hasErrors {
                outcome.problems.append(
                    ImportProblem(
                        .error, file: file, at: .file, "no results found to import",
                        suggestion:
                            "check that a sheet has a header row with a KPI code column and a result or value column (or year columns), or pass --sheet and --layout"
                    ))
            }
            return outcome
        }

        // One file per city and year.
        var groups: [String: [TidyRow]] = [:]
        var order: [String] = []
        for row in rows {
            let city = Slug.make(row.text("city"))
            let year = row.text("year").filter(\.isNumber)
            let path =
                "Content/results/\(city.isEmpty ? "city" : city)-\(year.isEmpty ? "year" : String(year.prefix(4))).csv"
            if groups[path] == nil { order.append(path) }
            groups[path, default: []].append(row)
        }
        var extras: [String] = []
        for row in rows {
            for key in row.cells.keys where key.hasPrefix("x-") && !extras.contains(key) { extras.append(key) }
        }
        extras.sort()
        let columns = Self.columns { name in rows.contains { !$0.text(name).isEmpty } } + extras

        // Cities.
        var stubs: [(path: String, text: String)] = []
        if options.createCities {
            var seen = Set<String>()
            for row in rows {
                let slug = row.text("city")
                guard Slug.isValid(slug), !citySlugs.contains(slug), seen.insert(slug).inserted else { continue }
                stubs.append(
                    ("Content/cities/\(slug).md", CityStub.text(slug: slug, name: row.cityName, country: row.country)))
            }
            citySlugs.formUnion(seen)
            source.cityFileNames += seen.sorted()
        }

        // Existing files.
        let existing = Set(source.results.map(\.path))
        let clashes = order.filter { existing.contains($0) && !options.force }
        for path in clashes {
            outcome.problems.append(
                ImportProblem(
                    .error, file: file, at: .file, "\(path) exists already; nothing was written",
                    suggestion: "pass --force to replace it"))
        }
        guard clashes.isEmpty else { return outcome }
        source.results.removeAll { groups[$0.path] != nil }

        // The files as they will be written, checked like any results file.
        var texts: [String: String] = [:]
        var maps: [String: PositionMap] = [:]
        for path in order {
            guard let group = groups[path] else { continue }
            var map = PositionMap()
            let text = ResultsText.make(group, columns: columns, map: &map)
            texts[path] = text
            maps[path] = map
            let (table, problems) = CSVReader(path: path).read(Array(text.utf8))
            for problem in problems { outcome.problems.append(map.problem(problem, file: file, sheets: sheets)) }
            if let table { source.results.append(CSVFile(path: path, table: table)) }
        }
        let (_, diagnostics) = SiteValidator(currentYear: options.currentYear).validate(source)
        var others = 0
        for diagnostic in diagnostics {
            if let map = maps[diagnostic.location.path] {
                var problem = map.problem(diagnostic, file: file, sheets: sheets)
                problem.message = PositionMap.rewriteReferences(problem.message, maps: maps, file: file, sheets: sheets)
                problem.message = Self.theirColumnNames(problem.message, at: problem.place, sheets: sheets)
                if problem.message.hasPrefix("unknown city"), !options.createCities {
                    problem.suggestion = (problem.suggestion.map { $0 + ", or " } ?? "") + "import with --create-cities"
                }
                outcome.problems.append(problem)
            } else if diagnostic.severity == .error {
                others += 1
            }
        }
        if others > 0 {
            outcome.problems.append(
                ImportProblem(
                    .warning, file: file, at: .file,
                    "the site has \(others) other problem\(others == 1 ? "" : "s") not caused by this import",
                    suggestion: "run `cityscore check` to see them"))
        }
        outcome.problems = ImportProblem.sorted(outcome.problems)
        guard !outcome.hasErrors else { return outcome }

        // Write.
        let root = URL(fileURLWithPath: options.site)
        for (path, text) in order.compactMap({ p in texts[p].map { (p, $0) } }) + stubs.map({ ($0.path, $0.text) }) {
            let url = root.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
                outcome.written.append(path)
            } catch {
                outcome.problems.append(
                    ImportProblem(.error, file: path, at: .file, "cannot write the file: \(error.localizedDescription)")
                )
            }
        }
        return outcome
    }

    /// `in column "kpi"` → `in column "KPI code"`: the sheet's own header names the column.
    static func theirColumnNames(_ message: String, at place: ImportProblem.Place, sheets: [SheetImport]) -> String {
        guard case .cell(let name, _, let column) = place,
            let header = sheets.first(where: { $0.sheet == name })?.header?.headers[column]
        else { return message }
        var message = message
        for tidy in DataColumns.results where tidy != header {
            message = message.replacingOccurrences(of: "in column \"\(tidy)\"", with: "in column \"\(header)\"")
        }
        return message
    }

    /// Codes and data points of the site's framework, read from its CSV table.
    static func frameworkCodes(_ file: CSVFile) -> CSVTableLike {
        let header = file.table.header.map { $0.text.trimmingSpaces.lowercased() }
        guard let code = header.firstIndex(of: "code") else { return [] }
        let points = header.firstIndex(of: "datapoints")
        return file.table.records.compactMap { record in
            guard code < record.fields.count else { return nil }
            let list = points.flatMap { $0 < record.fields.count ? record.fields[$0].text : nil } ?? ""
            return (
                record.fields[code].text.trimmingSpaces,
                list.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            )
        }
    }

    /// Reads the file into one `SheetImport` per sheet.
    func readSheets(kpis: KnownKPIs, citySlugs: Set<String>) throws(WorkbookError) -> [SheetImport] {
        let url = URL(fileURLWithPath: options.file)
        let ext = url.pathExtension.lowercased()
        func start(_ name: String, index: Int, isText: Bool) -> SheetImport {
            SheetImport(
                file: options.file, sheet: name, sheetIndex: index, isText: isText, forced: options.layout,
                city: options.city, year: options.year, kpis: kpis, citySlugs: citySlugs)
        }
        switch ext {
        case "xlsx", "xlsm", "ods":
            let collector = SheetCollector(start: start)
            if ext == "ods" {
                try ODSReader(url: url).read(sheet: options.sheet) { collector.take($0) }
            } else {
                try XLSXReader(url: url).read(sheet: options.sheet) { collector.take($0) }
            }
            return collector.sheets
        case "csv", "txt":
            guard let data = FileManager.default.contents(atPath: options.file) else {
                throw WorkbookError("the file cannot be read (check that it exists and that you may read it)")
            }
            return [try CSVSheet.read([UInt8](data), into: start(options.file, index: 0, isText: true))]
        case "xls":
            throw WorkbookError("the old Excel format (.xls) cannot be read", suggestion: "save the workbook as .xlsx")
        default:
            throw WorkbookError(
                "cityscore imports .xlsx, .ods and .csv files, not .\(ext)",
                suggestion: "save the sheet in one of these formats")
        }
    }
}

/// Gathers the streamed rows into one `SheetImport` per sheet.
private final class SheetCollector {
    let start: (String, Int, Bool) -> SheetImport
    var sheets: [SheetImport] = []
    /// Problems beyond this many stop the reading: the file is surely not what it should be.
    static let problemLimit = 10_000
    private var problems = 0

    init(start: @escaping (String, Int, Bool) -> SheetImport) { self.start = start }

    func take(_ event: SheetEvent) -> ReadOn {
        switch event {
        case .sheet(let name):
            sheets.append(start(name, sheets.count, false))
        case .row(let row):
            guard !sheets.isEmpty else { return .next }
            let before = sheets[sheets.count - 1].problems.count
            sheets[sheets.count - 1].add(row)
            problems += sheets[sheets.count - 1].problems.count - before
            // A sheet without a header row near its top holds nothing to import: its other rows are not read.
            let sheet = sheets[sheets.count - 1]
            if sheet.header == nil && sheet.scanned >= SheetImport.headerSearchRows { return .skipSheet }
        }
        return problems < Self.problemLimit ? .next : .stop
    }
}
