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
        var renderer: SiteRenderer
        var site: Site
        var files: SiteFiles
        /// Every problem found so far (warnings, and errors that stop a build but not a check).
        var diagnostics: [Diagnostic]
        /// Whether the data has errors: the site is then fit for checking only, never for a build.
        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The checked, scored and routed site and the renderer for it. Only a site that cannot be read
    /// at all stops here: with errors in the data, what was read still goes on to the checks of
    /// links, anchors and templates, so that one run reports every problem. Only the way to the
    /// site's files is kept of what was read, so that the raw tables can be freed before rendering.
    func prepare() throws(DiagnosticsError) -> Prepared {
        var diagnostics: [Diagnostic] = []

        // 1. Read
        let (read, readProblems) = SiteReader(root: siteRoot).read()
        diagnostics += readProblems
        guard let source = consume read else { throw DiagnosticsError(diagnostics) }
        let (files, theme, strings) = (source.files, source.theme, source.strings)

        // 2. Validate (semantic problems are found even when some files could not be read). The
        // validator gets the only copy of what was read, and frees each table once it is checked.
        let (site, validationProblems) = SiteValidator(baseURLOverride: baseURL, currentYear: currentYear)
            .validateAll(consume source)
        diagnostics += validationProblems

        // 3. Score
        let scorecards = Scorer(site: site).scorecards()
        // 4. Route: every page the site will have
        let routes = RouteTable(site: site)
        let renderer = SiteRenderer(
            site: site, scorecards: scorecards, theme: theme, strings: strings, routes: routes)
        return Prepared(renderer: renderer, site: site, files: files, diagnostics: diagnostics)
    }

    /// Runs every check of the prepared site without keeping what is rendered (links, anchors,
    /// templates, every page rendered and dropped, every asset read); throws when any is an error.
    func check(_ prepared: Prepared) throws(DiagnosticsError) -> (pages: Int, files: Int, warnings: [Diagnostic]) {
        let (pages, problems) = prepared.renderer.check(onePerTemplate: prepared.hasErrors, progress: progress)
        var diagnostics = prepared.diagnostics + problems
        var assets = 0
        diagnostics += Self.copyAssets(of: prepared.site, files: prepared.files) { _, _ in assets += 1 }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticsError(diagnostics) }
        return (pages, pages + assets, diagnostics)
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
        var diagnostics = warnings + renderProblems
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticsError(diagnostics) }
        var files = rendered.map { OutputFile(path: $0.path, text: $0.text) }
        diagnostics += Self.copyAssets(of: site, files: siteFiles) { files.append(OutputFile(path: $0, bytes: $1)) }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticsError(diagnostics) }
        return (files, diagnostics)
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
                        at: SourceLocation(path: "Content/assets/" + asset, line: 0, column: 0)))
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
        guard let output else {
            // A check: every page is rendered and dropped at once, so the site is never held whole.
            let (pages, files, warnings) = try check(try prepare())
            return Report(pages: pages, files: files, warnings: warnings, seconds: seconds())
        }
        // The output folder is checked before any work, and what killed builds left beside it is removed.
        let writer = OutputWriter(destination: output, force: force)
        do {
            try writer.checkSafe(siteRoot: siteRoot)
        } catch {
            throw DiagnosticsError([.error("\(error)", at: SourceLocation(path: output, line: 0, column: 0))])
        }
        writer.removeLeftovers()
        let prepared = try prepare()
        // Data with errors is never built, but everything else is still checked in this run.
        if prepared.hasErrors { _ = try check(prepared) }
        let (renderer, site, files, warnings) = (prepared.renderer, prepared.site, prepared.files, prepared.diagnostics)
        let staging: Staging
        do {
            staging = try writer.begin()
        } catch {
            throw DiagnosticsError(
                warnings + [.error("\(error)", at: SourceLocation(path: output, line: 0, column: 0))])
        }
        var diagnostics =
            warnings
            + renderer.render(
                emit: { $0.appended ? staging.append($0.path, text: $0.text) : staging.write($0.path, text: $0.text) },
                progress: progress)
        diagnostics += Self.copyAssets(of: site, files: files) { staging.write($0, bytes: $1) }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            staging.discard()
            throw DiagnosticsError(diagnostics)
        }
        do {
            try staging.commit()
        } catch {
            throw DiagnosticsError(
                diagnostics + [.error("\(error)", at: SourceLocation(path: output, line: 0, column: 0))])
        }
        let counts = staging.counts
        return Report(pages: counts.pages, files: counts.files, warnings: diagnostics, seconds: seconds())
    }
}
