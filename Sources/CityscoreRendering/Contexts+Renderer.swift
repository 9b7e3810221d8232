import CityscoreDiagnostics
import CityscoreFormatting
import CityscoreMarkdown
import CityscoreRouting

extension SiteRenderer {
    /// What every page's context is made from, in this rendering's language.
    struct PageParts {
        var urls: URLs
        var display: Display
        var charts: ChartBuilder
        var markdown: [String: RenderedMarkdown]
        var contexts: Contexts
    }

    /// The URLs, words, charts, rendered Markdown and context builder of this rendering; the
    /// Markdown's problems go to `diagnostics`.
    func pageParts(diagnostics: inout [Diagnostic]) -> PageParts {
        let urls = makeURLs()
        let display = Display(
            format: NumberFormat.forLanguage(site.config.language), strings: strings, urls: urls,
            language: site.config.language)
        let wheels = WheelShelf.wheels()
        let charts = ChartBuilder(site: site, scorecards: scorecards, display: display, urls: urls, wheels: wheels)
        let live = LiveValues(scorecards: scorecards, framework: site.framework, display: display, charts: charts)
        let markdown = renderMarkdown(urls: urls, live: live, diagnostics: &diagnostics)
        var contexts = Contexts(
            site: site, scorecards: scorecards, display: display, urls: urls, strings: strings, markdown: markdown,
            routes: routes)
        contexts.languages = languages
        contexts.wheels = wheels
        contexts.rowShelf = RowShelf.rows(of: site.framework.kpis)
        return PageParts(urls: urls, display: display, charts: charts, markdown: markdown, contexts: contexts)
    }
}
