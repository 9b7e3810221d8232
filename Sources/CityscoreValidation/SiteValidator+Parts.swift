import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText

extension SiteValidator {
    /// The results and targets rows of `source`, checked as `validateAll` checks them, with their
    /// problems only. With `validateAll` of the source without its tables, this is `validateAll` in
    /// two parts, so that `serve` checks the tables again only when one of them changed.
    public func validateData(_ source: SiteSource) -> (
        observations: [Observation], targets: [LocalTarget], diagnostics: [Diagnostic]
    ) {
        var ignored: [Diagnostic] = []
        let framework = FrameworkValidator().validate(source.framework, diagnostics: &ignored)
        let slugs = Set(source.cityFileNames.filter(Slug.isValid))
        let order = RowOrder(citySlugs: slugs, framework: framework)
        var diagnostics: [Diagnostic] = []
        let observations = ResultsValidator(
            framework: framework, citySlugs: slugs, order: order, currentYear: currentYear
        ).validate(source.results, diagnostics: &diagnostics)
        let targets = TargetsValidator(framework: framework, citySlugs: slugs, order: order)
            .validate(source.targets, diagnostics: &diagnostics)
        return (observations, targets, diagnostics)
    }
}
