import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText
import Foundation

/// Reads the framework table (`kpis.csv`) into a `Framework`.
struct FrameworkValidator {
    static let required = DataColumns.frameworkRequired
    static let optional = DataColumns.optional(DataColumns.framework, besides: required)

    func validate(_ file: CSVFile, diagnostics: inout [Diagnostic]) -> Framework {
        let columns = Columns(file, required: Self.required, optional: Self.optional, diagnostics: &diagnostics)
        var kpis: [KPI] = []
        var seen: [String: SourceLocation] = [:]
        for record in file.table.records {
            let code = columns.text("code", in: record)
            let at = columns.location("code", in: record)
            guard !code.isEmpty else {
                diagnostics.append(.error("the KPI code is empty", at: at, code: .emptyCell))
                continue
            }
            if let first = seen[code] {
                diagnostics.append(
                    .error(
                        "the KPI \"\(code)\" is defined twice (first at line \(first.line))", at: at,
                        code: .duplicateKPI))
                continue
            }
            seen[code] = at
            let directionText = columns.text("direction", in: record).lowercased()
            guard let direction = Direction(rawValue: directionText) else {
                diagnostics.append(
                    .error(
                        "the direction \"\(directionText)\" is not one of higher, lower, yes-no",
                        at: columns.location("direction", in: record),
                        suggestion: Suggestions.didYouMean(directionText, in: Direction.allCases.map(\.rawValue)),
                        code: .invalidDirection))
                continue
            }
            var target: Double?
            let targetText = columns.text("target", in: record)
            if !targetText.isEmpty {
                if let value = Numbers.decimal(targetText) {
                    if value <= 0 && direction == .higher {
                        diagnostics.append(
                            .error(
                                "a benchmark target of \(targetText) cannot be used: achievement is value ÷ target, so the target must be above zero",
                                at: columns.location("target", in: record), code: .invalidTarget))
                    } else if value < 0 && direction == .lower {
                        diagnostics.append(
                            .error(
                                "a benchmark target below zero cannot be used for a KPI where lower is better",
                                at: columns.location("target", in: record), code: .invalidTarget))
                    } else {
                        target = value
                    }
                } else {
                    let (message, suggestion) = Numbers.explain(targetText, column: "target")
                    diagnostics.append(
                        .error(
                            message, at: columns.location("target", in: record), suggestion: suggestion,
                            code: .notANumber))
                }
            }
            for name in ["dimension", "subdimension", "category", "name"] where columns.text(name, in: record).isEmpty {
                diagnostics.append(
                    .error("the \(name) of \(code) is empty", at: columns.location(name, in: record), code: .emptyCell))
            }
            let datapoints = columns.text("datapoints", in: record).split(separator: ";")
                .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            let datapointDirections = Self.datapointDirections(
                columns.text("datapoint_directions", in: record), code: code, datapoints: datapoints,
                at: columns.location("datapoint_directions", in: record), diagnostics: &diagnostics)
            var range: ValueRange?
            let rangeText = columns.text("range", in: record)
            if !rangeText.isEmpty {
                range = Plausibility.parseRange(rangeText)
                if range == nil {
                    diagnostics.append(
                        .error(
                            "\(rangeText.quotedForMessage()) in column \"range\" is not a range of values",
                            at: columns.location("range", in: record),
                            suggestion:
                                "write the lowest and highest possible value with two points between them: 0..100, 0.. for 0 or more, .. for any value",
                            code: .invalidRange
                        ))
                }
            }
            kpis.append(
                KPI(
                    code: code, name: columns.text("name", in: record), datapoints: datapoints,
                    level: columns.text("level", in: record), kind: columns.text("kind", in: record),
                    unit: columns.text("unit", in: record), direction: direction,
                    datapointDirections: datapointDirections, range: range,
                    directionBasis: columns.text("direction_basis", in: record), target: target,
                    targetSource: columns.text("target_source", in: record), sdg: columns.text("sdg", in: record),
                    description: columns.text("description", in: record),
                    evidence: columns.text("evidence", in: record),
                    dimension: columns.text("dimension", in: record),
                    subdimension: columns.text("subdimension", in: record),
                    category: columns.text("category", in: record), location: at))
        }
        if kpis.isEmpty && !diagnostics.contains(where: { $0.location.path == file.path }) {
            diagnostics.append(.error("the framework has no KPIs", at: SourceLocation(path: file.path), code: .noKPIs))
        }
        return Framework(kpis: kpis, origin: file.path)
    }

    /// The `datapoint_directions` cell (`landfill: lower; recycled: higher`): the data points whose
    /// direction differs from the KPI's.
    static func datapointDirections(
        _ text: String, code: String, datapoints: [String], at location: SourceLocation,
        diagnostics: inout [Diagnostic]
    ) -> [String: Direction] {
        var directions: [String: Direction] = [:]
        for part in text.split(separator: ";").map({ String($0).trimmingSpaces }) where !part.isEmpty {
            guard let colon = part.lastIndex(of: ":") else {
                diagnostics.append(
                    .error(
                        "\(part.quotedForMessage()) in column \"datapoint_directions\" does not say which data point has which direction",
                        at: location,
                        suggestion: "write the data point, a colon and its direction, e.g. landfill: lower",
                        code: .invalidDatapointDirections))
                continue
            }
            let name = String(part[..<colon]).trimmingSpaces
            let directionText = String(part[part.index(after: colon)...]).trimmingSpaces.lowercased()
            guard datapoints.contains(name) else {
                diagnostics.append(
                    .error(
                        datapoints.isEmpty
                            ? "\(code) has no data points, so \(name.quotedForMessage()) cannot have its own direction"
                            : "\(name.quotedForMessage()) is not a data point of \(code) (its data points are \(datapoints.joined(separator: ", ")))",
                        at: location, suggestion: Suggestions.didYouMean(name, in: datapoints), code: .unknownDatapoint)
                )
                continue
            }
            guard let direction = Direction(rawValue: directionText) else {
                diagnostics.append(
                    .error(
                        "the direction \(directionText.quotedForMessage()) of \(name) is not one of higher, lower, yes-no",
                        at: location,
                        suggestion: Suggestions.didYouMean(directionText, in: Direction.allCases.map(\.rawValue)),
                        code: .invalidDirection))
                continue
            }
            guard directions.updateValue(direction, forKey: name) == nil else {
                diagnostics.append(
                    .error(
                        "the data point \(name) is given a direction twice", at: location, suggestion: "keep one",
                        code: .invalidDatapointDirections))
                continue
            }
        }
        return directions
    }
}
