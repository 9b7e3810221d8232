import CityscoreCharts
import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreFormatting
import CityscoreMarkdown
import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// What `serve` keeps of one render for the next: the rendered Markdown and which files each
/// output made, so that an edit renders only what depends on it.
public struct RenderMemory: Sendable {
    /// Rendered Markdown by document path.
    public var markdown: [String: RenderedMarkdown] = [:]
    /// The files each output made (a page by its path, a data file by its own path, the theme's
    /// static files under `static/`), so that files an output no longer makes can be removed.
    public var outputs: [String: [String]] = [:]
    /// The compiled templates and their problems, kept until the theme changes (`everything`).
    var templates: (Templates, [Diagnostic])?
    /// The pages' contexts, kept until `everything` changes: each city's card and KPI rows are
    /// made again when its data or facts change, the programme view when scores or actions do.
    var contexts: Contexts?
    /// The rows of `results.csv` by city, so that a change of some cities' data writes theirs alone.
    var resultsCSV: ResultsCSVParts?
    /// The heat maps of every city drawn by the last render (`ChartMemo`).
    var chartDrawings: [ChartMemo.Key: Chart] = [:]

    /// An empty memory: the next render renders everything.
    public init() {}
}

/// The files an incremental render made: by output, and every file's text.
public struct RenderedOutputs: Sendable {
    /// The files of each output made again (see `RenderMemory.outputs`).
    public var outputs: [String: [String]] = [:]
    /// The compiled templates and their problems, kept until the theme changes (`everything`).
    var templates: (Templates, [Diagnostic])?
    /// The pages' contexts, kept until `everything` changes: each city's card and KPI rows are
    /// made again when its data or facts change, the programme view when scores or actions do.
    var contexts: Contexts?
    /// Every file made, by path; a file made in parts is whole here.
    public var files: [String: String] = [:]
    /// Files made as bytes (`results.csv`), by path: not in `files`.
    public var bytes: [String: [UInt8]] = [:]
    /// How many pages were rendered.
    public var pages = 0
}

extension SiteRenderer {
    /// Renders only what `change` touches: the pages that depend on it (every page when it is
    /// `everything`), the data files made from what changed, and the Markdown of the documents in
    /// `dirty` (nil: every document), the rest taken from `memory` (a change of templates alone
    /// leaves every document's Markdown as it was). Every check still sees the whole
    /// site: links and anchors of every document, the templates. Returns the files made (empty when
    /// an error stops the render), the problems and the memory for the next render.
    public func render(change: SiteChange, dirty: Set<String>?, memory: RenderMemory) -> (
        RenderedOutputs, [Diagnostic], RenderMemory
    ) {
        var diagnostics: [Diagnostic] = []
        let (templates, templateProblems) =
            (change.everything ? nil : memory.templates) ?? Templates.compile(theme, routes: routes, strings: strings)
        diagnostics += templateProblems
        let urls = makeURLs()
        let display = Display(
            format: NumberFormat.forLanguage(site.config.language), strings: strings, urls: urls,
            language: site.config.language)
        var liveCharts = ChartBuilder(site: site, scorecards: scorecards, display: display, urls: urls)
        let live = LiveValues(scorecards: scorecards, framework: site.framework, display: display, charts: liveCharts)
        let markdown = renderMarkdown(
            urls: urls, live: live, previous: dirty == nil ? [:] : memory.markdown, dirty: dirty,
            diagnostics: &diagnostics)
        // A document rendered again for the live values it quotes, not for its text: its page is
        // made again when it comes out otherwise (a free page depends on its text alone).
        var change = change
        for path in dirty ?? [] where !change.texts.contains(path) {
            let (before, after) = (memory.markdown[path], markdown[path])
            if before?.html != after?.html || before?.summary != after?.summary || before?.headings != after?.headings {
                change.texts.insert(path)
            }
        }
        var next = memory
        next.markdown = markdown
        next.templates = (templates, templateProblems)
        var madeContexts: Contexts
        if let kept = memory.contexts?.updated(
            site: site, scorecards: scorecards, markdown: markdown, change: change)
        {
            madeContexts = kept
        } else {
            madeContexts = Contexts(
                site: site, scorecards: scorecards, display: display, urls: urls, strings: strings,
                markdown: markdown, routes: routes)
            madeContexts.languages = languages
        }
        next.contexts = madeContexts
        // The heat maps of every city drawn last time, and the programme view made once per render
        // (with the contexts), not again for its charts and data.
        let memo = ChartMemo(previous: change.everything ? [:] : memory.chartDrawings)
        madeContexts.chartMemo = memo
        liveCharts.programme = madeContexts.programmeView
        liveCharts.memo = memo
        // A new shelf each render: the wheels of the last are not this one's.
        let wheels = WheelShelf.wheels()
        madeContexts.wheels = wheels
        madeContexts.rowShelf = RowShelf.rows(of: site.framework.kpis)
        liveCharts.wheels = wheels
        let (contexts, charts) = (madeContexts, liveCharts)
        diagnostics += anchorProblems(markdown) { page in
            guard let route = routes.route(at: page) else { return [] }
            let context = contexts.context(for: route, charts: charts.charts(for: route))
            guard let html = try? templates.render(context, template: route.template) else { return [] }
            return AnchorCheck.elementIDs(in: html)
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return (RenderedOutputs(), diagnostics, memory)
        }

        let made = Locked(RenderedOutputs())
        @Sendable func keep(_ output: String, _ files: [RenderedFile]) {
            made.withLock { made in
                made.outputs[output] = files.map(\.path)
                for file in files { made.files[file.path] = file.text }
            }
        }
        if change.everything {
            for path in theme.files.keys.sorted() where path.hasPrefix("static/") {
                if let file = theme.files[path] {
                    keep(path, [RenderedFile(path: String(path.dropFirst("static/".count)), text: file.contents)])
                }
            }
        }
        var dataFiles = DataFiles(site: site, scorecards: scorecards, programme: contexts.programmeView)
        let problems = Locked<Set<Diagnostic>>([])
        let pages = routes.routes(affectedBy: change, in: site) ?? routes.routes
        let cities = scorecards.indices.filter {
            change.touches(any: [.cityData(scorecards[$0].city.slug), .cityFacts(scorecards[$0].city.slug)])
        }
        let everyCity: [Dependency] = [.everyCityData, .everyCityFacts]
        var jobs: [Job] = Self.cityByCity(pages).map(Job.page) + cities.map(Job.cityJSON)
        // Every row's source and note are in results.csv: any city's data changed writes it again.
        if change.touches(any: everyCity) || !change.cityData.isEmpty {
            let (bytes, parts) = Self.resultsCSV(
                dataFiles, site: site, scorecards: scorecards, changed: change.everything ? nil : change.cityData,
                previous: memory.resultsCSV)
            next.resultsCSV = parts
            dataFiles.extras = parts.columns
            made.withLock {
                $0.outputs[URLs.resultsCSV] = [URLs.resultsCSV]
                $0.bytes[URLs.resultsCSV] = bytes
            }
        }
        if change.everything { jobs.append(.frameworkCSV) }
        let data = dataFiles
        Parallel.forEach(jobs) { job in
            switch job {
            case .resultsCSV: break  // made above, from the rows of the cities that changed
            case .frameworkCSV:
                keep(URLs.frameworkCSV, [RenderedFile(path: URLs.frameworkCSV, text: data.frameworkCSV())])
            case .cityJSON(let c):
                let path = URLs.cityJSON(scorecards[c].city.slug)
                keep(path, [RenderedFile(path: path, text: data.cityJSON(scorecards[c]))])
            case .page(let route):
                let pageCharts = charts.charts(for: route)
                let context = contexts.context(for: route, charts: pageCharts)
                var files: [RenderedFile] = []
                do throws(TemplateError) {
                    files.append(
                        RenderedFile(path: route.file, text: try templates.render(context, template: route.template)))
                } catch {
                    problems.withLock { _ = $0.insert(templates.diagnostic(error)) }
                }
                for figure in pageCharts.figures {
                    if let file = figure.downloadPath {
                        files.append(RenderedFile(path: file, text: figure.standalone))
                    }
                }
                for (file, text) in pageCharts.files { files.append(RenderedFile(path: file, text: text)) }
                keep(route.path, files)
                made.withLock { $0.pages += 1 }
            }
        }
        diagnostics += problems.current.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return (RenderedOutputs(), diagnostics, memory)
        }
        if change.touches(any: everyCity + [.actions]) {
            keep(URLs.dataPackage, [RenderedFile(path: URLs.dataPackage, text: data.dataPackage())])
            keep(URLs.actionsCSV, [RenderedFile(path: URLs.actionsCSV, text: data.actionsCSV())])
            keep(URLs.programmeJSON, [RenderedFile(path: URLs.programmeJSON, text: data.programmeJSON())])
        }
        if change.everything {
            keep("theme/charts.css", [RenderedFile(path: "theme/charts.css", text: ChartStyle.stylesheet)])
        }
        let sitemap =
            languages.all.isEmpty
            ? routes.sitemap(urls: urls) : self.sitemap(routes.sitemapPaths, urls: urls, languages: languages)
        keep("sitemap.xml", [RenderedFile(path: "sitemap.xml", text: sitemap)])
        let feed = ChangesFeed(site: site, urls: urls, strings: strings, html: markdown.mapValues(\.html)).xml()
        keep(URLs.changesFeed, feed.map { [RenderedFile(path: URLs.changesFeed, text: $0)] } ?? [])
        keep(
            "robots.txt",
            [
                RenderedFile(
                    path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(urls.absolute("sitemap.xml"))\n")
            ])
        let result = made.current
        next.chartDrawings = memo.drawings
        if change.everything { next.outputs = [:] }
        next.outputs.merge(result.outputs) { $1 }
        return (result, diagnostics, next)
    }
}

/// `results.csv` in parts: the header (with the x- columns it names) and each city's rows.
struct ResultsCSVParts: Sendable {
    var header: [UInt8]
    var cities: [String: [UInt8]]
    /// The names of the `x-` columns of each city's rows.
    var extras: [String: Set<String>] = [:]
    /// The names of the `x-` columns of every row, sorted (`DataFiles.extraColumns()`).
    var columns: [String] = []
}

extension SiteRenderer {
    /// `data.resultsCSV()` as bytes, with the rows of the cities not in `changed` (nil: every city) taken
    /// from `previous` when it has the same header: a city's rows depend on its rows and scores only.
    static func resultsCSV(
        _ data: DataFiles, site: Site, scorecards: [Scorecard], changed: Set<String>?, previous: ResultsCSVParts?
    ) -> ([UInt8], ResultsCSVParts) {
        // Each city's rows, in the order of the site's rows (sorted by city).
        let observations = site.observations
        var ranges: [(city: String, rows: Range<Int>)] = []
        var start = observations.startIndex
        while start < observations.endIndex {
            let city = observations[start].city
            var end = start + 1
            while end < observations.endIndex && observations[end].city == city { end += 1 }
            ranges.append((city, start..<end))
            start = end
        }
        let unique = Set(ranges.map(\.city)).count == ranges.count
        // The x- columns: those of the cities not changed as they were.
        var extraNames: [String: Set<String>] = [:]
        var allExtras = Set<String>()
        for (city, rows) in ranges {
            var names: Set<String>
            if unique, changed?.contains(city) == false, let known = previous?.extras[city] {
                names = known
            } else {
                names = []
                for row in observations[rows] where !row.extra.isEmpty { names.formUnion(row.extra.keys) }
            }
            allExtras.formUnion(names)
            extraNames[city, default: []].formUnion(names)
        }
        let extras = allExtras.sorted()
        var writer = CSVWriter()
        writer.row(DataColumns.results + extras + DataColumns.resultsComputed)
        let header = writer.bytes
        let reusable = previous?.header == header && unique ? previous?.cities ?? [:] : [:]
        let again = Set(ranges.map(\.city).filter { changed?.contains($0) ?? true || reusable[$0] == nil })
        var items: [DataFiles.ItemKey: ItemScore] = [:]
        for card in scorecards where again.contains(card.city.slug) {
            for item in card.items where item.latest != nil {
                items[DataFiles.ItemKey(city: card.city.slug, kpi: item.kpi.code, datapoint: item.datapoint)] = item
            }
        }
        let scored = items
        let made = Parallel.map(ranges) { city, rows -> [UInt8] in
            if !again.contains(city), let bytes = reusable[city] { return bytes }
            let slice = observations[rows]
            return DataFiles.resultRows(slice, extras: extras, items: scored, rounds: CityRoundIndex(Array(slice)))
        }
        var whole = header
        whole.reserveCapacity(made.reduce(header.count) { $0 + $1.count })
        var cities: [String: [UInt8]] = [:]
        for ((city, _), bytes) in zip(ranges, made) {
            whole += bytes
            cities[city] = bytes
        }
        return (
            whole, ResultsCSVParts(header: header, cities: cities, extras: unique ? extraNames : [:], columns: extras)
        )
    }
}
