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
                let identity = RowIdentity.read(
                    record, columns: columns, framework: framework, citySlugs: citySlugs, diagnostics: &diagnostics)
                var ok = identity != nil
                let kpi = identity?.kpi
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
                guard ok, let identity, let target else { continue }
                let (city, code, datapoint) = (identity.city, identity.kpi.code, identity.datapoint)
                let key = Key(city: city, kpi: code, datapoint: datapoint)
                if let first = seen[key] {
                    diagnostics.append(
                        .error(
                            "duplicate target: \(city), \(code)\(datapoint.map { " (\($0))" } ?? "") is already given at \(first.path):\(first.line)",
                            at: record.location))
                    continue
                }
                seen[key] = record.location
                out.append(
                    LocalTarget(
                        city: city, kpi: code, datapoint: datapoint, target: target,
                        note: columns.text("note", in: record), location: record.location))
            }
        }
        return out
    }
}
