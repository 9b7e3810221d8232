import CityscoreModel
import CityscoreReading
import CityscoreRendering
import CityscoreRouting
import CityscoreScoring
import CityscoreValidation
import Foundation
import Testing

/// The Routing stage: one table of every page, read by rendering, the sitemap, links and `serve`.
@Suite("Routing")
struct RoutingTests {
    /// The validated site of a test site folder.
    static func validated(_ site: TestSite) throws -> (Site, ThemeSource, [String: String]) {
        let source = try #require(SiteReader(root: site.root).read().0)
        let (theme, strings) = (source.theme, source.strings)
        let (validated, diagnostics) = SiteValidator().validate(source)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return (try #require(validated), theme, strings)
    }

    @Test func theTableHasEveryPageOnceWithItsTemplateAndLanguage() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let (validated, _, _) = try Self.validated(site)
        let table = RouteTable(site: validated)
        let byPath = Dictionary(uniqueKeysWithValues: table.routes.map { ($0.path, $0) })
        #expect(byPath.count == table.routes.count)
        #expect(byPath[""]?.kind == .home)
        #expect(byPath["cities/karmoy/"]?.template == "city")
        #expect(byPath["cities/karmoy/economy/"]?.template == "city-dimension")
        #expect(byPath["cities/karmoy/economy/"]?.section == "cities")
        #expect(byPath["indicators/ec-ict-ict-1c/"]?.kind == .indicator)
        #expect(byPath["404.html"]?.file == "404.html")
        #expect(byPath["cities/"]?.file == "cities/index.html")
        #expect(table.routes.allSatisfy { $0.language == validated.config.language })
        // One city-dimension page per city and dimension.
        #expect(
            table.routes(of: .cityDimension).count == validated.cities.count * validated.framework.dimensions.count)
        // The sitemap lists every page but the 404 page.
        #expect(table.sitemapPaths.count == table.routes.count - 1)
        #expect(!table.sitemapPaths.contains("404.html"))
        // Every kind has a template the theme must provide, and a page of every kind exists here
        // (free pages, actions, earlier rounds and the changes page aside: the test site has no pages, no
        // actions, one round per city and no change entries).
        #expect(Set(PageKind.requiredTemplates).count == PageKind.allCases.count)
        for kind in PageKind.allCases where kind != .page && kind != .action && kind != .changes && kind != .cityRound {
            #expect(!table.routes(of: kind).isEmpty, "\(kind)")
        }
    }

    @Test func aChangedFileRebuildsOnlyThePagesThatReadIt() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let (validated, _, _) = try Self.validated(site)
        let table = RouteTable(site: validated)
        let karmoy = Set(table.routes(affectedBy: ["Content/cities/karmoy.md"]).map(\.path))
        #expect(karmoy.contains("cities/karmoy/"))
        #expect(karmoy.contains("cities/karmoy/economy/"))
        #expect(karmoy.contains("cities/"))
        #expect(!karmoy.contains("cities/asker/economy/"))
        #expect(!karmoy.contains("404.html"))
        // A results file reaches every page that shows scores; a theme change reaches every page.
        #expect(table.routes(affectedBy: ["Content/results/2020.csv"]).contains { $0.path == "cities/asker/" })
        #expect(table.routes(affectedBy: ["Themes/default/templates/city.mustache"]).count == table.routes.count)
    }

    @Test func aRouteRegisteredWithItsOwnTemplateIsRenderedLinkedAndListed() throws {
        // A new kind of page as a test-only change: one route and one template.
        let site = try TestSite.make([
            "Themes/default/templates/about-data.mustache":
                "<h1>{{page.title}}</h1><p>{{site.title}}</p>{{#nav}}<a href=\"{{url}}\">{{title}}</a>{{/nav}}\n",
            "Content/pages/links.md": "---\ntitle: Links\n---\nSee [the data](/about-data/).\n",
        ])
        defer { site.remove() }
        let (validated, theme, strings) = try Self.validated(site)
        let extra = Route(
            kind: .methodology, place: Route.Place(path: "about-data/", inputs: ["Content/results/"]),
            language: validated.config.language, template: "about-data")
        let table = RouteTable(site: validated, extra: [extra])
        let renderer = SiteRenderer(
            site: validated, scorecards: Scorer(site: validated).scorecards(), theme: theme, strings: strings,
            routes: table)
        let (files, diagnostics) = renderer.render()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let page = try #require(files.first { $0.path == "about-data/index.html" })
        #expect(page.text.hasPrefix("<h1>"))
        #expect(page.text.contains("/methodology/"))
        #expect(files.first { $0.path == "sitemap.xml" }?.text.contains("about-data/") == true)
        // The link to it in a page's Markdown is known, not reported as broken.
        #expect(files.first { $0.path == "links/index.html" }?.text.contains("about-data/") == true)
    }

    @Test func aRegisteredRouteWhoseTemplateIsMissingIsReported() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let (validated, theme, strings) = try Self.validated(site)
        let extra = Route(
            kind: .methodology, place: Route.Place(path: "about-data/"), language: "en", template: "about-data")
        let renderer = SiteRenderer(
            site: validated, scorecards: Scorer(site: validated).scorecards(), theme: theme, strings: strings,
            routes: RouteTable(site: validated, extra: [extra]))
        let (_, diagnostics) = renderer.render()
        #expect(diagnostics.contains { $0.message.contains("no template \"about-data\"") })
    }
}
