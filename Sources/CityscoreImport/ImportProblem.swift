import CityscoreDiagnostics

/// A problem found while importing, placed where a spreadsheet user finds it: the file, the sheet
/// and the cell (`data/asker.xlsx:KPI data!O14: error: …`), or the line and column of a CSV file.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Place: Sendable, Hashable {
        /// A cell of a sheet (1-based row and column).
        case cell(sheet: String, row: Int, column: Int)
        /// A line and column of a text (CSV) file.
        case text(line: Int, column: Int)
        /// The whole file.
        case file
        /// Another file of the site (`Content/cities/x.md`), as the site's own diagnostics place it.
        case site(SourceLocation)
    }

    public var file: String
    public var place: Place
    public var severity: Diagnostic.Severity
    public var message: String
    public var suggestion: String?
    /// The code of a problem the site's own checks found (`unknown-kpi`); nil for a problem of the
    /// workbook itself.
    public var code: DiagnosticCode?
    /// Sheet order, for sorting problems in the order of the workbook.
    var sheetIndex = 0

    public init(
        _ severity: Diagnostic.Severity, file: String, at place: Place, _ message: String, suggestion: String? = nil,
        code: DiagnosticCode? = nil
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.place = place
        self.message = message
        self.suggestion = suggestion
    }

    /// Where, as printed: `file:Sheet!B12`, `file:3:7`, or `file`.
    public var location: String {
        switch place {
        case .cell(let sheet, let row, let column): "\(file):\(sheet)!\(CellAddress.name(row: row, column: column))"
        case .text(let line, let column): "\(file):\(line):\(column)"
        case .file: file
        case .site(let location): location.description
        }
    }

    public var description: String {
        // A diagnostic's one-line text (its code is a stand-in), with the location swapped for the cell.
        let diagnostic = Diagnostic(
            severity, at: SourceLocation(path: ""), message, suggestion: suggestion, code: code ?? .invalidValue)
        let text = code == nil ? diagnostic.withoutCode : diagnostic.description
        let rest = text.drop { $0 != " " }
        return location + ":" + rest
    }

    var sortKey: (Int, Int, Int, Int) {
        switch place {
        case .file: (0, 0, 0, 0)
        case .cell(_, let row, let column): (1, sheetIndex, row, column)
        case .text(let line, let column): (1, 0, line, column)
        case .site: (2, 0, 0, 0)
        }
    }

    /// Problems in the order of the file: sheet by sheet, row by row, cell by cell.
    public static func sorted(_ problems: [ImportProblem]) -> [ImportProblem] {
        var seen = Set<ImportProblem>()
        return problems.filter { seen.insert($0).inserted }.enumerated()
            .sorted {
                let (a, b) = ($0.element.sortKey, $1.element.sortKey)
                return (a.0, a.1, a.2, a.3, $0.offset) < (b.0, b.1, b.2, b.3, $1.offset)
            }
            .map(\.element)
    }
}
