import CityscoreDiagnostics

/// A CSV file read strictly by RFC 4180: a header row, then records, each field with its position.
public struct CSVTable: Sendable {
    /// One field and where it starts. A large results file has millions of fields, so each keeps
    /// only its line and column; the path is the table's.
    public struct Field: Sendable, Hashable {
        public var text: String
        /// 1-based line and column where the field starts.
        public var line: Int32
        public var column: Int32

        /// Creates a field.
        public init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = Int32(clamping: line)
            self.column = Int32(clamping: column)
        }

        /// Where the field is, in the file at `path`.
        public func location(in path: String) -> SourceLocation {
            SourceLocation(path: path, line: Int(line), column: Int(column))
        }
    }

    /// One record: its fields, and the line it starts on.
    public struct Record: Sendable {
        public var fields: [Field]
        public var location: SourceLocation
    }

    /// The header row.
    public var header: [Field]
    /// The data rows, in file order.
    public var records: [Record]
}

/// Reads CSV bytes: UTF-8 (a leading BOM is skipped), RFC 4180 quoting, LF or CRLF line ends, or CR
/// alone in a file that has no LF.
///
/// Problems (an unclosed quote, text after a closing quote, invalid UTF-8) are reported with the line
/// and column where they are; reading goes on where it can so that all problems come out at once.
public struct CSVReader: Sendable {
    /// The site-relative path used in diagnostics.
    public var path: String

    /// The byte between fields: a comma, or a semicolon for `cityscore import` of an Excel-style CSV.
    public var separator: UInt8 = UInt8(ascii: ",")

    /// Creates a reader for diagnostics naming `path`.
    public init(path: String) { self.path = path }

    /// Creates a reader that separates fields by `separator` instead of a comma.
    public init(path: String, separator: UInt8) {
        self.path = path
        self.separator = separator
    }

    /// Why `bytes` cannot be a CSV text file at all (UTF-16, binary), or nil: one error for the
    /// whole file instead of one per cell.
    static func notCSVText(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "the file is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8 CSV"
        }
        let head = bytes.prefix(4096)
        // Zero bytes in the header row, or many of them, mean binary data (one stray NUL in a cell is
        // reported at its cell instead).
        if head.prefix(while: { $0 != 0x0A }).contains(0) || head.filter({ $0 == 0 }).count >= 8 {
            return
                "the file is not text (it holds zero bytes): is it a spreadsheet (.xlsx) or an image renamed to .csv?"
        }
        let header = bytes.prefix(while: { $0 != 0x0A }).prefix(65_536)
        if String(validating: header, as: UTF8.self) == nil
            || header.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0D) || $0 == 0x7F })
        {
            return
                "the header row is not UTF-8 text: is the file a spreadsheet (.xlsx) or an image renamed to .csv, or saved in another encoding?"
        }
        return nil
    }

    /// The text of a field's bytes, nil when they are not UTF-8. Most fields are ASCII, which needs
    /// no decoding (and no call into the generic validating initializer).
    static func text(of bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// How far the bytes from `start` go without one the parser must look at (a quote or a line
    /// feed; outside quotes also a comma or a carriage return), and how many characters start in
    /// them (bytes that are not UTF-8 continuation bytes).
    static func plainRun(
        _ bytes: [UInt8], from start: Int, inQuotes: Bool, separator: UInt8 = UInt8(ascii: ",")
    ) -> (end: Int, characters: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var end = start
            var characters = 0
            while end < buffer.count {
                let b = buffer[end]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") { break }
                if !inQuotes && (b == separator || b == UInt8(ascii: "\r")) { break }
                if b & 0xC0 != 0x80 { characters += 1 }
                end += 1
            }
            return (end, characters)
        }
    }

    /// Parses `bytes`; the table is nil when nothing usable could be read.
    public func read(_ bytes: [UInt8]) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        // A file with carriage returns and no line feed at all ends its lines with CR alone (Excel's
        // "CSV (Macintosh)"): read as if each were a line feed. In other files a lone CR is text.
        if !bytes.contains(UInt8(ascii: "\n")), bytes.contains(UInt8(ascii: "\r")) {
            return read(bytes.map { $0 == UInt8(ascii: "\r") ? UInt8(ascii: "\n") : $0 })
        }
        var diagnostics: [Diagnostic] = []
        if let problem = Self.notCSVText(bytes) {
            return (
                nil,
                [
                    .error(
                        problem, at: SourceLocation(path: path, line: 1, column: 1),
                        suggestion: "save it as \"CSV UTF-8\"", code: .notCSVText)
                ]
            )
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }

        var rows: [CSVTable.Record] = []
        var fields: [CSVTable.Field] = []
        var field: [UInt8] = []
        var line = 1
        var column = 1
        var fieldLine = 1
        var fieldColumn = 1
        var recordLine = 1
        var inQuotes = false
        var quoted = false
        var afterClosingQuote = false
        var i = start

        func location(_ l: Int, _ c: Int) -> SourceLocation { SourceLocation(path: path, line: l, column: c) }

        // Values repeat down a column (KPI codes, sources, units): one shared copy of each keeps a
        // large file small in memory. Short texts are stored inline anyway; the cache is bounded.
        var caches: [[String: String]] = []
        func interned(_ text: String, column: Int) -> String {
            guard text.utf8.count > 15, text.utf8.count <= 128 else { return text }
            while caches.count <= column { caches.append([:]) }
            if let shared = caches[column][text] { return shared }
            if caches[column].count < 4096 { caches[column][text] = text }
            return text
        }

        func finishField() {
            let text = Self.text(of: field)
            if text == nil {
                diagnostics.append(
                    .error(
                        "this cell is not valid UTF-8 text; save the file as \"CSV UTF-8\"",
                        at: location(fieldLine, fieldColumn), code: .notUTF8))
            } else if let control = field.first(where: {
                ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F
            }) {
                let code = String(control, radix: 16, uppercase: true)
                diagnostics.append(
                    .error(
                        "this cell holds an invisible control character (U+\(String(repeating: "0", count: 4 - code.count) + code)) that cannot be published; delete it",
                        at: location(fieldLine, fieldColumn), code: .controlCharacter))
            }
            fields.append(
                CSVTable.Field(
                    text: interned(text ?? String(decoding: field, as: UTF8.self), column: fields.count),
                    line: fieldLine, column: fieldColumn))
            field.removeAll(keepingCapacity: true)
            quoted = false
            afterClosingQuote = false
        }

        func finishRecord() {
            finishField()
            // A completely empty line is skipped (common at the end of spreadsheet exports).
            if fields.count == 1 && fields[0].text.isEmpty {
                fields.removeAll(keepingCapacity: true)
                return
            }
            rows.append(CSVTable.Record(fields: fields, location: location(recordLine, 1)))
            // The next record most likely has as many fields: room for exactly that many (a large
            // file holds hundreds of thousands of records, so spare room adds up).
            let count = fields.count
            fields = []
            fields.reserveCapacity(count)
        }

        /// Appends the bytes from `i` that need no decision, all at once.
        func appendPlainRun(inQuotes: Bool) {
            let run = Self.plainRun(bytes, from: i, inQuotes: inQuotes, separator: separator)
            field.append(contentsOf: bytes[i..<run.end])
            column += run.characters
            i = run.end
        }

        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    i += 1
                    column += 1
                    continue
                }
                field.append(b)
                if b == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
                appendPlainRun(inQuotes: true)
                continue
            }
            switch b {
            case separator:
                finishField()
                i += 1
                column += 1
                fieldLine = line
                fieldColumn = column
            case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                i += 1
            case UInt8(ascii: "\n"):
                finishRecord()
                i += 1
                line += 1
                column = 1
                fieldLine = line
                fieldColumn = 1
                recordLine = line
            case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                i += 1
                column += 1
            default:
                if afterClosingQuote {
                    diagnostics.append(
                        .error(
                            "text after the closing quote of a quoted cell; put the whole cell in quotes and write a quote inside it as \"\"",
                            at: location(line, column), code: .csvQuoting))
                    afterClosingQuote = false
                } else if b == UInt8(ascii: "\"") {
                    diagnostics.append(
                        .error(
                            "a quote in the middle of an unquoted cell; put the whole cell in quotes and write the quote as \"\"",
                            at: location(line, column), code: .csvQuoting))
                }
                field.append(b)
                if b & 0xC0 != 0x80 { column += 1 }
                i += 1
                appendPlainRun(inQuotes: false)
            }
        }
        if inQuotes {
            diagnostics.append(
                .error(
                    "a quoted cell is never closed: the closing quote (\") is missing",
                    at: location(fieldLine, fieldColumn), code: .csvQuoting))
        }
        if !field.isEmpty || !fields.isEmpty || quoted { finishRecord() }

        guard let header = rows.first else {
            diagnostics.append(
                .error(
                    "the file is empty; it needs a header row, e.g. \"city,kpi,year,value\"", at: location(1, 1),
                    code: .emptyFile))
            return (nil, diagnostics)
        }
        return (CSVTable(header: header.fields, records: Array(rows.dropFirst())), diagnostics)
    }
}
