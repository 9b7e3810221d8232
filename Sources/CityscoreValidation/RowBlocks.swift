import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading

/// One row checked: what it gave (nil when it has errors) and its problems.
struct CheckedRow<Value: Sendable>: Sendable {
    var value: Value?
    var diagnostics: [Diagnostic]
}

/// Rows of a table checked in blocks on every core. Each row is checked on its own; the results,
/// and so the problems, keep file order. What depends on earlier rows (duplicates) is left to the
/// caller, one row after another.
enum RowBlocks {
    /// Rows checked per task.
    static let rowsPerTask = 2_048

    /// `check` applied to every record, in blocks of `rowsPerTask`, in record order; `finish` is
    /// given each block's rows on the task that checked them.
    static func check<Value: Sendable>(
        _ records: [CSVTable.Record], rowsPerTask: Int = rowsPerTask,
        _ check: @Sendable (CSVTable.Record, inout [Diagnostic]) -> Value?,
        finish: @Sendable ([CheckedRow<Value>]) -> Void = { _ in }
    ) -> FlattenSequence<[[CheckedRow<Value>]]> {
        let size = max(1, rowsPerTask)
        let blocks = stride(from: 0, to: records.count, by: size).map { $0..<min($0 + size, records.count) }
        return Parallel.map(blocks) { block in
            let rows = block.map { i in
                var problems: [Diagnostic] = []
                let value = check(records[i], &problems)
                return CheckedRow(value: value, diagnostics: problems)
            }
            finish(rows)
            return rows
        }.joined()
    }
}
