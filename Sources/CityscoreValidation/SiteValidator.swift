import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreRouting
import CityscoreText

/// The Validation stage: checks the meaning of everything read and returns a `Site` the later stages
/// can trust, or every problem at once.
public struct SiteValidator: Sendable {
    /// Page slugs the generated site uses itself: the first folder of every path it writes
    /// (derived from the page kinds and `URLs` by the Routing stage).
    public static var reservedSlugs: Set<String> { RouteTable.reservedSlugs }

    /// `--base-url`, which wins over `site.yml`.
    public var baseURLOverride: String?

    /// The year now: values for a later year are refused. Used for that check only, so the output
    /// does not depend on the date.
    public var currentYear: Int

    /// Creates a validator; `currentYear` defaults to the year now (UTC).
    public init(baseURLOverride: String? = nil, currentYear: Int? = nil) {
        self.baseURLOverride = baseURLOverride
        self.currentYear = currentYear ?? Plausibility.currentYear()
    }

    /// Validates `source`; the site is nil when any error was found. Given the only copy of
    /// `source` (`validate(consume source)`), the CSV tables are freed as soon as they are checked.
    public func validate(_ source: consuming SiteSource) -> (Site?, [Diagnostic]) {
        let (site, diagnostics) = validateAll(consume source)
        return (diagnostics.contains { $0.severity == .error } ? nil : site, diagnostics)
    }

    /// Validates `source` and returns the site of everything read, even when errors were found, so
    /// that the checks that do not need valid data (links, anchors, templates) run in the same pass.
    /// With errors the site is only fit for those checks, never for a build: rows and documents
    /// with errors are left out, and a city whose front matter has errors stands in with its file
    /// name as its name (so that links to it are not reported a second time).
    public func validateAll(_ source: consuming SiteSource) -> (Site, [Diagnostic]) {
        var readProblems: [Diagnostic] = []
        let (site, diagnostics) = validateAll(consume source, readProblems: &readProblems)
        return (site, readProblems + diagnostics)
    }

    /// `validateAll(source)` of a source whose results files are read here, one at a time
    /// (`SiteSource.deferredResults`): the problems of reading them are put into `readProblems` (the
    /// reader's) where reading them all first would have put them.
    public func validateAll(_ source: consuming SiteSource, readProblems: inout [Diagnostic]) -> (Site, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let themeParams = Keys.themeParams(source.theme)
        let config = ConfigValidator().validate(
            source.config, baseURLOverride: baseURLOverride, themeParams: themeParams, diagnostics: &diagnostics)
        let framework = FrameworkValidator().validate(source.framework, diagnostics: &diagnostics)

        let documents = DocumentValidator(themeParams: themeParams)
        var cities: [City] = []
        for file in source.cities {
            if let city = documents.city(file, diagnostics: &diagnostics) { cities.append(city) }
        }
        // A city file that could not be read or whose front matter has errors stands in with its
        // file name, for the checks that go on (its own error is reported; links to it are not).
        let named = Set(cities.map(\.slug))
        for name in source.cityFileNames where Slug.isValid(name) && !named.contains(name) {
            let path = "Content/cities/\(name).md"
            let file = source.cities.first { $0.name == name }
            var reported: [Diagnostic] = []
            let document =
                file.map { documents.document($0, diagnostics: &reported) }
                ?? Document(path: path, body: "", slug: name)
            cities.append(City(slug: name, name: name, document: document))
        }
        // Every city file with a valid name counts as a city, even when its front matter has errors,
        // so that one broken file does not cause a cascade of "unknown city" errors.
        let slugs = Set(source.cityFileNames.filter(Slug.isValid))
        for i in cities.indices {
            for (index, peer) in cities[i].peers.enumerated() where !slugs.contains(peer) || peer == cities[i].slug {
                diagnostics.append(
                    .error(
                        peer == cities[i].slug ? "a city cannot be its own peer" : "unknown peer city \"\(peer)\"",
                        at: source.cities.first { $0.path == cities[i].document.path }?.frontMatter.fields
                            .location(of: "peers", item: index) ?? SourceLocation(path: cities[i].document.path),
                        suggestion: Suggestions.didYouMean(peer, in: slugs.sorted()), code: .unknownPeer))
            }
            if let narratives = source.cityNarratives[cities[i].slug] {
                for file in narratives {
                    let slug = Slug.make(file.name)
                    if framework.dimension(slug: slug) == nil {
                        diagnostics.append(
                            .error(
                                "\(file.name).md is not a dimension: narratives per dimension are named \(framework.dimensions.map { $0.slug + ".md" }.joined(separator: ", "))",
                                at: SourceLocation(path: file.path, line: 1, column: 1),
                                suggestion: Suggestions.didYouMean(file.name, in: framework.dimensions.map(\.slug)),
                                code: .unknownDimension))
                        continue
                    }
                    let document = documents.document(file, diagnostics: &diagnostics)
                    if !document.draft { cities[i].dimensionNarratives[slug] = document }
                }
            }
        }
        let paths = OutputPaths(framework: framework, perKPIFiles: config.params["chart_files"] == "all")
        for city in cities {
            if let problem = OutputPaths.check(
                paths.longestCityPath(city.slug), slug: city.slug, what: "city slug",
                at: SourceLocation(path: city.document.path, line: 0, column: 0),
                fix: { "rename the file to a shorter one, e.g. \($0).md" })
            {
                diagnostics.append(problem)
            }
        }
        for folder in source.cityNarratives.keys.sorted() where !slugs.contains(folder) {
            diagnostics.append(
                .error(
                    "the folder Content/cities/\(folder)/ has no city: add Content/cities/\(folder).md",
                    at: SourceLocation(path: "Content/cities/\(folder)", line: 0, column: 0),
                    suggestion: Suggestions.didYouMean(folder, in: slugs.sorted()), code: .orphanFolder))
        }

        var pages: [Document] = []
        var pageSlugs: [String: String] = [:]
        for file in source.pages {
            let page = documents.document(file, diagnostics: &diagnostics)
            if page.draft { continue }
            if page.slug == "index" {
                pages.append(page)
                continue
            }
            // The other languages' pages live under `<language>/`: those folders are taken too.
            if Self.reservedSlugs.contains(page.slug)
                || source.languageSources.languages.dropFirst().contains(page.slug)
            {
                diagnostics.append(
                    .error(
                        "the page slug \"\(page.slug)\" is used by the site itself; choose another",
                        at: file.frontMatter.fields.location(of: "slug"), code: .reservedSlug))
                continue
            }
            if let other = pageSlugs[page.slug] {
                diagnostics.append(
                    .error(
                        "two pages have the slug \"\(page.slug)\" (the other is \(other))",
                        at: SourceLocation(path: file.path), code: .duplicateSlug))
                continue
            }
            if let problem = OutputPaths.check(
                OutputPaths.pagePath(page.slug), slug: page.slug, what: "page slug",
                at: file.frontMatter.fields.keys.contains("slug")
                    ? file.frontMatter.fields.location(of: "slug")
                    : SourceLocation(path: file.path, line: 0, column: 0),
                fix: { "set a shorter slug in the front matter, e.g. \"slug: \($0)\"" })
            {
                diagnostics.append(problem)
                continue
            }
            pageSlugs[page.slug] = file.path
            pages.append(page)
        }
        pages.sort { ($0.weight, $0.slug) < ($1.weight, $1.slug) }

        // The tables are handed over, not copied, so that each can be freed once it is checked.
        let order = RowOrder(citySlugs: slugs, framework: framework)
        let resultsValidator = ResultsValidator(
            framework: framework, citySlugs: slugs, order: order, currentYear: currentYear)
        let observations: [Observation]
        if let deferred = source.deferredResults {
            // Each file read, checked and dropped in turn: only its validated rows are kept.
            source.deferredResults = nil
            var problems: [Diagnostic] = []
            observations = resultsValidator.validate(deferred, readProblems: &problems, diagnostics: &diagnostics)
            readProblems = deferred.merged(problems, into: readProblems)
        } else {
            let results = source.results
            source.results = []
            observations = resultsValidator.validate(consume results, diagnostics: &diagnostics)
        }
        let targetFiles = source.targets
        source.targets = []
        let targets = TargetsValidator(framework: framework, citySlugs: slugs, order: order)
            .validate(consume targetFiles, diagnostics: &diagnostics)

        let actions = ActionValidator(framework: framework, citySlugs: slugs, themeParams: themeParams)
            .validate(source.actions, diagnostics: &diagnostics)

        let site = Site(
            config: config, framework: framework, cities: cities.sorted { $0.slug < $1.slug },
            observations: observations, targets: targets, pages: pages, assets: source.assets, actions: actions)
        var translated = site
        translated.translations = TranslationValidator(documents: documents).validate(
            source.languageSources, site: site, config: source.config, theme: source.theme, diagnostics: &diagnostics)
        translated.config.languages = source.languageSources.languages
        return (translated, diagnostics)
    }
}
