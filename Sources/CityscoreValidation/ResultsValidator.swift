import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import Foundation

/// Checks `results/*.csv` rows against the framework and the cities, and turns them into observations.
struct ResultsValidator {
    static let required = DataColumns.resultsRequired
    static let optional = DataColumns.optional(DataColumns.results, besides: required)

    var framework: Framework
    var citySlugs: Set<String>
    var order: RowOrder
    /// The year now: a value cannot refer to a later year.
    var currentYear: Int

    /// Observations from every file, sorted by city, KPI, data point and year. Each file's table is
    /// released as soon as it is checked (when the caller gave up its own copy of `files`).
    func validate(_ files: consuming [CSVFile], diagnostics: inout [Diagnostic]) -> [Observation] {
        var checked: [CheckedResults] = []
        checked.reserveCapacity(files.count)
        // The x- columns of every file, for their limit across files.
        var extras = Set<String>()
        files.reverse()
        while let file = files.popLast() {
            checked.append(check(file, extras: extras))
            extras = checked[checked.count - 1].extrasAfter
        }
        return combine(checked, diagnostics: &diagnostics) { _, _ in nil }
    }

    /// The columns of one results file, looked up once.
    struct Cells: Sendable {
        var identity: RowIdentity.Reader
        var year, value, unit, source, note, quality, verified, benchmark, round: Columns.Column
        var columns: Columns { identity.columns }

        init(_ columns: Columns, order: RowOrder, framework: Framework, citySlugs: Set<String>) {
            identity = RowIdentity.Reader(columns: columns, order: order, framework: framework, citySlugs: citySlugs)
            (year, value, unit, source, note) = (
                columns.column("year"), columns.column("value"), columns.column("unit"), columns.column("source"),
                columns.column("note")
            )
            (quality, verified, benchmark, round) = (
                columns.column("quality"), columns.column("verified"), columns.column("benchmark"),
                columns.column("round")
            )
        }
    }

    func observation(_ record: CSVTable.Record, cells: Cells, diagnostics: inout [Diagnostic])
        -> (observation: Observation, key: RowOrder.Key)?
    {
        let columns = cells.columns
        var ok = true
        if record.fields.count != columns.count && columns.count > 0 {
            diagnostics.append(
                .error(
                    "this row has \(record.fields.count) cells but the header has \(columns.count) columns",
                    at: record.location,
                    suggestion: "check for a missing or extra comma, or a comma inside a cell that is not quoted",
                    code: .cellCount))
            // The cells after the slip are in the wrong columns: what they say is not checked.
            return nil
        }
        let identity = cells.identity.read(record, diagnostics: &diagnostics)
        if identity == nil { ok = false }
        let kpi = identity?.kpi
        let direction = kpi?.direction(for: identity?.datapoint)
        let yearText = columns.text(cells.year, in: record)
        let year = Int(yearText)
        // A text that reads as an Int is ASCII, so its byte count is its character count.
        if year == nil || yearText.utf8.count != 4 || !(1900...2200).contains(year ?? 0) {
            ok = false
            diagnostics.append(
                .error(
                    yearText.isEmpty
                        ? "the year is empty"
                        : "\(yearText.quotedForMessage()) in column \"year\" is not a four-digit year",
                    at: columns.location(cells.year, in: record),
                    suggestion: "write the year the value refers to, e.g. 2020",
                    code: yearText.isEmpty ? .emptyCell : .invalidYear))
        } else if let year, year > currentYear {
            ok = false
            diagnostics.append(
                .error(
                    "the year \(yearText) has not begun yet (it is \(currentYear) now)",
                    at: columns.location(cells.year, in: record),
                    suggestion: "write the year the value refers to, e.g. 2020", code: .futureYear))
        }
        let valueText = columns.text(cells.value, in: record)
        var value = ObservedValue.notReported
        switch valueText.lowercased() {
        case "", "nr":
            value = .notReported
        case "n/a", "na":
            value = .notApplicable
        case "yes", "no":
            if let kpi, direction != .yesNo {
                ok = false
                diagnostics.append(
                    .error(
                        "\(valueText.quotedForMessage()) in column \"value\": \(kpi.code) (\(kpi.name)) takes a number, not yes or no",
                        at: columns.location(cells.value, in: record), code: .valueType))
            }
            value = .yesNo(valueText.lowercased() == "yes")
        default:
            if let number = Numbers.decimal(valueText) {
                if let kpi, direction == .yesNo {
                    ok = false
                    diagnostics.append(
                        .error(
                            "\(valueText.quotedForMessage()) in column \"value\": \(kpi.code) (\(kpi.name)) is answered yes or no",
                            at: columns.location(cells.value, in: record), suggestion: "write yes or no",
                            code: .valueType))
                } else if let kpi,
                    let problem = Plausibility.problem(
                        number, text: valueText, kpi: kpi, unit: columns.text(cells.unit, in: record))
                {
                    ok = false
                    diagnostics.append(
                        .error(
                            problem.message, at: columns.location(cells.value, in: record),
                            suggestion: problem.suggestion, code: .implausibleValue))
                }
                value = .number(number)
            } else {
                ok = false
                var (message, suggestion) = Numbers.explain(valueText, column: "value")
                if suggestion == nil {
                    suggestion =
                        "write a number with a point as decimal separator, yes/no, NR for not reported, or N/A for not applicable"
                }
                diagnostics.append(
                    .error(
                        message, at: columns.location(cells.value, in: record), suggestion: suggestion,
                        code: .notANumber))
            }
        }
        let qualityText = columns.text(cells.quality, in: record).lowercased()
        var quality: DataQuality?
        if !qualityText.isEmpty {
            quality = DataQuality(rawValue: qualityText)
            if quality == nil {
                ok = false
                diagnostics.append(
                    .error(
                        "\(qualityText.quotedForMessage()) in column \"quality\" is not a U4SSC data-quality level (\(DataQuality.allCases.map(\.rawValue).joined(separator: ", ")))",
                        at: columns.location(cells.quality, in: record),
                        suggestion: Suggestions.didYouMean(qualityText, in: DataQuality.allCases.map(\.rawValue)),
                        code: .invalidValue))
            }
        }
        let verifiedText = columns.text(cells.verified, in: record).lowercased()
        var verified: Bool?
        switch verifiedText {
        case "": verified = nil
        case "yes", "true": verified = true
        case "no", "false": verified = false
        default:
            ok = false
            diagnostics.append(
                .error(
                    "\(verifiedText.quotedForMessage()) in column \"verified\" must be yes or no",
                    at: columns.location(cells.verified, in: record), code: .invalidValue))
        }
        // `benchmark`: `none` says the KPI has no benchmark (shown, never scored); empty says nothing.
        let benchmarkText = columns.text(cells.benchmark, in: record).lowercased()
        if !benchmarkText.isEmpty && benchmarkText != "none" {
            ok = false
            diagnostics.append(
                .error(
                    "\(benchmarkText.quotedForMessage()) in column \"benchmark\": write none when the report says the KPI has no benchmark, or leave the cell empty",
                    at: columns.location(cells.benchmark, in: record), suggestion: "write none or leave it empty",
                    code: .invalidValue))
        }
        let round = Rounds.read(cells.round, in: record, columns: columns, year: year, currentYear: currentYear)
        if let problem = round.problem {
            ok = false
            diagnostics.append(problem)
        }
        guard ok, let identity, let year else { return nil }
        var extra: [String: String] = [:]
        for column in columns.extra where column.index < record.fields.count {
            extra[column.name] = record.fields[column.index].text
        }
        let observation = Observation(
            city: identity.city, kpi: identity.kpi.code, datapoint: identity.datapoint, year: year, value: value,
            unit: columns.text(cells.unit, in: record), source: columns.text(cells.source, in: record),
            note: columns.text(cells.note, in: record), quality: quality, verified: verified, extra: extra,
            location: record.location, valueText: valueText, noBenchmark: benchmarkText == "none",
            round: round.value)
        let ranks = identity.ranks
        return (
            observation,
            RowOrder.key(
                city: ranks.city, kpi: ranks.kpi, datapoint: ranks.datapoint, year: year, round: round.value ?? 0)
        )
    }
}
