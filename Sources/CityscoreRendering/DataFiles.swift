import CityscoreConcurrency
import CityscoreModel
import CityscoreScoring
import Foundation

/// The downloads: `data/results.csv`, `data/framework.csv`, `data/cities/<slug>.json` and
/// `data/datapackage.json`. Computed numbers are written unrounded (shortest form that reads back
/// to the same double); values are written with the digits they were given.
struct DataFiles: Sendable {
    var site: Site
    /// Every city's scorecard, which the computed columns of `results.csv` come from.
    var scorecards: [Scorecard] = []
    /// The programme view when the caller has it already (`programme.json`); nil: made here.
    var programme: Programme? = nil
    /// The names of the `x-` columns when the caller has them already; nil: found here.
    var extras: [String]? = nil

    /// `data/cities/<slug>.json` exactly as docs/output.md, "Data" shows, with a few added keys.
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
                (
                    "target",
                    scored && item.direction != .yesNo ? .optional(item.target) : .null
                ),
                ("achievement", scored ? .optional(item.achievement) : .null),
                ("points", .optional(item.points)),
            ]
            pairs += [
                ("name", .string(item.kpi.name)), ("status", .string(item.status.rawValue)),
                ("unit", .string(Units.resolve(item))),
                ("target_origin", targetOrigin(item.targetOrigin)),
                ("trend", .optional(item.trend?.rawValue)),
                ("value_text", .optional(item.latest.map(Self.valueText))),
                ("source", .optional(item.latest.flatMap { $0.source.isEmpty ? nil : $0.source })),
                ("source_url", .optional(item.latest.flatMap(Self.sourceURL))),
                ("note", .optional(item.latest.flatMap { $0.note.isEmpty ? nil : $0.note })),
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
                            return .object([
                                ("year", .int(row.year)), ("value", v), ("value_text", .string(Self.valueText(row))),
                            ])
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

    /// Where a target comes from, as the downloads name it (`benchmark`, `local`); empty for none.
    static func kind(_ origin: TargetOrigin?) -> String {
        origin?.kind.rawValue ?? ""
    }

    /// The value as it was written (`97.00`), or in its plain form when the row was not read from a
    /// file; `NR`, `yes` and `no` in one spelling.
    static func valueText(_ o: Observation) -> String {
        switch o.value {
        case .number(let n): o.valueText.isEmpty ? CSVText.number(n) : o.valueText
        case .yesNo(let b): b ? "yes" : "no"
        case .notReported: "NR"
        case .notApplicable: "N/A"
        }
    }

    /// The row's `x-source-url`, or its source when that is a web address.
    static func sourceURL(_ o: Observation) -> String? {
        if let url = o.extra["x-source-url"], !url.isEmpty { return url }
        let source = o.source.lowercased()
        return source.hasPrefix("https://") || source.hasPrefix("http://") ? o.source : nil
    }

    /// The `status` of a row of `results.csv` that is not its item's latest: earlier years give
    /// the trend, and only the latest is scored.
    static let earlierYear = "earlier-year"

    /// Rows of `results.csv` written per task when it is written on several cores.
    static let resultRowsPerTask = 16_384

    /// Every published value, sorted: first the columns of the results format, as written (drop
    /// the computed ones and the file reads back as a site's results file); then how
    /// each row was scored. Blocks of rows are written on every core and joined in order.
    func resultsCSV(rowsPerTask: Int = resultRowsPerTask) -> String {
        var whole: [UInt8] = []
        resultsCSV(rowsPerTask: rowsPerTask) { whole += $0 }
        return String(decoding: whole, as: UTF8.self)
    }

    /// `results.csv` handed on in parts, in order (the header first): the blocks of rows are made
    /// `blocksPerPart` at a time on every core, so the file is never held whole.
    func resultsCSV(rowsPerTask: Int = resultRowsPerTask, blocksPerPart: Int = 4, part: ([UInt8]) -> Void) {
        let extras = extraColumns()
        var header = CSVWriter()
        header.row(DataColumns.results + extras + DataColumns.resultsComputed)
        part(header.bytes)
        let observations = site.observations
        let rounds = CityRoundIndex(observations)
        let blocks = stride(from: 0, to: observations.count, by: max(1, rowsPerTask)).map {
            $0..<min($0 + max(1, rowsPerTask), observations.count)
        }
        for start in stride(from: 0, to: blocks.count, by: max(1, blocksPerPart)) {
            let batch = Array(blocks[start..<min(start + max(1, blocksPerPart), blocks.count)])
            let rows = Parallel.map(batch) { block in
                // The items of this block's cities only: an index of every item of the site, held
                // while the whole file is written, was 60 MiB at 2,000 cities (issue 20).
                let slice = observations[block]
                return Self.resultRows(
                    slice, extras: extras, items: latestItems(of: Self.cities(in: slice)), rounds: rounds)
            }
            part(Array(rows.joined()))
        }
    }

    /// The cities that have rows in `observations`.
    static func cities(in observations: ArraySlice<Observation>) -> Set<String> {
        var cities = Set<String>()
        var last: String? = nil
        for o in observations where o.city != last {
            cities.insert(o.city)
            last = o.city
        }
        return cities
    }

    /// A scored item by city, KPI and data point.
    struct ItemKey: Hashable, Sendable {
        var city: String
        var kpi: String
        var datapoint: String?
    }

    /// Every item of `cities` that has a row, by city, KPI and data point.
    func latestItems(of cities: Set<String>) -> [ItemKey: ItemScore] {
        var items: [ItemKey: ItemScore] = [:]
        for card in scorecards where cities.contains(card.city.slug) {
            for item in card.items where item.latest != nil {
                items[ItemKey(city: card.city.slug, kpi: item.kpi.code, datapoint: item.datapoint)] = item
            }
        }
        return items
    }

    /// The rows of `results.csv` for `observations`: the input columns as read, then the computed
    /// ones (filled in on the row that was scored, its item's latest).
    static func resultRows(
        _ observations: ArraySlice<Observation>, extras: [String], items: [ItemKey: ItemScore],
        rounds: CityRoundIndex
    ) -> [UInt8] {
        var csv = CSVWriter(capacity: observations.count * 128)
        for o in observations {
            // The input columns in the order of `DataColumns.results`, the header's.
            for column in ResultsColumn.allCases {
                switch column {
                case .city: csv.field(o.city)
                case .kpi: csv.field(o.kpi)
                case .datapoint: csv.field(o.datapoint ?? "")
                case .year: csv.number(Double(o.year))
                case .value:
                    // A number as it was written (`97.00`): a validated numeral, never a formula.
                    if case .number = o.value { csv.numeral(valueText(o)) } else { csv.field(valueText(o)) }
                case .unit: csv.field(o.unit)
                case .source: csv.field(o.source)
                case .note: csv.field(o.note)
                case .quality: csv.field(o.quality?.rawValue ?? "")
                case .verified: csv.field(o.verified.map { $0 ? "yes" : "no" } ?? "")
                case .benchmark: csv.field(o.noBenchmark ? "none" : "")
                case .round: csv.number(Double(rounds.round(of: o)))
                }
            }
            for name in extras { csv.field(o.extra[name] ?? "") }
            let item = items[ItemKey(city: o.city, kpi: o.kpi, datapoint: o.datapoint)]
            if let item, item.latest?.year == o.year, item.latest?.round == o.round {
                let scored = item.points != nil
                let numeric = item.direction != .yesNo
                csv.number(scored && numeric ? item.target : nil)
                csv.field(scored ? kind(item.targetOrigin) : "")
                csv.number(scored ? item.achievement : nil)
                csv.field(item.points.map(String.init) ?? "")
                csv.field(item.band.map { String($0.rawValue) } ?? "")
                csv.field(item.status.rawValue)
            } else {
                // An earlier year of a scored item; nothing at all for a row without an item.
                for _ in 0..<5 { csv.field("") }
                csv.field(item == nil ? "" : earlierYear)
            }
            csv.endRow()
        }
        return csv.bytes
    }

    /// The names of the `x-` columns of any observation, sorted.
    func extraColumns() -> [String] {
        if let extras { return extras }
        var names = Set<String>()
        for o in site.observations where !o.extra.isEmpty { names.formUnion(o.extra.keys) }
        return names.sorted()
    }

    /// The framework as CSV, in the format a site can use as `Content/framework/kpis.csv`.
    func frameworkCSV() -> String {
        var csv = CSVWriter(capacity: site.framework.kpis.count * 1024)
        csv.row(DataColumns.framework)
        for k in site.framework.kpis {
            let directions = k.datapoints.compactMap { point in
                k.datapointDirections[point].map { "\(point): \($0.rawValue)" }
            }
            let cells = [
                "code": k.code, "dimension": k.dimension, "subdimension": k.subdimension, "category": k.category,
                "name": k.name, "datapoints": k.datapoints.joined(separator: ";"), "level": k.level, "kind": k.kind,
                "unit": k.unit, "range": k.range?.text ?? "", "direction": k.direction.rawValue,
                "direction_basis": k.directionBasis, "datapoint_directions": directions.joined(separator: "; "),
                "target_source": k.targetSource, "sdg": k.sdg,
                "description": k.description, "evidence": k.evidence,
            ]
            for column in DataColumns.framework {
                if column == "target" { csv.number(k.target) } else { csv.field(cells[column] ?? "") }
            }
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
    mutating func number(_ value: Double?) { numeral(value.map(CSVText.number) ?? "") }

    /// Appends a number cell as the text it was read from (`97.00`, `-0.5`): the validator has
    /// checked it is a decimal number, so it is written as it is, like `number(_:)`.
    mutating func numeral(_ text: String) {
        if !atRowStart { bytes.append(UInt8(ascii: ",")) }
        atRowStart = false
        CSVText.appendField(text, to: &bytes)
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
