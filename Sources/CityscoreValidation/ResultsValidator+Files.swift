import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading

/// One results file checked on its own: its rows, and its problems in the order a check of every
/// file reports them. Files are checked apart (on every core, or again only when one changed while
/// serving) and then put together by `ResultsValidator.combine`, which adds what depends on every
/// file: the limit of x- columns across files, the rounds and the duplicate rows.
public struct CheckedResults: Sendable {
    /// The file's site-relative path.
    public var path: String
    /// The problems of reading the file (a file that could not be read has no rows).
    public var readProblems: [Diagnostic] = []
    /// The problems of its header and rows, in file order.
    var diagnostics: [Diagnostic] = []
    /// The rows without errors, in file order, and their sort keys.
    var rows: [Observation] = []
    var keys: [RowOrder.Key] = []
    /// For each row, the count of `diagnostics` after the row's own problems: where its duplicate
    /// error goes.
    var positions: [Int] = []
    /// The x- names of the files before this one that the file was checked with, and those known
    /// after it.
    var extrasBefore: Set<String> = []
    var extrasAfter: Set<String> = []
    /// Every x- name of the file's header.
    var extraNames: Set<String> = []

    /// A file without rows (one that could not be read).
    public init(path: String, readProblems: [Diagnostic] = []) {
        self.path = path
        self.readProblems = readProblems
    }

    /// Whether the file checked after files whose x- names are `extras` gives what it gave when it
    /// was checked: the same names before it, or room for every one of its names either way.
    func holds(after extras: Set<String>) -> Bool {
        extras == extrasBefore
            || (extras.union(extraNames).count <= Columns.extraLimit
                && extrasBefore.union(extraNames).count <= Columns.extraLimit)
    }
}

extension ResultsValidator {
    /// One file's header and rows checked, after files whose x- names are `extras`; the table is not kept.
    func check(_ file: CSVFile, extras: Set<String>) -> CheckedResults {
        var checked = CheckedResults(path: file.path)
        checked.extrasBefore = extras
        var seen = extras
        let columns = Columns(
            file, required: Self.required, optional: Self.optional, extras: &seen, diagnostics: &checked.diagnostics)
        checked.extrasAfter = seen
        checked.extraNames = columns.extraNames
        guard Self.required.allSatisfy(columns.has) else { return checked }
        let cells = Cells(columns, order: order, framework: framework, citySlugs: citySlugs)
        // Rows with the same data point, unit, source, note and x- cells hold them once: shared as
        // each block of rows is checked, so that a file's rows never hold a copy each.
        let labels = Locked(Observation.LabelPool())
        let rows = RowBlocks.check(file.table.records) {
            observation($0, cells: cells, diagnostics: &$1)
        } finish: {
            block in
            labels.withLock { pool in
                for row in block { row.value?.observation.shareLabels(in: &pool) }
            }
        }
        for row in rows {
            checked.diagnostics += row.diagnostics
            guard let (observation, key) = row.value else { continue }
            checked.rows.append(observation)
            checked.keys.append(key)
            checked.positions.append(checked.diagnostics.count)
        }
        return checked
    }

    /// The files of `deferred` read and checked on every core, each table dropped once its rows
    /// are checked, so that at most one table per core is held; the reading problems of every
    /// file, in file order, go into `readProblems`.
    func validate(
        _ deferred: DeferredResults, readProblems: inout [Diagnostic], diagnostics: inout [Diagnostic]
    ) -> [Observation] {
        let checked = checkEach(deferred.paths, in: deferred)
        for file in checked { readProblems += file.readProblems }
        return combine(checked, rereading: deferred, diagnostics: &diagnostics)
    }

    /// `combine` of files checked from `deferred`, a file whose x- columns meet the limit
    /// differently being read from `deferred` and checked again.
    func combine(_ files: [CheckedResults], rereading deferred: DeferredResults, diagnostics: inout [Diagnostic])
        -> [Observation]
    {
        combine(files, diagnostics: &diagnostics) { path, extras in
            deferred.read(path).0.map { check($0, extras: extras) }
        }
    }

    /// The files at `paths` of `deferred`, each read and checked on its own (after no x- names).
    func checkEach(_ paths: [String], in deferred: DeferredResults) -> [CheckedResults] {
        Parallel.map(paths) { path in
            let (file, problems) = deferred.read(path)
            var checked = file.map { check($0, extras: []) } ?? CheckedResults(path: path)
            checked.readProblems = problems
            return checked
        }
    }

    /// The rows of every file (in the order of `files`, as one check of every file in that order
    /// gives them) sorted by city, KPI, data point and year, duplicates reported and left out. A
    /// file whose x- columns meet the limit differently after the files before it is checked again
    /// by `recheck` (path, x- names before it; nil: the file is gone and gives nothing).
    func combine(
        _ files: [CheckedResults], diagnostics: inout [Diagnostic],
        recheck: (String, Set<String>) -> CheckedResults?
    ) -> [Observation] {
        // Room for every row up front: growing by doubling would leave up to twice the room needed.
        let count = files.reduce(0) { $0 + $1.rows.count }
        var observations: [Observation] = []
        observations.reserveCapacity(count)
        var keys: [RowOrder.Key] = []
        keys.reserveCapacity(count)
        // Where each row's duplicate error would go among the diagnostics (after the row's own).
        var positions: [Int] = []
        positions.reserveCapacity(count)
        var extras = Set<String>()
        for given in files {
            var file = given
            if !file.holds(after: extras) {
                file = recheck(file.path, extras) ?? CheckedResults(path: file.path)
                extras = file.extrasAfter
            } else if file.extrasBefore == extras {
                extras = file.extrasAfter
            } else {
                extras.formUnion(file.extraNames)
            }
            let base = diagnostics.count
            diagnostics += file.diagnostics
            observations += file.rows
            keys += file.keys
            positions += file.positions.map { $0 + base }
        }
        // A city's rows read without a round (files without the column) are one round, named by their
        // latest year, as scoring takes them: a row given with that round duplicates one of them.
        let rounds = CityRoundIndex(observations)
        for i in observations.indices where observations[i].round == nil {
            keys[i].datapointAndYear |= UInt64(UInt32(clamping: rounds.round(of: observations[i])) & 0xFFFFF) << 12
        }
        let duplicates = DuplicateRows(keys: keys, positions: positions, diagnostics: &diagnostics) { row, first in
            let observation = observations[row]
            let earlier = observations[first].location
            let what = observation.datapoint.map { "\(observation.kpi) (\($0))" } ?? observation.kpi
            return .error(
                "duplicate row: \(observation.city), \(what), \(observation.year) is already given at \(earlier.path):\(earlier.line)",
                at: observation.location, suggestion: "keep one of the two rows", code: .duplicateRow)
        }
        if duplicates.kept.count == observations.count {
            observations.rearrange(takingFrom: duplicates.kept)
            return observations
        }
        return duplicates.kept.map { observations[$0] }
    }
}
