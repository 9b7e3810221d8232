import Foundation
import Model
import Scoring

/// The downloads: `data/results.csv`, `data/framework.csv` and `data/cities/<slug>.json`.
struct DataFiles: Sendable {
    var site: Site

    /// `data/cities/<slug>.json` exactly as SPEC section 5 shows, with a few added keys.
    func cityJSON(_ card: Scorecard) -> String {
        func group(_ score: GroupScore) -> [(String, JSON)] {
            [
                ("percent", .optional(score.percent)), ("band", .optional(score.band?.rawValue)),
                ("scored", .int(score.scored)), ("reported", .int(score.reported)),
            ]
        }
        func item(_ item: ItemScore) -> JSON {
            let value: JSON
            switch item.latest?.value {
            case .number(let n): value = .number(n)
            case .yesNo(let b): value = .bool(b)
            case .notReported, .notApplicable, nil: value = .null
            }
            let scored = item.points != nil
            var pairs: [(String, JSON)] = [
                ("code", .string(item.kpi.code)), ("datapoint", .optional(item.datapoint)),
                ("year", .optional(item.latest?.year)), ("value", value),
                ("target", scored && item.kpi.direction != .yesNo ? .optional(item.target) : .null),
                ("achievement", scored ? .optional(item.achievement) : .null),
                ("points", .optional(item.points)),
            ]
            pairs += [
                ("name", .string(item.kpi.name)), ("status", .string(item.status.rawValue)),
                ("unit", .string(Units.resolve(item))),
                ("target_origin", targetOrigin(item.targetOrigin)),
                ("trend", .optional(item.trend?.rawValue)),
                ("source", .optional(item.latest.flatMap { $0.source.isEmpty ? nil : $0.source })),
                ("quality", .optional(item.latest?.quality?.rawValue)),
                ("verified", item.latest?.verified.map { .bool($0) } ?? .null),
                (
                    "history",
                    .array(
                        item.history.map { row in
                            let v: JSON
                            switch row.value {
                            case .number(let n): v = .number(n)
                            case .yesNo(let b): v = .bool(b)
                            case .notReported, .notApplicable: v = .null
                            }
                            return .object([("year", .int(row.year)), ("value", v)])
                        })
                ),
            ]
            return .object(pairs)
        }
        let dimensions: [JSON] = card.dimensions.map { dim in
            .object(
                [("slug", .string(dim.slug)), ("name", .string(dim.name))] + group(dim.score)
                    + [
                        (
                            "subdimensions",
                            .array(
                                dim.subdimensions.map { sub in
                                    .object(
                                        [("name", .string(sub.name))] + group(sub.score).prefix(2)
                                            + [
                                                (
                                                    "categories",
                                                    .array(
                                                        sub.categories.map { cat in
                                                            .object(
                                                                [("name", .string(cat.name))]
                                                                    + group(cat.score).prefix(2)
                                                                    + [("indicators", .array(cat.items.map(item)))])
                                                        })
                                                )
                                            ])
                                })
                        )
                    ])
        }
        let json = JSON.object([
            ("city", .string(card.city.slug)), ("name", .string(card.city.name)),
            ("overall", .object(group(card.overall))),
            ("dimensions", .array(dimensions)),
            ("country", .optional(card.city.country)), ("region", .optional(card.city.region)),
            ("population", .optional(card.city.population)),
            ("framework", .string(site.framework.origin)),
        ])
        return json.serialized(reservingCapacity: card.items.count * 1_536)
    }

    func targetOrigin(_ origin: TargetOrigin?) -> JSON {
        switch origin {
        case .goal(let kind, let note): .object([("kind", .string(kind.rawValue)), ("note", .string(note))])
        case .benchmark(let source): .object([("kind", .string("benchmark")), ("source", .string(source))])
        case nil: .null
        }
    }

    /// Rows of `results.csv` written per task when it is written on several cores.
    static let resultRowsPerTask = 16_384

    /// Every published value, in the results format (so it can be read back), sorted. Blocks of
    /// rows are written on every core and joined in order.
    func resultsCSV(rowsPerTask: Int = resultRowsPerTask) -> String {
        let extras = extraColumns()
        var header = CSVWriter()
        header.row(
            ["city", "kpi", "datapoint", "year", "value", "unit", "source", "note", "quality", "verified"] + extras)
        let observations = site.observations
        let blocks = stride(from: 0, to: observations.count, by: max(1, rowsPerTask)).map {
            $0..<min($0 + max(1, rowsPerTask), observations.count)
        }
        let parts = [header.bytes] + Parallel.map(blocks) { Self.resultRows(observations[$0], extras: extras) }
        return String(unsafeUninitializedCapacity: parts.reduce(0) { $0 + $1.count }) { buffer in
            var end = buffer.startIndex
            for part in parts { end = buffer[end...].initialize(fromContentsOf: part) }
            return end
        }
    }

    /// The rows of `results.csv` for `observations`.
    static func resultRows(_ observations: ArraySlice<Observation>, extras: [String]) -> [UInt8] {
        var csv = CSVWriter(capacity: observations.count * 96)
        for o in observations {
            csv.field(o.city)
            csv.field(o.kpi)
            csv.field(o.datapoint ?? "")
            csv.number(Double(o.year))
            switch o.value {
            case .number(let n): csv.number(n)
            case .yesNo(let b): csv.field(b ? "yes" : "no")
            case .notReported: csv.field("NR")
            case .notApplicable: csv.field("N/A")
            }
            csv.field(o.unit)
            csv.field(o.source)
            csv.field(o.note)
            csv.field(o.quality?.rawValue ?? "")
            csv.field(o.verified.map { $0 ? "yes" : "no" } ?? "")
            for name in extras { csv.field(o.extra[name] ?? "") }
            csv.endRow()
        }
        return csv.bytes
    }

    /// The names of the `x-` columns of any observation, sorted.
    private func extraColumns() -> [String] {
        var names = Set<String>()
        for o in site.observations where !o.extra.isEmpty { names.formUnion(o.extra.keys) }
        return names.sorted()
    }

    /// The framework as CSV, in the format a site can use as `Content/framework/kpis.csv`.
    func frameworkCSV() -> String {
        var csv = CSVWriter(capacity: site.framework.kpis.count * 1024)
        csv.row([
            "code", "dimension", "subdimension", "category", "name", "datapoints", "level", "kind", "unit", "direction",
            "direction_basis", "target", "target_source", "sdg", "description", "evidence",
        ])
        for k in site.framework.kpis {
            for text in [
                k.code, k.dimension, k.subdimension, k.category, k.name, k.datapoints.joined(separator: ";"), k.level,
                k.kind, k.unit, k.direction.rawValue, k.directionBasis,
            ] {
                csv.field(text)
            }
            csv.number(k.target)
            for text in [k.targetSource, k.sdg, k.description, k.evidence] { csv.field(text) }
            csv.endRow()
        }
        return csv.text
    }
}

/// CSV text written field by field into one growing string.
struct CSVWriter {
    /// The rows written so far, as UTF-8.
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    /// Creates a writer with room for about `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The rows written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends one text cell, quoted where needed and made spreadsheet-safe
    /// (``CSVText/spreadsheetSafe(_:)``): every text a CSV download holds goes through here.
    mutating func field(_ value: String) {
        if !atRowStart { bytes.append(UInt8(ascii: ",")) }
        atRowStart = false
        CSVText.appendField(CSVText.spreadsheetSafe(value), to: &bytes)
    }

    /// Appends one number cell as plain decimal text (`-5` stays `-5`: a spreadsheet reads it as
    /// the number it is); nil is an empty cell.
    mutating func number(_ value: Double?) {
        if !atRowStart { bytes.append(UInt8(ascii: ",")) }
        atRowStart = false
        if let value { CSVText.appendField(CSVText.number(value), to: &bytes) }
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    /// Appends a whole row.
    mutating func row(_ fields: [String]) {
        for value in fields { field(value) }
        endRow()
    }
}

/// RFC 4180 output: quotes where needed, CRLF-free (LF) lines. `field` quotes any text as it is;
/// `row` and ``CSVWriter`` write text cells spreadsheet-safe.
enum CSVText {
    static func row(_ fields: [String]) -> String {
        var csv = CSVWriter()
        csv.row(fields)
        return csv.text
    }

    static func field(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendField(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as one field: in quotes, with quotes doubled, when any of its bytes is a comma, a
    /// quote, a carriage return or a line feed (so that every reader splits the row where we meant,
    /// whatever follows the byte, a combining mark included).
    static func appendField(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            let special = utf8.contains { byte in
                byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\r")
            }
            guard special else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// `text` as a cell no spreadsheet reads as a formula (CSV injection, per OWASP): a text that
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which
    /// Excel and LibreOffice take as "this cell is text" and do not show. Other texts are returned
    /// as they are. Cells are trimmed when read, so a `\t=1+1` read in is `=1+1` here, and caught.
    static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.utf8.first, startsFormula(first) else { return text }
        return "'" + text
    }

    /// The first bytes of a cell that a spreadsheet may take as the start of a formula.
    static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// A number as plain decimal text (`97`, `0.001`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
