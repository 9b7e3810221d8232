import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreRendering
import CityscoreRouting
import CityscoreScoring
import CityscoreValidation
import CityscoreWriting
import Dispatch
import Foundation

/// The build, as named steps in one direction: read → validate → score → route → render → write.
/// Each step either hands its typed result to the next or stops the build with every problem found.
public struct Pipeline: Sendable {
    /// What a finished build did.
    public struct Report: Sendable {
        /// HTML pages written.
        public var pages: Int
        /// Files written in all.
        public var files: Int
        /// Warnings found along the way.
        public var warnings: [Diagnostic]
        /// Wall-clock seconds the build took.
        public var seconds: Double
        /// Whether `site.yml` asks for the reports as PDF in the site (`report_pdf: true`).
        public var reportPDF = false
        /// The folders of the site's languages, the default's first and empty (`["", "nb/"]`).
        public var languageFolders: [String] = [""]
    }

    /// The site folder.
    public var siteRoot: String
    /// The output folder; nil for `check` (nothing is written).
    public var output: String?
    /// `--base-url`, which wins over `site.yml`.
    public var baseURL: String?
    /// Whether `run` may replace an output folder that cityscore did not write (`--force`).
    public var force = false
    /// The year now, for refusing values of a later year; nil reads the clock (UTC). The output
    /// never depends on it.
    public var currentYear: Int?
    /// Hears how many pages are rendered of how many, after each page (for a progress line).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Creates a pipeline.
    public init(siteRoot: String, output: String?, baseURL: String? = nil) {
        self.siteRoot = siteRoot
        self.output = output
        self.baseURL = baseURL
    }

    /// What was read, checked, scored and routed, ready to render.
    struct Prepared {
        var renderer: LanguageRenderers
        var site: Site
        var files: SiteFiles
        /// Every problem found so far (warnings, and errors that stop a build but not a check), in the
        /// one list that applies site.yml's `diagnostics:` to everything the run finds.
        var diagnostics: DiagnosticList
        /// Whether the data has errors: the site is then fit for checking only, never for a build.
        var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// The checked, scored and routed site and the renderer for it. Only a site that cannot be read
    /// at all stops here: with errors in the data, what was read still goes on to the checks of
    /// links, anchors and templates, so that one run reports every problem. Only the way to the
    /// site's files is kept of what was read, so that the raw tables can be freed before rendering.
    func prepare() throws(DiagnosticsError) -> Prepared {
        var diagnostics = DiagnosticList()

        // 1. Read (the results files only listed: they are read one at a time as they are checked)
        var (read, readProblems) = SiteReader(root: siteRoot).read(deferringResults: true)
        guard let source = consume read else { throw DiagnosticsError(readProblems) }
        // From here on, warning codes are raised or silenced as site.yml's `diagnostics:` asks.
        let (levels, levelProblems) = DiagnosticSettings.read(source.config)
        diagnostics.levels = levels
        let (files, theme, strings) = (source.files, source.theme, source.strings)
        let languageStrings = source.languageSources.strings

        // 2. Validate (semantic problems are found even when some files could not be read). The
        // validator gets the only copy of what was read, reads each results file, keeps its
        // validated rows and drops its table: at most one table per core is held at a time.
        var (site, validationProblems) = SiteValidator(baseURLOverride: baseURL, currentYear: currentYear)
            .validateAll(consume source, readProblems: &readProblems)
        diagnostics.append(contentsOf: readProblems)
        diagnostics.append(contentsOf: levelProblems)
        diagnostics.append(contentsOf: validationProblems)
        // The record of changes names cities: read once the cities are known.
        var changeProblems: [Diagnostic] = []
        site.changes = ChangesReader(files: files).read(cities: site.cities.map(\.slug), into: &changeProblems)
        diagnostics.append(contentsOf: changeProblems)

        // 3. Score
        let scorecards = Scorer(site: site).scorecards()
        // 4. Route: every page the site will have
        let routes = RouteTable(site: site)
        let renderer = LanguageRenderers(
            site: site, scorecards: scorecards, theme: theme, strings: strings, languageStrings: languageStrings,
            routes: routes)
        return Prepared(renderer: renderer, site: site, files: files, diagnostics: diagnostics)
    }

    /// Runs every check of the prepared site without rendering the site (data, front matter, links,
    /// anchors, every Markdown document, every template compiled and rendered once on its first page
    /// without charts, every asset read); throws when any is an error. A template that fails on one
    /// page fails on every page it renders, so the first page of each is enough, and a check stays
    /// small and fast however many cities the site has (issue 20: under half a build's time, under
    /// 300 MiB for 1,000 cities).
    func check(_ prepared: Prepared) throws(DiagnosticsError) -> (pages: Int, files: Int, warnings: [Diagnostic]) {
        let (_, problems) = prepared.renderer.check(onePerTemplate: true, progress: progress)
        // Every route of every language is one HTML page of the build.
        let pages = prepared.renderer.renderers.reduce(0) { $0 + $1.routes.routes.count }
        var diagnostics = prepared.diagnostics
        diagnostics.append(contentsOf: problems)
        var assets = 0
        diagnostics.append(
            contentsOf: Self.copyAssets(of: prepared.site, files: prepared.files) { _, _ in assets += 1 })
        guard !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics.all) }
        return (pages, pages + assets, diagnostics.all)
    }

    /// The files of the site in memory (for `serve` and tests), or every problem that stops the build.
    public func render() throws(DiagnosticsError) -> (files: [OutputFile], warnings: [Diagnostic]) {
        let prepared = try prepare()
        if prepared.hasErrors { _ = try check(prepared) }
        let (renderer, site, siteFiles, warnings) = (
            prepared.renderer, prepared.site, prepared.files, prepared.diagnostics
        )
        // 5. Render
        let (rendered, renderProblems) = renderer.render()
        var diagnostics = warnings
        diagnostics.append(contentsOf: renderProblems)
        guard !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics.all) }
        var files = rendered.map { OutputFile(path: $0.path, text: $0.text) }
        diagnostics.append(
            contentsOf: Self.copyAssets(of: site, files: siteFiles) { files.append(OutputFile(path: $0, bytes: $1)) })
        guard !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics.all) }
        return (files, diagnostics.all)
    }

    /// Reads every file of `Content/assets/` (through the same link rules as every other file) and
    /// hands it on as `assets/<path>`; the problems are the files that cannot be read.
    static func copyAssets(of site: Site, files: SiteFiles, write: (String, [UInt8]) -> Void) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for asset in site.assets {
            switch files.read("Content/assets/" + asset, into: &problems) {
            case .bytes(let bytes): write("assets/" + asset, bytes)
            case .missing:
                problems.append(
                    .error(
                        "the file was removed while the site was built",
                        at: SourceLocation(path: "Content/assets/" + asset, line: 0, column: 0), code: .fileVanished))
            case .refused, .tooLarge: break
            }
        }
        return problems
    }

    /// Builds the site and, unless this is a check, writes it into a new folder beside the output
    /// folder while it renders (5. Render → 6. Write), then swaps it in. On any error the new folder
    /// is removed and the previous output stays as it was.
    public func run() throws(DiagnosticsError) -> Report {
        let start = DispatchTime.now().uptimeNanoseconds
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        MallocTuning.returnFreedMemory()
        guard let output else {
            // A check: every page is rendered and dropped at once, so the site is never held whole.
            MallocTuning.shareOneArena()
            let (pages, files, warnings) = try check(try prepare())
            return Report(pages: pages, files: files, warnings: warnings, seconds: seconds())
        }
        // The output folder is checked before any work, and what killed builds left beside it is removed.
        let writer = OutputWriter(destination: output, force: force)
        do {
            try writer.checkSafe(siteRoot: siteRoot)
        } catch {
            throw DiagnosticsError([
                .error("\(error)", at: SourceLocation(path: output, line: 0, column: 0), code: .outputFolder)
            ])
        }
        writer.removeLeftovers()
        let prepared = try prepare()
        // Data with errors is never built, but everything else is still checked in this run.
        if prepared.hasErrors { _ = try check(prepared) }
        let (renderer, site, files, warnings) = (prepared.renderer, prepared.site, prepared.files, prepared.diagnostics)
        let staging: Staging
        var diagnostics = warnings
        do {
            staging = try writer.begin()
        } catch {
            diagnostics.add(
                .error("\(error)", at: SourceLocation(path: output, line: 0, column: 0), code: .outputFolder))
            throw DiagnosticsError(diagnostics.all)
        }
        diagnostics.append(
            contentsOf: renderer.render(
                emit: { $0.appended ? staging.append($0.path, text: $0.text) : staging.write($0.path, text: $0.text) },
                progress: progress))
        diagnostics.append(contentsOf: Self.copyAssets(of: site, files: files) { staging.write($0, bytes: $1) })
        guard !diagnostics.hasErrors else {
            staging.discard()
            throw DiagnosticsError(diagnostics.all)
        }
        do {
            try staging.commit()
        } catch {
            diagnostics.add(
                .error("\(error)", at: SourceLocation(path: output, line: 0, column: 0), code: .outputFolder))
            throw DiagnosticsError(diagnostics.all)
        }
        let counts = staging.counts
        var report = Report(pages: counts.pages, files: counts.files, warnings: diagnostics.all, seconds: seconds())
        report.reportPDF = site.config.params["report_pdf"]?.lowercased() == "true"
        let codes = site.config.languages.isEmpty ? [site.config.language] : site.config.languages
        report.languageFolders = codes.indices.map { $0 == 0 ? "" : codes[$0] + "/" }
        return report
    }
}
