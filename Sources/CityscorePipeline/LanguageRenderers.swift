import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreRendering
import CityscoreRouting
import CityscoreScoring

/// The renderings of a multilingual site: the default language at the root, each other language
/// under `/<language>/` with its own strings, framework words, narratives and numbers. Downloads,
/// assets, the theme's files, `sitemap.xml` and `robots.txt` come from the default rendering only.
struct LanguageRenderers: Sendable {
    var renderers: [SiteRenderer]

    init(
        site: Site, scorecards: [Scorecard], theme: ThemeSource, strings: [String: String],
        languageStrings: [String: [String: String]], routes: RouteTable? = nil
    ) {
        let codes = site.config.languages.isEmpty ? [site.config.language] : site.config.languages
        var first = SiteRenderer(site: site, scorecards: scorecards, theme: theme, strings: strings, routes: routes)
        first.languages = LanguageLinks(codes: codes, current: codes[0], strings: languageStrings)
        var renderers = [first]
        for code in codes.dropFirst() {
            let (localized, fallbacks) = site.localized(code)
            var renderer = SiteRenderer(
                site: localized, scorecards: Scorer(site: localized).scorecards(), theme: theme,
                strings: languageStrings[code] ?? strings)
            renderer.languages = LanguageLinks(codes: codes, current: code, strings: languageStrings)
            renderer.languages.fallbacks = fallbacks
            renderers.append(renderer)
        }
        self.renderers = renderers
    }

    /// Whether a file of another language's rendering is written (pages and their charts are;
    /// shared files come from the default rendering).
    static func keeps(_ path: String) -> Bool { !URLs.isShared(path) && !path.hasPrefix("theme/") }

    /// Renders every language, handing each file to `emit` under its language's folder; the
    /// problems of all, each once.
    func render(
        emit: @Sendable (RenderedFile) -> Void,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen = Set<Diagnostic>()
        for renderer in renderers {
            let prefix = renderer.languages.current?.prefix ?? ""
            let problems = renderer.render(
                emit: { file in
                    if prefix.isEmpty {
                        emit(file)
                    } else if Self.keeps(file.path) {
                        emit(RenderedFile(path: prefix + file.path, text: file.text))
                    }
                }, progress: progress)
            diagnostics += problems.filter { seen.insert($0).inserted }
            if diagnostics.contains(where: { $0.severity == .error }) { break }
        }
        return diagnostics
    }

    /// Runs every check of rendering in every language (see ``SiteRenderer/check(onePerTemplate:progress:)``);
    /// the number of pages of all and the problems of all, each once.
    func check(
        onePerTemplate: Bool = false, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> (pages: Int, diagnostics: [Diagnostic]) {
        var pages = 0
        var diagnostics: [Diagnostic] = []
        var seen = Set<Diagnostic>()
        for renderer in renderers {
            let (count, problems) = renderer.check(onePerTemplate: onePerTemplate, progress: progress)
            pages += count
            diagnostics += problems.filter { seen.insert($0).inserted }
        }
        return (pages, diagnostics)
    }

    /// Every file of every language in memory, sorted by path; or the problems that stop the build.
    func render() -> ([RenderedFile], [Diagnostic]) {
        var files: [RenderedFile] = []
        var diagnostics: [Diagnostic] = []
        var seen = Set<Diagnostic>()
        for renderer in renderers {
            let prefix = renderer.languages.current?.prefix ?? ""
            let (rendered, problems) = renderer.render()
            diagnostics += problems.filter { seen.insert($0).inserted }
            if prefix.isEmpty {
                files += rendered
            } else {
                files += rendered.filter { Self.keeps($0.path) }.map {
                    RenderedFile(path: prefix + $0.path, text: $0.text)
                }
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return ([], diagnostics) }
        files.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return (files, diagnostics)
    }
}
