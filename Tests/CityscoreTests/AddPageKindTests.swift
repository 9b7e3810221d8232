import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreRouting
import CityscoreScoring
import CityscoreValidation
import Foundation
import Testing

@testable import CityscoreRendering

/// Adding a page is one route and one template; adding a kind that shows no data of its own (like
/// `notFound`) is one `PageKind` case with its `definition` arm (its routes) and its template; a
/// kind that shows data adds its context type (a `PageContext`, named in `PageKind.contextType`,
/// which documents its variables and makes its context). Everything else that names kinds
/// (required templates, reserved slugs, the sitemap, the theme reference, the template check, the
/// gates' list of pages, serve's rebuild decisions) is derived from them.
@Suite("Adding a page kind")
struct AddPageKindTests {
    /// A test-only change: one route registered with its own template, one template. The page is
    /// built, in the sitemap and the route table, and its template is checked like any other.
    @Test func oneRouteAndOneTemplateMakeANewPage() throws {
        let site = try TestSite.make([
            "Themes/default/templates/glossary.mustache":
                "{{>partials/head}}\n<h1>{{page.title}}</h1>{{#nav}}<a href=\"{{url}}\">{{title}}</a>{{/nav}}\n{{>partials/foot}}\n"
        ])
        defer { site.remove() }
        let (files, problems) = try Self.render(site, extra: Self.glossary)
        #expect(problems.filter { $0.severity == .error } == [])
        let page = try #require(files.first { $0.path == "glossary/index.html" })
        #expect(page.text.contains("<h1>"))
        #expect(page.text.contains("href=\"/scores/cities/\""))
        let sitemap = try #require(files.first { $0.path == "sitemap.xml" })
        #expect(sitemap.text.contains("<loc>https://example.org/scores/glossary/</loc>"))
    }

    /// The new page's template is held to its kind's variables like every other template.
    @Test func theNewTemplateIsCheckedToo() throws {
        let site = try TestSite.make([
            "Themes/default/templates/glossary.mustache": "{{>partials/head}}\n<h1>{{page.tilte}}</h1>\n"
        ])
        defer { site.remove() }
        let (_, problems) = try Self.render(site, extra: Self.glossary)
        let problem = try #require(problems.first { $0.code == .unknownTemplateVariable })
        #expect(problem.location.path.hasSuffix("templates/glossary.mustache"))
        #expect(problem.location.line == 2)
        #expect(problem.suggestion == "did you mean {{page.title}}?")
        // A route whose template the theme lacks is reported, not rendered empty.
        let (_, missing) = try Self.render(
            site,
            extra: { site in
                [Route(kind: .page, place: Route.Place(path: "faq/"), language: site.config.language, template: "faq")]
            })
        #expect(missing.contains { $0.code == .missingTemplate && $0.message.contains("\"faq\"") })
    }

    /// A kind without data of its own is named nowhere but in `PageKind` (and the one place where the
    /// 404 page differs on purpose: it has no language switcher): it has no context type, its
    /// templates receive the variables every page shares, its context is exactly those, and serve
    /// makes it again only when everything is.
    @Test func aKindWithoutDataNeedsOnlyItsCaseItsDefinitionAndItsTemplate() throws {
        #expect(PageKind.notFound.contextType == nil)
        #expect(PageKind.notFound.contextVariables.isEmpty)
        #expect(PageKind.notFound.allContextVariables == ContextVariable.shared)
        let repo = ThemeReferenceTests.repo
        var namers: [String] = []
        for folder in ["Sources/CityscoreRendering", "Sources/CityscoreRouting", "Sources/CityscorePipeline"] {
            let url = repo.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path) where file.hasSuffix(".swift") {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                if text.contains(".notFound") { namers.append("\(folder)/\(file)") }
            }
        }
        #expect(
            namers.sorted() == ["Sources/CityscoreRendering/Contexts.swift", "Sources/CityscoreRouting/PageKind.swift"])
        // Its page's context holds the shared variables and nothing else.
        let site = try TestSite.make([:])
        defer { site.remove() }
        var kinds = 0
        try ThemeReferenceTests.eachContext(root: site.root) { route, context in
            guard route.kind == .notFound else { return }
            kinds += 1
            #expect(Set(context.keys).isSubset(of: Set(ContextVariable.shared.map(\.name))))
            #expect(context["page"]?["title"] != nil)
        }
        #expect(kinds == 1)
        let source = try #require(SiteReader(root: site.root).read().0)
        let validated = try #require(SiteValidator().validate(source).0)
        #expect(PageKind.notFound.dependencies(of: Route.Place(path: "404.html"), in: validated).isEmpty)
    }

    /// What names kinds elsewhere is derived from `PageKind`: required templates, the reserved
    /// slugs (the first folder of every kind's pages and of the data files), the reference.
    @Test func everyListOfKindsIsDerivedFromPageKind() throws {
        #expect(Templates.required == PageKind.allCases.map(\.template))
        let reserved = SiteValidator.reservedSlugs
        for slug in ["cities", "dimensions", "indicators", "programme", "report", "actions", "changes", "404"] {
            #expect(reserved.contains(slug), "\(slug)")
        }
        for slug in ["data", "assets", "reports", "theme", "charts", "sitemap", "robots"] {
            #expect(reserved.contains(slug), "\(slug)")
        }
        // The methodology kind shows Content/pages/methodology.md: that slug stays the page's.
        #expect(!reserved.contains("methodology"))
        #expect(!reserved.contains(""))
        let site = try TestSite.make(["Content/pages/actions.md": "---\ntitle: Our actions\n---\nText.\n"])
        defer { site.remove() }
        #expect(site.check().contains { $0.contains("Content/pages/actions.md") && $0.contains("[reserved-slug]") })
        // A page named like another language of the site would be that language's home page.
        let languages = try TestSite.make([
            "Content/site.yml": TestSite.siteYML.replacingOccurrences(of: "language: en", with: "languages: [en, nb]"),
            "Content/pages/nb.md": "---\ntitle: Norsk\n---\nTekst.\n",
        ])
        defer { languages.remove() }
        #expect(languages.check().contains { $0.contains("Content/pages/nb.md") && $0.contains("[reserved-slug]") })
    }

    /// `.ci/quality/pagekinds.json`, which the axe and screenshot gates read, lists one page of every
    /// kind of the gates' site (the demo with the gates' action) from the route table.
    /// `CITYSCORE_WRITE_PAGEKINDS=1 swift test --filter AddPageKindTests` rewrites it.
    @Test func theGatesListOfPageKindsComesFromTheRouteTable() throws {
        let repo = ThemeReferenceTests.repo
        let fixture = try String(
            contentsOf: repo.appendingPathComponent(".ci/quality/fixtures/actions/gate-fixture.md"), encoding: .utf8)
        let copy = try TestSite(files: [:])
        defer { copy.remove() }
        try FileManager.default.createDirectory(atPath: copy.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repo.appendingPathComponent("Content"), to: URL(fileURLWithPath: copy.root + "/Content"))
        try FileManager.default.createDirectory(
            atPath: copy.root + "/Content/actions", withIntermediateDirectories: true)
        try Data(fixture.utf8).write(to: URL(fileURLWithPath: copy.root + "/Content/actions/gate-fixture.md"))
        let source = try #require(SiteReader(root: copy.root).read().0)
        let validated = try #require(SiteValidator().validate(source).0)
        let generated = Self.pageKindsJSON(RouteTable(site: validated))
        let file = repo.appendingPathComponent(".ci/quality/pagekinds.json")
        if ProcessInfo.processInfo.environment["CITYSCORE_WRITE_PAGEKINDS"] == "1" {
            try Data(generated.utf8).write(to: file)
        }
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(
            written == generated,
            ".ci/quality/pagekinds.json has drifted from PageKind: run CITYSCORE_WRITE_PAGEKINDS=1 swift test --filter AddPageKindTests"
        )
        for kind in PageKind.allCases { #expect(generated.contains("\"\(kind.template)\"")) }
    }

    /// One line per kind, in `PageKind` order: its template and the path of one of its pages (the
    /// demo's fullest city's when it has one), or null when the site has none.
    static func pageKindsJSON(_ table: RouteTable) -> String {
        let lines = PageKind.allCases.map { kind -> String in
            let routes = table.routes(of: kind)
            let route = routes.first { $0.path.contains("karmoy") } ?? routes.first
            let path = route.map { "\"\($0.path)\"" } ?? "null"
            return "  {\"kind\": \"\(kind.template)\", \"path\": \(path)}"
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    /// The one route of the new page: its own path, navigation section and template.
    static func glossary(_ site: Site) -> [Route] {
        [
            Route(
                kind: .page, place: Route.Place(path: "glossary/", section: "glossary"),
                language: site.config.language, template: "glossary")
        ]
    }

    /// The site's files rendered with `extra` routes after the table's own.
    static func render(_ test: TestSite, extra: (Site) -> [Route]) throws -> ([RenderedFile], [Diagnostic]) {
        let source = try #require(SiteReader(root: test.root).read().0)
        let site = try #require(SiteValidator().validate(source).0)
        let renderer = SiteRenderer(
            site: site, scorecards: Scorer(site: site).scorecards(), theme: source.theme, strings: source.strings,
            routes: RouteTable(site: site, extra: extra(site)))
        return renderer.render()
    }
}
