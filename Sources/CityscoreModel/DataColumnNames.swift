/// The input columns of `results/*.csv`, in the order `data/results.csv` and `cityscore import`
/// write them. ``DataColumns/results`` is made from this list; a writer that switches over
/// `allCases` must handle every column, so a new column cannot be forgotten (docs/data-formats.md).
public enum ResultsColumn: String, CaseIterable, Sendable {
    case city, kpi, datapoint, year, value, unit, source, note, quality, verified, benchmark, round
}

/// The columns of `targets/*.csv` (docs/data-formats.md): ``DataColumns/targets``.
public enum TargetsColumn: String, CaseIterable, Sendable {
    case city, kpi, datapoint, target, note, kind
}
