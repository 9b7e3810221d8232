import Charts
import Diagnostics
import Dispatch
import Foundation
import Markdown
import Model
import Reading
import Scoring
import Templating

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
        let markdown = renderMarkdown(urls: urls, diagnostics: &diagnostics)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }

        for path in theme.files.keys.sorted() where path.hasPrefix("static/") {
            if let file = theme.files[path] {
                emit(RenderedFile(path: String(path.dropFirst("static/".count)), text: file.contents))
            }
        }

        let display = Display(format: NumberFormat.forLanguage(site.config.language), strings: strings, urls: urls)
        let charts = ChartBuilder(site: site, scorecards: scorecards, display: display, urls: urls)
        let contexts = Contexts(
            site: site, scorecards: scorecards, display: display, urls: urls, strings: strings, markdown: markdown)
        let pages = pageList()
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

    /// The URL every Markdown file and asset of the site is published at.
    func publishedURLs(urls: URLs) -> [String: String] {
        var map: [String: String] = [:]
        for city in site.cities {
            map[city.document.path] = urls.link(URLs.city(city.slug))
            for (dimension, doc) in city.dimensionNarratives {
                map[doc.path] = urls.link(URLs.cityDimension(city.slug, dimension))
            }
        }
        for page in site.pages {
            map[page.path] = urls.link(page.slug == "methodology" ? URLs.methodology : URLs.page(page.slug))
        }
        for asset in site.assets { map["Content/assets/" + asset] = urls.link(URLs.asset(asset)) }
        return map
    }

    func renderMarkdown(urls: URLs, diagnostics: inout [Diagnostic]) -> [String: RenderedMarkdown] {
        let published = publishedURLs(urls: urls)
        let renderer = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML)
        var documents = site.cities.map(\.document) + site.pages
        for city in site.cities {
            documents += city.dimensionNarratives.keys.sorted().compactMap { city.dimensionNarratives[$0] }
        }
        let results = Parallel.map(documents) { doc in
            renderer.render(doc.body, path: doc.path, firstLine: doc.bodyLine) { target in
                if let url = published[target] { return .url(url) }
                if target.hasSuffix("/"), let url = published[target + "index.md"] { return .url(url) }
                return .missing
            }
        }
        var out: [String: RenderedMarkdown] = [:]
        for (doc, result) in zip(documents, results) {
            out[doc.path] = result
            diagnostics += result.diagnostics
        }
        let rendered = out
        diagnostics += Parallel.map(out.keys.sorted()) { AnchorCheck.problems(of: $0, in: rendered) }.flatMap { $0 }
        return out
    }

    func sitemap(_ paths: [String], urls: URLs) -> String {
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            let loc = urls.absolute(path).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;")
            out += "  <url><loc>\(loc)</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
