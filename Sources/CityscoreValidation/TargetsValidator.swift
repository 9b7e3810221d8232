import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import Foundation

/// Checks `targets/*.csv`: a city's own goals.
struct TargetsValidator {
    static let required = DataColumns.targetsRequired
    static let optional = DataColumns.optional(DataColumns.targets, besides: required)

    var framework: Framework
    var citySlugs: Set<String>
    var order: RowOrder

    /// Local targets from every file, sorted by city, KPI and data point.
    func validate(_ files: consuming [CSVFile], diagnostics: inout [Diagnostic]) -> [LocalTarget] {
        var out: [LocalTarget] = []
        var keys: [RowOrder.Key] = []
        // Where each row's duplicate error would go among the diagnostics (after the row's own).
        var positions: [Int] = []
        files.reverse()
        while let file = files.popLast() {
            let columns = Columns(file, required: Self.required, optional: Self.optional, diagnostics: &diagnostics)
            guard Self.required.allSatisfy(columns.has) else { continue }
            let cells = Cells(columns, order: order, framework: framework, citySlugs: citySlugs)
            for row in RowBlocks.check(file.table.records, { target($0, cells: cells, diagnostics: &$1) }) {
                diagnostics += row.diagnostics
                guard let (target, key) = row.value else { continue }
                keys.append(key)
                positions.append(diagnostics.count)
                out.append(target)
            }
        }
        let duplicates = DuplicateRows(keys: keys, positions: positions, diagnostics: &diagnostics) { row, first in
            let target = out[row]
            let earlier = out[first].location
            return .error(
                "duplicate target: \(target.city), \(target.kpi)\(target.datapoint.map { " (\($0))" } ?? "") is already given at \(earlier.path):\(earlier.line)",
                at: target.location, code: .duplicateRow)
        }
        return duplicates.kept.map { out[$0] }
    }

    /// The columns of one targets file, looked up once.
    struct Cells: Sendable {
        var identity: RowIdentity.Reader
        var target, note, kind: Columns.Column
        var columns: Columns { identity.columns }

        init(_ columns: Columns, order: RowOrder, framework: Framework, citySlugs: Set<String>) {
            identity = RowIdentity.Reader(columns: columns, order: order, framework: framework, citySlugs: citySlugs)
            (target, note, kind) = (columns.column("target"), columns.column("note"), columns.column("kind"))
        }
    }

    /// One row's target and sort key, nil when the row has errors (the problems are added).
    private func target(_ record: CSVTable.Record, cells: Cells, diagnostics: inout [Diagnostic])
        -> (target: LocalTarget, key: RowOrder.Key)?
    {
        let columns = cells.columns
        let identity = cells.identity.read(record, diagnostics: &diagnostics)
        var ok = identity != nil
        let kpi = identity?.kpi
        let targetText = columns.text(cells.target, in: record)
        let target = Numbers.decimal(targetText)
        if target == nil {
            ok = false
            let (message, suggestion) = Numbers.explain(targetText, column: "target")
            diagnostics.append(
                .error(
                    targetText.isEmpty ? "the target is empty" : message,
                    at: columns.location(cells.target, in: record), suggestion: suggestion,
                    code: targetText.isEmpty ? .emptyCell : .notANumber))
        } else if let target, let kpi {
            let direction = kpi.direction(for: identity?.datapoint)
            if direction == .yesNo {
                ok = false
                diagnostics.append(
                    .error(
                        "\(kpi.code) is answered yes or no and needs no target",
                        at: columns.location(cells.target, in: record), suggestion: "remove this row",
                        code: .targetNotNeeded))
            } else if direction == .higher && target <= 0 {
                ok = false
                diagnostics.append(
                    .error(
                        "a target of \(targetText) cannot be used: achievement is value ÷ target, so the target must be above zero",
                        at: columns.location(cells.target, in: record), code: .invalidTarget))
            } else if direction == .lower && target < 0 {
                ok = false
                diagnostics.append(
                    .error(
                        "a target below zero cannot be used where lower is better (achievement is target ÷ value)",
                        at: columns.location(cells.target, in: record), code: .invalidTarget))
            }
        }
        // `kind`: where the goal comes from; `local` (the city's own) when the column is absent or empty.
        let kindText = columns.text(cells.kind, in: record).lowercased()
        let kind = kindText.isEmpty ? TargetKind.local : TargetKind(rawValue: kindText)
        if kind == nil {
            ok = false
            let kinds = TargetKind.allCases.map(\.rawValue)
            diagnostics.append(
                .error(
                    "\(kindText.quotedForMessage()) in column \"kind\" is not a kind of target (\(kinds.joined(separator: ", ")))",
                    at: columns.location(cells.kind, in: record),
                    suggestion: Suggestions.didYouMean(kindText, in: kinds), code: .invalidValue))
        }
        guard ok, let identity, let target, let kind else { return nil }
        let ranks = identity.ranks
        let local = LocalTarget(
            city: identity.city, kpi: identity.kpi.code, datapoint: identity.datapoint, target: target,
            note: columns.text(cells.note, in: record), kind: kind, location: record.location)
        return (local, RowOrder.key(city: ranks.city, kpi: ranks.kpi, datapoint: ranks.datapoint, year: 0))
    }
}
