import Foundation
import Diagnostics
import Reading

/// The header of a CSV file checked against the columns a format knows, and cell access by name.
struct Columns {
    private var index: [String: Int] = [:]
    /// `x-` columns by name and position.
    private(set) var extra: [(name: String, index: Int)] = []

    /// Checks `file`'s header: every required column present, no unknown column (unless `x-`).
    init(_ file: CSVFile, required: [String], optional: [String], diagnostics: inout [Diagnostic]) {
        let known = required + optional
        let headerLocation = file.table.header.first?.location ?? .init(path: file.path)
        for (i, field) in file.table.header.enumerated() {
            let name = field.text.trimmingCharacters(in: .whitespaces).lowercased()
            if name.hasPrefix("x-") {
                extra.append((name, i))
            } else if known.contains(name) {
                if index[name] != nil {
                    diagnostics.append(.error("the column \"\(name)\" appears twice", at: field.location))
                } else {
                    index[name] = i
                }
            } else {
                diagnostics.append(
                    .error(
                        "unknown column \"\(field.text)\"; the columns are \(known.joined(separator: ", ")), and any starting with x-",
                        at: field.location,
                        suggestion: Suggestions.didYouMean(name, in: known) ?? "rename it to x-\(Slugish.make(name)) to keep it as an extra column"))
            }
        }
        for name in required where index[name] == nil {
            diagnostics.append(
                .error("the required column \"\(name)\" is missing from the header row", at: headerLocation))
        }
    }

    /// Whether the column exists.
    func has(_ name: String) -> Bool { index[name] != nil }

    /// The field of column `name` in `record`, or nil when the column does not exist or the row is short.
    func field(_ name: String, in record: CSVTable.Record) -> CSVTable.Field? {
        guard let i = index[name], i < record.fields.count else { return nil }
        return record.fields[i]
    }

    /// The trimmed text of column `name` (empty when absent).
    func text(_ name: String, in record: CSVTable.Record) -> String {
        field(name, in: record)?.text.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// Where the cell of column `name` is, or the row's start.
    func location(_ name: String, in record: CSVTable.Record) -> SourceLocation {
        field(name, in: record)?.location ?? record.location
    }

    /// The number of columns in the header.
    var count: Int { index.count + extra.count }
}

/// Lowercase letters, digits and dashes, for suggesting column names.
enum Slugish {
    static func make(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
