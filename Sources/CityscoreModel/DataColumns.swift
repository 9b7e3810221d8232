/// The columns of each CSV data format, in the order the downloads write them: one list per
/// format, used by its validator (which columns exist, which are required) and by its writer (which
/// columns, in which order), and described column by column in `data/datapackage.json`.
public enum DataColumns {
    /// `results/*.csv` and the input part of `data/results.csv`.
    public static let results = ResultsColumn.allCases.map(\.rawValue)
    /// The columns a results file must have.
    public static let resultsRequired = ["city", "kpi", "year", "value"]
    /// What `data/results.csv` adds after the input columns (and any `x-` columns): how each row
    /// was scored, so that anyone can recompute every score.
    public static let resultsComputed = ["target", "target_kind", "achievement", "points", "band", "status"]

    /// `framework/kpis.csv` and `data/framework.csv`.
    public static let framework = [
        "code", "dimension", "subdimension", "category", "name", "datapoints", "level", "kind", "unit", "range",
        "direction", "direction_basis", "datapoint_directions", "target", "target_source", "sdg", "description",
        "evidence",
    ]
    /// The columns a framework file must have.
    public static let frameworkRequired = ["code", "dimension", "subdimension", "category", "name", "direction"]

    /// `data/actions.csv`: one row per action of `Content/actions/` (kpis, sdgs and links joined by
    /// `; `).
    public static let actions = ActionsColumn.allCases.map(\.rawValue)

    /// `targets/*.csv`.
    public static let targets = TargetsColumn.allCases.map(\.rawValue)
    /// The columns a targets file must have.
    public static let targetsRequired = ["city", "kpi", "target"]

    /// The columns of `list` that are not in `required`, in order.
    public static func optional(_ list: [String], besides required: [String]) -> [String] {
        list.filter { !required.contains($0) }
    }
}
