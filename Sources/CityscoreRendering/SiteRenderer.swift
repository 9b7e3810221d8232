import CityscoreCharts
import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreFormatting
import CityscoreMarkdown
import CityscoreModel
import CityscoreReading
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating
import CityscoreText
import Dispatch
import Foundation

/// A file the Rendering stage produces: a path relative to the output root and its text.
public struct RenderedFile: Sendable {
    public var path: String
    public var text: String
    /// Whether `text` goes on the end of the file emitted before at `path` (a large file made in
    /// parts, so that it is never held whole) instead of replacing it.
    public var appended = false

    public init(path: String, text: String, appended: Bool = false) {
        self.path = path
        self.text = text
        self.appended = appended
    }
}

/// The Rendering stage: Markdown, charts and templates turned into every file of the site.
public struct SiteRenderer: Sendable {
    public var site: Site
    public var scorecards: [Scorecard]
    public var theme: ThemeSource
    public var strings: Strings
    /// Where this rendering stands among the site's languages (empty for a one-language site).
    public var languages = LanguageLinks()
    /// Every page the site will have (the Routing stage's table).
    public var routes: RouteTable
    /// The pages a check renders, when not all of them.
    var sample: [Route]? = nil

    /// Creates a renderer for the pages of `routes` (by default, the table of `site`).
    public init(
        site: Site, scorecards: [Scorecard], theme: ThemeSource, strings: [String: String], routes: RouteTable? = nil
    ) {
        self.site = site
        self.scorecards = scorecards
        self.theme = theme
        self.strings = Strings(strings)
        self.routes = routes ?? RouteTable(site: site)
    }

    /// Every page and data file, sorted by path; or the problems that stop the build.
    public func render() -> ([RenderedFile], [Diagnostic]) {
        let collected = Locked<[RenderedFile]>([])
        let diagnostics = render { file in collected.withLock { $0.append(file) } }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return ([], diagnostics) }
        // The last whole file at each path, with the parts appended to it after.
        var byPath: [String: RenderedFile] = [:]
        for file in collected.current {
            if file.appended, var earlier = byPath[file.path] {
                earlier.text += file.text
                byPath[file.path] = earlier
            } else {
                byPath[file.path] = RenderedFile(path: file.path, text: file.text)
            }
        }
        let files = byPath.values.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
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
        render(emit: emit, progress: progress, checking: false)
    }

    /// Runs every check of rendering (links, anchors, templates, every page rendered and dropped at
    /// once) without keeping or writing anything, even when the checks before rendering find an
    /// error or the site comes from data with errors; returns the number of pages and the problems.
    /// `onePerTemplate` renders only the first page of each template (enough to find a template's
    /// mistakes when the data has errors and will not be built anyway).
    public func check(
        onePerTemplate: Bool = false, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> (pages: Int, diagnostics: [Diagnostic]) {
        let pages = Locked(0)
        var renderer = self
        if onePerTemplate {
            var seen = Set<String>()
            renderer.sample = routes.routes.filter { seen.insert($0.template).inserted }
        }
        let diagnostics = renderer.render(
            emit: { file in if file.path.hasSuffix(".html") { pages.withLock { $0 += 1 } } }, progress: progress,
            checking: true)
        return (pages.current, diagnostics)
    }

    /// The pages in the order they are rendered: the pages of no city first (the largest, which
    /// then run beside the rest), then each city's pages together, its page, dimension pages, rounds
    /// and report, so that what they share is drawn once and kept briefly (``WheelShelf``). The
    /// order changes no file written.
    static func cityByCity(_ pages: [Route]) -> [Route] {
        var general: [Route] = []
        var cities: [[Route]] = []
        for route in pages {
            guard let city = route.place.city, city >= 0 else {
                general.append(route)
                continue
            }
            if city >= cities.count { cities += Array(repeating: [], count: city + 1 - cities.count) }
            cities[city].append(route)
        }
        return general + cities.joined()
    }

    func render(
        emit: @Sendable (RenderedFile) -> Void, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
        checking: Bool
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let (templates, templateProblems) = Templates.compile(theme, routes: routes, strings: strings)
        diagnostics += templateProblems
        let pages = routes.routes
        let parts = pageParts(diagnostics: &diagnostics)
        let (urls, charts, markdown, contexts) = (parts.urls, parts.charts, parts.markdown, parts.contexts)
        // Anchors are checked against the target page as it will be built: its narrative's headings
        // first, then, only when none matches, every id of the page rendered on its own.
        diagnostics += anchorProblems(markdown) { page in
            guard let route = routes.route(at: page) else { return [] }
            let context = contexts.context(for: route, charts: charts.charts(for: route))
            guard let html = try? templates.render(context, template: route.template) else { return [] }
            return AnchorCheck.elementIDs(in: html)
        }
        guard checking || !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }

        for path in theme.files.keys.sorted() where path.hasPrefix("static/") && !checking {
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
        // A check renders the pages only (the data files cannot fail), and drops each at once.
        let jobs: [Job] =
            checking
            ? (sample ?? pages).map(Job.page)
            : [.resultsCSV, .frameworkCSV] + Self.cityByCity(pages).map(Job.page)
                + scorecards.indices.map(Job.cityJSON)
        Parallel.forEach(jobs) { job in
            switch job {
            case .resultsCSV:
                // Written in parts as they are made: the largest file of a programme's site.
                var first = true
                data.resultsCSV { part in
                    emit(
                        RenderedFile(
                            path: URLs.resultsCSV, text: String(decoding: part, as: UTF8.self), appended: !first))
                    first = false
                }
            case .frameworkCSV: emit(RenderedFile(path: URLs.frameworkCSV, text: data.frameworkCSV()))
            case .cityJSON(let c):
                emit(RenderedFile(path: URLs.cityJSON(scorecards[c].city.slug), text: data.cityJSON(scorecards[c])))
            case .page(let route):
                // A sampling check (the data has errors) looks for the templates' mistakes only.
                let pageCharts = sample == nil ? charts.charts(for: route) : PageCharts(figures: [])
                let context = contexts.context(for: route, charts: pageCharts)
                do throws(TemplateError) {
                    let html = try templates.render(context, template: route.template)
                    emit(RenderedFile(path: route.file, text: html))
                } catch {
                    problems.withLock { _ = $0.insert(templates.diagnostic(error)) }
                }
                for figure in pageCharts.figures where !checking {
                    if let file = figure.downloadPath { emit(RenderedFile(path: file, text: figure.standalone)) }
                }
                for (file, text) in pageCharts.files where !checking { emit(RenderedFile(path: file, text: text)) }
                if let progress {
                    let count = done.withLock { count -> Int in
                        count += 1
                        return count
                    }
                    progress(count, checking ? (sample ?? pages).count : pages.count)
                }
            }
        }

        diagnostics += problems.current.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        if checking { return diagnostics }
        emit(RenderedFile(path: URLs.dataPackage, text: data.dataPackage()))
        emit(RenderedFile(path: URLs.actionsCSV, text: data.actionsCSV()))
        emit(RenderedFile(path: URLs.programmeJSON, text: data.programmeJSON()))
        emit(RenderedFile(path: "theme/charts.css", text: ChartStyle.stylesheet))
        emit(
            RenderedFile(
                path: "sitemap.xml",
                text: languages.all.isEmpty
                    ? routes.sitemap(urls: urls) : sitemap(routes.sitemapPaths, urls: urls, languages: languages)))
        if let feed = ChangesFeed(site: site, urls: urls, strings: strings, html: markdown.mapValues(\.html)).xml() {
            emit(RenderedFile(path: URLs.changesFeed, text: feed))
        }
        emit(
            RenderedFile(
                path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(urls.absolute("sitemap.xml"))\n"))
        return diagnostics
    }

    /// A unit of the parallel work: a page or a data file.
    enum Job: Sendable {
        case page(Route)
        case resultsCSV, frameworkCSV
        /// The JSON of the city at this position in `scorecards`.
        case cityJSON(Int)
    }

    /// The URL every Markdown file and asset of the site is published at.
    func publishedURLs(urls: URLs) -> [String: String] {
        var map = RouteTable.documentPages(of: site).mapValues { urls.link($0) }
        for asset in site.assets { map["Content/assets/" + asset] = urls.link(URLs.asset(asset)) }
        return map
    }

    /// Every document rendered, except those `previous` holds that are not in `dirty` (nil: every
    /// document is rendered), which are taken as they are.
    func renderMarkdown(
        urls: URLs, live: LiveValues, previous: [String: RenderedMarkdown] = [:], dirty: Set<String>? = nil,
        diagnostics: inout [Diagnostic]
    ) -> [String: RenderedMarkdown] {
        let published = publishedURLs(urls: urls)
        let linkable = routes.linkablePaths(site: site)
        let renderer = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML)
        var documents =
            site.cities.map(\.document) + site.pages + site.actions.map(\.document) + site.changes.map(\.document)
        for city in site.cities {
            documents += city.dimensionNarratives.keys.sorted().compactMap { city.dimensionNarratives[$0] }
        }
        let results = Parallel.map(documents) { doc in
            if let kept = previous[doc.path], let dirty, !dirty.contains(doc.path),
                !languages.fallbacks.contains(doc.path)
            {
                return kept
            }
            let city = LiveValues.city(ofDocument: doc.path, in: scorecards)
            return renderer.render(
                doc.body, path: doc.translationPath ?? doc.path, firstLine: doc.bodyLine,
                resolve: { target in
                    if let url = published[target] { return .url(url) }
                    if target.hasSuffix("/"), let url = published[target + "index.md"] { return .url(url) }
                    return Suggestions.closest(to: target, in: published.keys).map(LinkTarget.misspelt) ?? .missing
                },
                page: { path in
                    if let found = RouteTable.linkedPath(path, in: linkable, basePath: urls.basePath) {
                        return .url(urls.link(found))
                    }
                    return Suggestions.closest(to: path, in: linkable).map(LinkTarget.misspelt) ?? .missing
                }, shortcodes: { live.expand($0, city: city) })
        }
        var out: [String: RenderedMarkdown] = [:]
        for (doc, result) in zip(documents, results) {
            out[doc.path] = languages.fallbacks.contains(doc.path) ? fallback(result) : result
            diagnostics += result.diagnostics
        }
        return out
    }

    /// Links whose anchor is not an id of the page they point to. `builtIDs` gives every id of a
    /// page as built (asked at most once a page, and only when no heading of its narrative matches).
    func anchorProblems(_ markdown: [String: RenderedMarkdown], builtIDs: (String) -> [String]) -> [Diagnostic] {
        let documentPages = RouteTable.documentPages(of: site)
        var documentsOnPage: [String: [String]] = [:]
        for (document, page) in documentPages { documentsOnPage[page, default: []].append(document) }
        let basePath = makeURLs().basePath
        let pagePaths = routes.paths
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
                    guard let found = RouteTable.linkedPath(written, in: pagePaths, basePath: basePath) else {
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

    /// The sitemap of a multilingual site (a one-language site's is the route table's).
    func sitemap(_ paths: [String], urls: URLs, languages: LanguageLinks) -> String {
        func escaped(_ url: String) -> String { XMLEscaping.escape(url) }
        // Every page in every language, each with its alternates (hreflang).
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for path in paths.sorted() {
            let alternates = languages.all.map { language in
                "    <xhtml:link rel=\"alternate\" hreflang=\"\(language.code)\" href=\"\(escaped(languages.urls(urls, language).absolute(path)))\"/>\n"
            }.joined()
            for language in languages.all {
                out +=
                    "  <url><loc>\(escaped(languages.urls(urls, language).absolute(path)))</loc>\n\(alternates)  </url>\n"
            }
        }
        return out + "</urlset>\n"
    }

    /// A narrative shown in the default language for want of a translation: marked with that
    /// language's `lang` and preceded by a note in the page's language.
    func fallback(_ markdown: RenderedMarkdown) -> RenderedMarkdown {
        guard let language = languages.defaultLanguage else { return markdown }
        var out = markdown
        let note = strings.format("fallback_note", ["language": strings["language_\(language.code)"]])
        out.html =
            "<p class=\"translation-note\">" + HTMLEscaping.escape(note) + "</p>\n<div lang=\""
            + HTMLEscaping.escape(language.code) + "\">\n" + markdown.html + "</div>\n"
        return out
    }

    /// The site's URLs in this rendering's language.
    func makeURLs() -> URLs {
        var urls = URLs(config: site.config)
        urls.languagePrefix = languages.current?.prefix ?? ""
        return urls
    }
}
