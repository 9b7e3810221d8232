import CityscoreDiagnostics
import CityscoreModel

extension ResultsValidator {
    /// `combine(files, …)` of results files of which only those at `changed` were checked again
    /// since `previous` (the files before, and `previousRows` their combined rows), when each of
    /// them gives rows of the same keys in the same order (values, sources, notes, quality
    /// corrected; no row added, removed or moved): every row then sorts where its old row did, so
    /// the combined rows are the old ones with those rows put in place, without sorting half a
    /// million rows again. Nil when that does not hold (rows added or moved, x- columns that
    /// changed, duplicate rows, a file that `combine` would check again): `combine` then.
    func combine(
        _ files: [CheckedResults], replacing changed: Set<String>, previous: [CheckedResults],
        previousRows: [Observation], diagnostics: inout [Diagnostic]
    ) -> [Observation]? {
        guard files.count == previous.count else { return nil }
        var replaced: [ObjectIdentifier: Observation] = [:]
        var extras = Set<String>()
        var rowCount = 0
        for (file, old) in zip(files, previous) {
            guard file.path == old.path else { return nil }
            // As `combine` goes, without a file to check again (the old files went the same way).
            guard file.holds(after: extras) else { return nil }
            extras = file.extrasBefore == extras ? file.extrasAfter : extras.union(file.extraNames)
            rowCount += old.rows.count
            guard changed.contains(file.path) else { continue }
            guard file.keys == old.keys, file.rows.count == old.rows.count, file.extrasBefore == old.extrasBefore,
                file.extrasAfter == old.extrasAfter, file.extraNames == old.extraNames
            else { return nil }
            for (before, after) in zip(old.rows, file.rows) where !before.isIdentical(to: after) {
                replaced[before.identity] = after
            }
        }
        // The old rows held no duplicates: each row is where its key sorts, and its new row too.
        guard rowCount == previousRows.count else { return nil }
        var rows = previousRows
        var found = 0
        if !replaced.isEmpty {
            for i in rows.indices {
                if let row = replaced[rows[i].identity] {
                    rows[i] = row
                    found += 1
                }
            }
        }
        guard found == replaced.count else { return nil }
        for file in files { diagnostics += file.diagnostics }
        return rows
    }
}
