import CityscoreDiagnostics
import CityscoreReading
import CityscoreText
import Foundation

/// The header of a CSV file checked against the columns a format knows, and cell access by name.
struct Columns {
    private var index: [String: Int] = [:]
    /// `x-` columns by name and position (at most `extraLimit` names).
    private(set) var extra: [(name: String, index: Int)] = []
    /// `x-` columns past the limit: not kept, but still columns of every row.
    private var droppedExtra = 0
    /// Every `x-` name of the header (kept or not): what the limit across files counts of this file.
    private(set) var extraNames: Set<String> = []

    /// How many different `x-` columns the results may have in all: each is a column of every row
    /// of `data/results.csv`, so thousands of them would make it gigabytes.
    static let extraLimit = 50

    /// Checks `file`'s header: every required column present, no unknown column (unless `x-`).
    init(_ file: CSVFile, required: [String], optional: [String], diagnostics: inout [Diagnostic]) {
        var seen = Set<String>()
        self.init(file, required: required, optional: optional, extras: &seen, diagnostics: &diagnostics)
    }

    /// Checks `file`'s header as above; `seen` holds the `x-` names of the files checked before, so
    /// that the limit counts different names across files. The first `x-` column past the limit is
    /// an error at its header cell, and no column past it is kept.
    init(
        _ file: CSVFile, required: [String], optional: [String], extras seen: inout Set<String>,
        diagnostics: inout [Diagnostic]
    ) {
        let known = required + optional
        count = file.table.header.count
        let headerLocation = file.table.header.first?.location(in: file.path) ?? .init(path: file.path)
        if file.table.header.count == 1, let only = file.table.header.first, only.text.contains(";") {
            diagnostics.append(
                .error(
                    "the columns are separated by semicolons; cityscore reads commas",
                    at: only.location(in: file.path),
                    suggestion:
                        "save the sheet as \"CSV UTF-8 (comma delimited)\", or set the list separator to a comma",
                    code: .semicolonSeparated))
            return
        }
        var unknown = 0
        for (i, field) in file.table.header.enumerated() {
            let name = field.text.trimmingSpaces.lowercased()
            if name.hasPrefix("x-") {
                extraNames.insert(name)
                guard seen.contains(name) || seen.count < Self.extraLimit else {
                    if droppedExtra == 0 {
                        diagnostics.append(
                            .error(
                                "too many extra columns: \(field.text.quotedForMessage()) is x- column number \(Self.extraLimit + 1) of the results, and cityscore publishes at most \(Self.extraLimit)",
                                at: field.location(in: file.path),
                                suggestion:
                                    "remove the x- columns you do not need to publish, or keep them in another sheet",
                                code: .tooManyExtraColumns))
                    }
                    droppedExtra += 1
                    continue
                }
                seen.insert(name)
                extra.append((name, i))
            } else if known.contains(name) {
                if index[name] != nil {
                    diagnostics.append(
                        .error(
                            "the column \"\(name)\" appears twice", at: field.location(in: file.path),
                            code: .duplicateColumn))
                } else {
                    index[name] = i
                }
            } else {
                unknown += 1
                guard unknown <= Self.unknownColumnLimit else { continue }
                diagnostics.append(
                    .error(
                        "unknown column \(field.text.quotedForMessage()); the columns are \(known.joined(separator: ", ")), and any starting with x-",
                        at: field.location(in: file.path),
                        suggestion: Suggestions.didYouMean(name, in: known)
                            ?? Self.extraColumnSuggestion(name), code: .unknownColumn))
            }
        }
        if unknown > Self.unknownColumnLimit {
            diagnostics.append(
                .error(
                    "\(unknown - Self.unknownColumnLimit) more unknown columns in the header row (\(unknown) in all)",
                    at: headerLocation,
                    suggestion: "is this the right file? Results need the columns \(required.joined(separator: ", "))",
                    code: .unknownColumn))
        }
        for name in required where index[name] == nil {
            diagnostics.append(
                .error(
                    "the required column \"\(name)\" is missing from the header row", at: headerLocation,
                    code: .missingColumn))
        }
    }

    /// Unknown columns reported one by one; the rest are counted in one line.
    static let unknownColumnLimit = 10

    /// A column's position, looked up once for reading it in many rows.
    struct Column: Sendable {
        fileprivate var index: Int?
    }

    /// The column `name` (one that does not exist reads as empty in every row).
    func column(_ name: String) -> Column { Column(index: index[name]) }

    /// Whether the column exists.
    func has(_ name: String) -> Bool { index[name] != nil }

    /// The field of `column` in `record`, or nil when the column does not exist or the row is short.
    func field(_ column: Column, in record: CSVTable.Record) -> CSVTable.Field? {
        guard let i = column.index, i < record.fields.count else { return nil }
        return record.fields[i]
    }

    /// The trimmed text of `column` (empty when absent).
    func text(_ column: Column, in record: CSVTable.Record) -> String {
        field(column, in: record).map(\.text.trimmingSpaces) ?? ""
    }

    /// Where the cell of `column` is, or the row's start.
    func location(_ column: Column, in record: CSVTable.Record) -> SourceLocation {
        field(column, in: record).map { $0.location(in: record.location.path) } ?? record.location
    }

    /// The field of column `name` in `record`, or nil when the column does not exist or the row is short.
    func field(_ name: String, in record: CSVTable.Record) -> CSVTable.Field? { field(column(name), in: record) }

    /// The trimmed text of column `name` (empty when absent).
    func text(_ name: String, in record: CSVTable.Record) -> String { text(column(name), in: record) }

    /// Where the cell of column `name` is, or the row's start.
    func location(_ name: String, in record: CSVTable.Record) -> SourceLocation {
        location(column(name), in: record)
    }

    /// The number of cells in the header row (unknown and repeated columns included, so that a row
    /// under an unknown column is not also reported as having too many cells).
    private(set) var count = 0

    /// How to keep an unknown column: its name as a slug after `x-` (`x-c0`).
    static func extraColumnSuggestion(_ name: String) -> String {
        let slug = Slug.make(String(name.prefix(40)))
        return slug.isEmpty
            ? "start its name with x- to keep it as an extra column"
            : "rename it to x-\(slug) to keep it as an extra column"
    }
}
