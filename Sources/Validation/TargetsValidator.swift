import Diagnostics
import Foundation
import Model
import Reading

/// Checks `targets/*.csv`: a city's own goals.
struct TargetsValidator {
    static let required = ["city", "kpi", "target"]
    static let optional = ["datapoint", "note"]

    var framework: Framework
    var citySlugs: Set<String>

    struct Key: Hashable {
        var city: String
        var kpi: String
        var datapoint: String?
    }

    func validate(_ files: [CSVFile], diagnostics: inout [Diagnostic]) -> [LocalTarget] {
        var out: [LocalTarget] = []
        var seen: [Key: SourceLocation] = [:]
        for file in files {
            let columns = Columns(file, required: Self.required, optional: Self.optional, diagnostics: &diagnostics)
            guard Self.required.allSatisfy(columns.has) else { continue }
            for record in file.table.records {
                var ok = true
                let city = columns.text("city", in: record)
                if !citySlugs.contains(city) {
                    ok = false
                    diagnostics.append(
                        .error(
                            "unknown city \"\(city)\" in column \"city\": there is no Content/cities/\(city).md",
                            at: columns.location("city", in: record),
                            suggestion: Suggestions.didYouMean(city, in: citySlugs.sorted())))
                }
                let code = columns.text("kpi", in: record)
                let kpi = framework.kpi(code)
                if kpi == nil {
                    ok = false
                    diagnostics.append(
                        .error(
                            "unknown KPI \"\(code)\" in column \"kpi\"", at: columns.location("kpi", in: record),
                            suggestion: Suggestions.didYouMean(code, in: framework.codes)))
                }
                let datapointText = columns.text("datapoint", in: record)
                var datapoint: String? = datapointText.isEmpty ? nil : datapointText
                if let kpi, let given = datapoint {
                    if let match = kpi.datapoints.first(where: { $0.lowercased() == given.lowercased() }) {
                        datapoint = match
                    } else {
                        ok = false
                        diagnostics.append(
                            .error(
                                kpi.datapoints.isEmpty
                                    ? "\(kpi.code) has no data points, but this row gives \"\(given)\""
                                    : "unknown data point \"\(given)\" for \(kpi.code); its data points are \(kpi.datapoints.joined(separator: ", "))",
                                at: columns.location("datapoint", in: record),
                                suggestion: Suggestions.didYouMean(given, in: kpi.datapoints)))
                    }
                }
                let targetText = columns.text("target", in: record)
                let target = Numbers.decimal(targetText)
                if target == nil {
                    ok = false
                    let (message, suggestion) = Numbers.explain(targetText, column: "target")
                    diagnostics.append(
                        .error(
                            targetText.isEmpty ? "the target is empty" : message,
                            at: columns.location("target", in: record), suggestion: suggestion))
                } else if let target, let kpi {
                    if kpi.direction == .yesNo {
                        ok = false
                        diagnostics.append(
                            .error(
                                "\(kpi.code) is answered yes or no and needs no target",
                                at: columns.location("target", in: record), suggestion: "remove this row"))
                    } else if kpi.direction == .higher && target <= 0 {
                        ok = false
                        diagnostics.append(
                            .error(
                                "a target of \(targetText) cannot be used: achievement is value ÷ target, so the target must be above zero",
                                at: columns.location("target", in: record)))
                    } else if kpi.direction == .lower && target < 0 {
                        ok = false
                        diagnostics.append(
                            .error(
                                "a target below zero cannot be used where lower is better (achievement is target ÷ value)",
                                at: columns.location("target", in: record)))
                    }
                }
                guard ok, let kpi, let target else { continue }
                let key = Key(city: city, kpi: kpi.code, datapoint: datapoint)
                if let first = seen[key] {
                    diagnostics.append(
                        .error(
                            "duplicate target: \(city), \(kpi.code)\(datapoint.map { " (\($0))" } ?? "") is already given at \(first.path):\(first.line)",
                            at: record.location))
                    continue
                }
                seen[key] = record.location
                out.append(
                    LocalTarget(
                        city: city, kpi: kpi.code, datapoint: datapoint, target: target,
                        note: columns.text("note", in: record), location: record.location))
            }
        }
        return out
    }
}
