import CityscoreCharts
import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreFormatting
import CityscoreMarkdown
import CityscoreModel
import CityscoreReading
import CityscoreScoring
import CityscoreTemplating
import CityscoreText
import Dispatch
import Foundation

/// A file the Rendering stage produces: a path relative to the output root and its text.
public struct RenderedFile: Sendable {
    public var path: String
    public var text: String
}

/// The Rendering stage: Markdown, charts and templates turned into every file of the site.
public struct SiteRenderer: Sendable {
    public var site: Site
    public var scorecards: [Scorecard]
    public var theme: ThemeSource
    public var strings: Strings

    /// Creates a renderer.
    public init(site: Site, scorecards: [Scorecard], theme: ThemeSource, strings: [String: String]) {
        self.site = site
        self.scorecards = scorecards
        self.theme = theme
        self.strings = Strings(strings)
    }

    /// Every page and data file, sorted by path; or the problems that stop the build.
    public func render() -> ([RenderedFile], [Diagnostic]) {
        let collected = Locked<[RenderedFile]>([])
        let diagnostics = render { file in collected.withLock { $0.append(file) } }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return ([], diagnostics) }
        var seen = Set<String>()
        let files = collected.current.reversed().filter { seen.insert($0.path).inserted }
            .sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return (files, diagnostics)
    }

    /// Renders every file and hands each to `emit` as soon as it is made, from several threads at
    /// once, so that a large site is written while it is rendered and never held in memory whole.
    /// Nothing is emitted when the checks before rendering (templates, links) find an error. A
    /// later file with the same path replaces an earlier one (the theme's static files come first).
    /// `progress`, when given, hears the number of pages rendered so far and the total, after each page.
    public func render(
        emit: @Sendable (RenderedFile) -> Void, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let (templates, templateProblems) = Templates.compile(theme)
        diagnostics += templateProblems
        let urls = URLs(config: site.config)
        let pages = pageList()
        let markdown = renderMarkdown(urls: urls, pages: pages, diagnostics: &diagnostics)
        let display = Display(format: NumberFormat.forLanguage(site.config.language), strings: strings, urls: urls)
        let charts = ChartBuilder(site: site, scorecards: scorecards, display: display, urls: urls)
        let contexts = Contexts(
            site: site, scorecards: scorecards, display: display, urls: urls, strings: strings, markdown: markdown)
        // Anchors are checked against the target page as it will be built: its narrative's headings
        // first, then, only when none matches, every id of the page rendered on its own.
        let pageIndex = Dictionary(pages.map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { first, _ in first })
        diagnostics += anchorProblems(markdown, pages: pageIndex) { page in
            guard let (kind, template) = pageIndex[page] else { return [] }
            let pageCharts = charts.charts(for: kind, path: page)
            let context = contexts.context(for: kind, path: page, charts: pageCharts)
            guard let html = try? templates.render(context, template: template) else { return [] }
            return AnchorCheck.elementIDs(in: html)
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }

        for path in theme.files.keys.sorted() where path.hasPrefix("static/") {
            if let file = theme.files[path] {
                emit(RenderedFile(path: String(path.dropFirst("static/".count)), text: file.contents))
            }
        }

        let data = DataFiles(site: site, scorecards: scorecards)
        let done = Locked(0)
        // A template that fails on one page fails on every page it renders: each problem once.
        let problems = Locked<Set<Diagnostic>>([])
        // One pool of work: the long results table first, so that it runs beside the pages instead
        // of after them, then every page, then every city's JSON.
        let jobs: [Job] = [.resultsCSV, .frameworkCSV] + pages.map(Job.page) + scorecards.indices.map(Job.cityJSON)
        Parallel.forEach(jobs) { job in
            switch job {
            case .resultsCSV: emit(RenderedFile(path: URLs.resultsCSV, text: data.resultsCSV()))
            case .frameworkCSV: emit(RenderedFile(path: URLs.frameworkCSV, text: data.frameworkCSV()))
            case .cityJSON(let c):
                emit(RenderedFile(path: URLs.cityJSON(scorecards[c].city.slug), text: data.cityJSON(scorecards[c])))
            case .page(let path, let kind, let template):
                let pageCharts = charts.charts(for: kind, path: path)
                let context = contexts.context(for: kind, path: path, charts: pageCharts)
                do throws(TemplateError) {
                    let html = try templates.render(context, template: template)
                    emit(RenderedFile(path: path.hasSuffix(".html") ? path : path + "index.html", text: html))
                } catch {
                    problems.withLock { _ = $0.insert(templates.diagnostic(error)) }
                }
                for figure in pageCharts.figures {
                    if let file = figure.downloadPath { emit(RenderedFile(path: file, text: figure.standalone)) }
                }
                for (file, text) in pageCharts.files { emit(RenderedFile(path: file, text: text)) }
                if let progress {
                    let count = done.withLock { count -> Int in
                        count += 1
                        return count
                    }
                    progress(count, pages.count)
                }
            }
        }

        diagnostics += problems.current.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        emit(RenderedFile(path: URLs.dataPackage, text: data.dataPackage()))
        emit(RenderedFile(path: "theme/charts.css", text: ChartStyle.stylesheet))
        emit(
            RenderedFile(
                path: "sitemap.xml", text: sitemap(pages.map(\.0).filter { !$0.hasSuffix(".html") }, urls: urls)))
        emit(
            RenderedFile(
                path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(urls.absolute("sitemap.xml"))\n"))
        return diagnostics
    }

    /// A unit of the parallel work: a page (output path, kind, template) or a data file.
    enum Job: Sendable {
        case page(String, PageKind, String)
        case resultsCSV, frameworkCSV
        /// The JSON of the city at this position in `scorecards`.
        case cityJSON(Int)
    }

    /// Every page: output path (folder, or a `.html` file), kind, template.
    func pageList() -> [(String, PageKind, String)] {
        var pages: [(String, PageKind, String)] = [
            (URLs.home, .home, "home"), (URLs.cities, .cities, "cities"), (URLs.dimensions, .dimensions, "dimensions"),
            (URLs.indicators, .indicators, "indicators"), (URLs.methodology, .methodology, "methodology"),
            ("404.html", .notFound, "404"),
        ]
        for (c, card) in scorecards.enumerated() {
            pages.append((URLs.city(card.city.slug), .city(c), "city"))
            for (d, dim) in card.dimensions.enumerated() {
                pages.append(
                    (
                        URLs.cityDimension(card.city.slug, dim.slug), .cityDimension(city: c, dimension: d),
                        "city-dimension"
                    ))
            }
            for (r, round) in card.earlier.enumerated() {
                if let label = round.round {
                    pages.append((URLs.cityRound(card.city.slug, label), .cityRound(city: c, round: r), "city-round"))
                }
            }
        }
        for (d, dim) in site.framework.dimensions.enumerated() {
            pages.append((URLs.dimension(dim.slug), .dimension(d), "dimension"))
        }
        for (k, kpi) in site.framework.kpis.enumerated() {
            pages.append((URLs.indicator(kpi), .indicator(k), "indicator"))
        }
        for (p, page) in site.pages.enumerated() where page.slug != "index" && page.slug != "methodology" {
            pages.append((URLs.page(page.slug), .page(p), "page"))
        }
        return pages
    }

    /// The output path of the page each Markdown document of the site is shown on.
    func documentPages() -> [String: String] {
        var map: [String: String] = [:]
        for city in site.cities {
            map[city.document.path] = URLs.city(city.slug)
            for (dimension, doc) in city.dimensionNarratives {
                map[doc.path] = URLs.cityDimension(city.slug, dimension)
            }
        }
        for page in site.pages {
            map[page.path] = page.slug == "methodology" ? URLs.methodology : URLs.page(page.slug)
        }
        return map
    }

    /// The URL every Markdown file and asset of the site is published at.
    func publishedURLs(urls: URLs) -> [String: String] {
        var map = documentPages().mapValues { urls.link($0) }
        for asset in site.assets { map["Content/assets/" + asset] = urls.link(URLs.asset(asset)) }
        return map
    }

    /// Every output path a root-relative link may name: pages, data files and assets.
    func linkablePaths(pages: [(String, PageKind, String)]) -> Set<String> {
        var paths = Set(pages.map(\.0))
        paths.formUnion([URLs.resultsCSV, URLs.frameworkCSV, URLs.dataPackage])
        paths.formUnion(scorecards.map { URLs.cityJSON($0.city.slug) })
        paths.formUnion(site.assets.map(URLs.asset))
        return paths
    }

    /// The output path a root-relative link's path (without its leading `/`) names, if any: as
    /// written, without a trailing `/`, with `index.html`, or with the base URL's path in front.
    static func linkedPath(_ path: String, in known: Set<String>, basePath: String) -> String? {
        var candidates = [path]
        let base = String(basePath.dropFirst())
        if !base.isEmpty, path.hasPrefix(base) { candidates.append(String(path.dropFirst(base.count))) }
        for candidate in candidates {
            let trimmed = candidate.hasSuffix("index.html") ? String(candidate.dropLast("index.html".count)) : candidate
            for form in [trimmed, trimmed + "/"] where known.contains(form) { return form }
        }
        return nil
    }

    func renderMarkdown(urls: URLs, pages: [(String, PageKind, String)], diagnostics: inout [Diagnostic])
        -> [String: RenderedMarkdown]
    {
        let published = publishedURLs(urls: urls)
        let linkable = linkablePaths(pages: pages)
        let renderer = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML)
        var documents = site.cities.map(\.document) + site.pages
        for city in site.cities {
            documents += city.dimensionNarratives.keys.sorted().compactMap { city.dimensionNarratives[$0] }
        }
        let results = Parallel.map(documents) { doc in
            renderer.render(
                doc.body, path: doc.path, firstLine: doc.bodyLine,
                resolve: { target in
                    if let url = published[target] { return .url(url) }
                    if target.hasSuffix("/"), let url = published[target + "index.md"] { return .url(url) }
                    return Suggestions.closest(to: target, in: published.keys).map(LinkTarget.misspelt) ?? .missing
                },
                page: { path in
                    if let found = Self.linkedPath(path, in: linkable, basePath: urls.basePath) {
                        return .url(urls.link(found))
                    }
                    return Suggestions.closest(to: path, in: linkable).map(LinkTarget.misspelt) ?? .missing
                })
        }
        var out: [String: RenderedMarkdown] = [:]
        for (doc, result) in zip(documents, results) {
            out[doc.path] = result
            diagnostics += result.diagnostics
        }
        return out
    }

    /// Links whose anchor is not an id of the page they point to. `builtIDs` gives every id of a
    /// page as built (asked at most once a page, and only when no heading of its narrative matches).
    func anchorProblems(
        _ markdown: [String: RenderedMarkdown], pages: [String: (PageKind, String)],
        builtIDs: (String) -> [String]
    ) -> [Diagnostic] {
        let documentPages = documentPages()
        var documentsOnPage: [String: [String]] = [:]
        for (document, page) in documentPages { documentsOnPage[page, default: []].append(document) }
        let basePath = URLs(config: site.config).basePath
        let pagePaths = Set(pages.keys)
        var built: [String: [String]] = [:]
        var problems: [Diagnostic] = []
        for path in markdown.keys.sorted() {
            guard let document = markdown[path] else { continue }
            for (link, target, fragment) in AnchorCheck.anchorLinks(of: path, in: document) {
                let page: String
                let place: String
                var headings: [String] = []
                switch target {
                case .document(let file):
                    let resolved = markdown[file] != nil ? file : file + "/index.md"
                    guard let linked = markdown[resolved], let shownOn = documentPages[resolved] else { continue }
                    page = shownOn
                    place = resolved == path ? "this file" : resolved
                    headings = linked.headings.map(\.id)
                case .page(let written):
                    guard let found = Self.linkedPath(written, in: pagePaths, basePath: basePath) else {
                        continue
                    }
                    page = found
                    place = "the page /\(found)"
                    for file in documentsOnPage[found, default: []].sorted() {
                        headings += markdown[file]?.headings.map(\.id) ?? []
                    }
                }
                if headings.contains(fragment) { continue }
                let ids = built[page] ?? builtIDs(page)
                built[page] = ids
                if ids.contains(fragment) { continue }
                var seen = Set<String>()
                let known = (headings + ids).filter { seen.insert($0).inserted }
                problems.append(AnchorCheck.missingAnchor(link, fragment: fragment, place: place, known: known))
            }
        }
        return problems
    }

    func sitemap(_ paths: [String], urls: URLs) -> String {
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            let loc = XMLEscaping.escape(urls.absolute(path))
            out += "  <url><loc>\(loc)</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
