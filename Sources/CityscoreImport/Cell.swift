import Foundation

/// One cell of a spreadsheet as its file stores it: what the cell shows, not how it was computed.
public enum CellValue: Sendable, Equatable {
    /// Text (shared, inline or the text result of a formula).
    case text(String)
    /// A number; `percent` when the cell is formatted as a percentage (`0.97` shown as `97%`).
    case number(Double, percent: Bool)
    /// A date (a number formatted as a date, or an ODS date value).
    case date(year: Int, month: Int, day: Int)
    /// TRUE or FALSE.
    case bool(Bool)
    /// An error value such as `#DIV/0!` or `#N/A`.
    case error(String)
    /// A formula whose result the file does not store (written by a program that does not compute).
    case formulaWithoutValue(String)
}

/// One non-empty cell and its 1-based column.
public struct SheetCell: Sendable, Equatable {
    public var column: Int
    public var value: CellValue

    public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// One row of a sheet: its 1-based number, its non-empty cells in column order, whether it is hidden.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [SheetCell]
    public var hidden: Bool

    public init(number: Int, cells: [SheetCell], hidden: Bool = false) {
        self.number = number
        self.cells = cells
        self.hidden = hidden
    }

    /// The value in `column`, nil when the cell is empty.
    public func value(_ column: Int) -> CellValue? {
        var low = 0
        var high = cells.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if cells[mid].column == column { return cells[mid].value }
            if cells[mid].column < column { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}

/// What a workbook reader hands out while it streams: sheets in order, each with its rows.
public enum SheetEvent: Sendable, Equatable {
    case sheet(String)
    case row(SheetRow)
}

/// What a reader does after handing out an event.
public enum ReadOn: Sendable {
    /// Goes on with the next row.
    case next
    /// Leaves the rest of this sheet unread (it holds nothing to import).
    case skipSheet
    /// Stops reading the workbook.
    case stop
}

/// Cell addresses as spreadsheets write them (`A1`, `AB12`).
public enum CellAddress {
    /// `A` for 1, `Z` for 26, `AA` for 27.
    public static func letters(_ column: Int) -> String {
        var n = max(column, 1)
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// `O14`.
    public static func name(row: Int, column: Int) -> String { letters(column) + String(row) }

    /// The column and row of `B12` (either may be nil when absent), ignoring `$` signs.
    public static func parse(_ text: Substring) -> (column: Int?, row: Int?) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                guard digits == 0, letters < 4 else { return (nil, nil) }
                column = column * 26 + Int(byte - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 4 else { return (nil, nil) }
                column = column * 26 + Int(byte - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 8 else { return (nil, nil) }
                row = row * 10 + Int(byte - 48)
                digits += 1
            case UInt8(ascii: "$"): continue
            default: return (nil, nil)
            }
        }
        return (letters > 0 ? column : nil, digits > 0 && row > 0 ? row : nil)
    }
}

/// Numbers and dates as text for the results CSV.
enum CellText {
    /// A number as a spreadsheet shows it at most: 15 significant digits, no trailing zeros
    /// (`0.97 × 100` is `97`, not `97.00000000000001`).
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return String(x) }
        if x == x.rounded(.towardZero), abs(x) < 1e15 { return String(Int64(x)) }
        var text = formatG15(x)
        if text.contains("e") {
            // `1.5e-07`: written out, as the results CSV reads plain decimals best.
            text = plain(Double(text) ?? x)
        }
        return text
    }

    private static func formatG15(_ x: Double) -> String {
        let text = String(format: "%.15g", x)
        return text.contains("e") ? (Double(text)?.description ?? text) : text
    }

    private static func plain(_ x: Double) -> String {
        let description = x.description
        guard let e = description.firstIndex(of: "e"), let exponent = Int(description[description.index(after: e)...])
        else { return description }
        var mantissa = String(description[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts.first ?? "0")
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (negative ? "-" : "") + text
    }

    /// The year, month and day of a spreadsheet serial date (days since 1899-12-30, or since
    /// 1904-01-01 in a workbook set to the 1904 date system).
    static func date(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        // Days from 1970-01-01.
        let days = Int(serial.rounded(.down)) + (date1904 ? -24107 : -25569)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
