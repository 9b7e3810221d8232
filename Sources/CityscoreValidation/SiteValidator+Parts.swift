import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText

/// The results and targets of a site, checked: what `serve` keeps between edits, each results file's
/// rows apart, so that an edit of one results file reads and checks that file alone.
public struct CheckedData: Sendable {
    /// Each results file checked on its own, in path order (empty when the source held the tables).
    public var results: [CheckedResults] = []
    /// The rows of every results file, as `validateAll` gives them.
    public var observations: [Observation] = []
    /// The targets of every targets file, as `validateAll` gives them.
    public var targets: [LocalTarget] = []
    /// The problems of reading the results files, then those of checking them.
    public var resultsDiagnostics: [Diagnostic] = []
    /// The problems of checking the targets.
    public var targetsDiagnostics: [Diagnostic] = []

    /// Every problem of the data.
    public var diagnostics: [Diagnostic] { resultsDiagnostics + targetsDiagnostics }

    /// No data checked yet.
    public init() {}
}

extension SiteValidator {
    /// The results and targets rows of `source`, checked as `validateAll` checks them, with their
    /// problems only. With `validateAll` of the source without its tables, this is `validateAll` in
    /// two parts, so that `serve` checks the tables again only when one of them changed. Given the
    /// data of the same site before an edit (`previous`: same framework, same cities, same results
    /// files) and the files the edit changed, only the changed results files are read and checked
    /// again, and the targets only when a targets file changed.
    public func validateData(_ source: SiteSource, previous: CheckedData? = nil, changed: Set<String>? = nil)
        -> CheckedData
    {
        var ignored: [Diagnostic] = []
        let framework = FrameworkValidator().validate(source.framework, diagnostics: &ignored)
        let slugs = Set(source.cityFileNames.filter(Slug.isValid))
        let order = RowOrder(citySlugs: slugs, framework: framework)
        let validator = ResultsValidator(framework: framework, citySlugs: slugs, order: order, currentYear: currentYear)
        var data = CheckedData()
        if let deferred = source.deferredResults {
            if let previous, let changed, previous.results.map(\.path) == deferred.paths {
                let again = deferred.paths.filter(changed.contains)
                var fresh: [String: CheckedResults] = [:]
                for file in validator.checkEach(again, in: deferred) { fresh[file.path] = file }
                data.results = previous.results.map { fresh[$0.path] ?? $0 }
            } else {
                data.results = validator.checkEach(deferred.paths, in: deferred)
            }
            data.resultsDiagnostics = data.results.flatMap(\.readProblems)
            if let previous, let changed, previous.results.map(\.path) == deferred.paths,
                let rows = validator.combine(
                    data.results, replacing: changed, previous: previous.results, previousRows: previous.observations,
                    diagnostics: &data.resultsDiagnostics)
            {
                data.observations = rows
            } else {
                data.observations = validator.combine(
                    data.results, rereading: deferred, diagnostics: &data.resultsDiagnostics)
            }
        } else {
            data.observations = validator.validate(source.results, diagnostics: &data.resultsDiagnostics)
        }
        if let previous, let changed, !changed.contains(where: { $0.hasPrefix("Content/targets/") }) {
            (data.targets, data.targetsDiagnostics) = (previous.targets, previous.targetsDiagnostics)
        } else {
            data.targets = TargetsValidator(framework: framework, citySlugs: slugs, order: order)
                .validate(source.targets, diagnostics: &data.targetsDiagnostics)
        }
        return data
    }
}
