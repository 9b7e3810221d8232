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
    var order: RowOrder

    /// Local targets from every file, sorted by city, KPI and data point.
    func validate(_ files: consuming [CSVFile], diagnostics: inout [Diagnostic]) -> [LocalTarget] {
        var out: [LocalTarget] = []
        var keys: [RowOrder.Key] = []
        var seen: [RowOrder.Key: SourceLocation] = [:]
        files.reverse()
        while let file = files.popLast() {
            let columns = Columns(file, required: Self.required, optional: Self.optional, diagnostics: &diagnostics)
            guard Self.required.allSatisfy(columns.has) else { continue }
            let identities = RowIdentity.Reader(
                columns: columns, order: order, framework: framework, citySlugs: citySlugs)
            let (targetColumn, noteColumn) = (columns.column("target"), columns.column("note"))
            for record in file.table.records {
                let identity = identities.read(record, diagnostics: &diagnostics)
                var ok = identity != nil
                let kpi = identity?.kpi
                let targetText = columns.text(targetColumn, in: record)
                let target = Numbers.decimal(targetText)
                if target == nil {
                    ok = false
                    let (message, suggestion) = Numbers.explain(targetText, column: "target")
                    diagnostics.append(
                        .error(
                            targetText.isEmpty ? "the target is empty" : message,
                            at: columns.location(targetColumn, in: record), suggestion: suggestion))
                } else if let target, let kpi {
                    if kpi.direction == .yesNo {
                        ok = false
                        diagnostics.append(
                            .error(
                                "\(kpi.code) is answered yes or no and needs no target",
                                at: columns.location(targetColumn, in: record), suggestion: "remove this row"))
                    } else if kpi.direction == .higher && target <= 0 {
                        ok = false
                        diagnostics.append(
                            .error(
                                "a target of \(targetText) cannot be used: achievement is value ÷ target, so the target must be above zero",
                                at: columns.location(targetColumn, in: record)))
                    } else if kpi.direction == .lower && target < 0 {
                        ok = false
                        diagnostics.append(
                            .error(
                                "a target below zero cannot be used where lower is better (achievement is target ÷ value)",
                                at: columns.location(targetColumn, in: record)))
                    }
                }
                guard ok, let identity, let target else { continue }
                let (city, code, datapoint) = (identity.city, identity.kpi.code, identity.datapoint)
                let ranks = identity.ranks
                let key = RowOrder.key(city: ranks.city, kpi: ranks.kpi, datapoint: ranks.datapoint, year: 0)
                if let first = seen[key] {
                    diagnostics.append(
                        .error(
                            "duplicate target: \(city), \(code)\(datapoint.map { " (\($0))" } ?? "") is already given at \(first.path):\(first.line)",
                            at: record.location))
                    continue
                }
                seen[key] = record.location
                keys.append(key)
                out.append(
                    LocalTarget(
                        city: city, kpi: code, datapoint: datapoint, target: target,
                        note: columns.text(noteColumn, in: record), location: record.location))
            }
        }
        out.sort(byUniqueKeys: keys)
        return out
    }
}
