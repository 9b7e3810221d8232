import Diagnostics
import Foundation
import Model
import Reading

/// Checks `results/*.csv` rows against the framework and the cities, and turns them into observations.
struct ResultsValidator {
    static let required = ["city", "kpi", "year", "value"]
    static let optional = ["datapoint", "unit", "source", "note", "quality", "verified"]

    var framework: Framework
    var citySlugs: Set<String>

    struct Key: Hashable {
        var city: String
        var kpi: String
        var datapoint: String?
        var year: Int
    }

    func validate(_ files: [CSVFile], diagnostics: inout [Diagnostic]) -> [Observation] {
        var observations: [Observation] = []
        var seen: [Key: SourceLocation] = [:]
        for file in files {
            let columns = Columns(file, required: Self.required, optional: Self.optional, diagnostics: &diagnostics)
            guard Self.required.allSatisfy(columns.has) else { continue }
            for record in file.table.records {
                guard let observation = observation(record, columns: columns, diagnostics: &diagnostics) else {
                    continue
                }
                let key = Key(
                    city: observation.city, kpi: observation.kpi, datapoint: observation.datapoint,
                    year: observation.year)
                if let first = seen[key] {
                    let what = observation.datapoint.map { "\(observation.kpi) (\($0))" } ?? observation.kpi
                    diagnostics.append(
                        .error(
                            "duplicate row: \(observation.city), \(what), \(observation.year) is already given at \(first.path):\(first.line)",
                            at: record.location, suggestion: "keep one of the two rows"))
                    continue
                }
                seen[key] = record.location
                observations.append(observation)
            }
        }
        return observations
    }

    private func observation(_ record: CSVTable.Record, columns: Columns, diagnostics: inout [Diagnostic])
        -> Observation?
    {
        var ok = true
        if record.fields.count != columns.count && columns.count > 0 {
            diagnostics.append(
                .error(
                    "this row has \(record.fields.count) cells but the header has \(columns.count) columns",
                    at: record.location,
                    suggestion: "check for a missing or extra comma, or a comma inside a cell that is not quoted"))
            ok = false
        }
        let identity = RowIdentity.read(
            record, columns: columns, framework: framework, citySlugs: citySlugs, diagnostics: &diagnostics)
        if identity == nil { ok = false }
        let kpi = identity?.kpi
        let yearText = columns.text("year", in: record)
        let year = Int(yearText)
        if year == nil || yearText.count != 4 || !(1900...2200).contains(year ?? 0) {
            ok = false
            diagnostics.append(
                .error(
                    yearText.isEmpty
                        ? "the year is empty"
                        : "\(yearText.quotedForMessage()) in column \"year\" is not a four-digit year",
                    at: columns.location("year", in: record),
                    suggestion: "write the year the value refers to, e.g. 2020"))
        }
        let valueText = columns.text("value", in: record)
        var value = ObservedValue.notReported
        switch valueText.lowercased() {
        case "", "nr":
            value = .notReported
        case "yes", "no":
            if let kpi, kpi.direction != .yesNo {
                ok = false
                diagnostics.append(
                    .error(
                        "\(valueText.quotedForMessage()) in column \"value\": \(kpi.code) (\(kpi.name)) takes a number, not yes or no",
                        at: columns.location("value", in: record)))
            }
            value = .yesNo(valueText.lowercased() == "yes")
        default:
            if let number = Numbers.decimal(valueText) {
                if let kpi, kpi.direction == .yesNo {
                    ok = false
                    diagnostics.append(
                        .error(
                            "\(valueText.quotedForMessage()) in column \"value\": \(kpi.code) (\(kpi.name)) is answered yes or no",
                            at: columns.location("value", in: record), suggestion: "write yes or no"))
                }
                value = .number(number)
            } else {
                ok = false
                var (message, suggestion) = Numbers.explain(valueText, column: "value")
                if suggestion == nil {
                    suggestion = "write a number with a point as decimal separator, yes/no, or NR for not reported"
                }
                diagnostics.append(.error(message, at: columns.location("value", in: record), suggestion: suggestion))
            }
        }
        let qualityText = columns.text("quality", in: record).lowercased()
        var quality: DataQuality?
        if !qualityText.isEmpty {
            quality = DataQuality(rawValue: qualityText)
            if quality == nil {
                ok = false
                diagnostics.append(
                    .error(
                        "\(qualityText.quotedForMessage()) in column \"quality\" is not a U4SSC data-quality level (\(DataQuality.allCases.map(\.rawValue).joined(separator: ", ")))",
                        at: columns.location("quality", in: record),
                        suggestion: Suggestions.didYouMean(qualityText, in: DataQuality.allCases.map(\.rawValue))))
            }
        }
        let verifiedText = columns.text("verified", in: record).lowercased()
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
                    at: columns.location("verified", in: record)))
        }
        guard ok, let identity, let year else { return nil }
        var extra: [String: String] = [:]
        for column in columns.extra where column.index < record.fields.count {
            extra[column.name] = record.fields[column.index].text
        }
        return Observation(
            city: identity.city, kpi: identity.kpi.code, datapoint: identity.datapoint, year: year, value: value,
            unit: columns.text("unit", in: record), source: columns.text("source", in: record),
            note: columns.text("note", in: record), quality: quality, verified: verified, extra: extra,
            location: record.location)
    }
}
