import CityscoreModel
import CityscoreText

/// The Routing stage: one table of every page the site will have, built from the validated site.
/// Rendering renders its routes; link and anchor checks, the sitemap, navigation and `serve` read it.
public struct RouteTable: Sendable {
    /// Every page, in the order they are built: kinds in declaration order, pages of a kind in the
    /// site's order.
    public private(set) var routes: [Route]
    /// Position in `routes` by output path (the first route of a path wins).
    private var byPath: [String: Int]

    /// The table of `site`, with `extra` routes (a page kind a theme or a test registers) after.
    public init(site: Site, extra: [Route] = []) {
        var routes: [Route] = []
        for kind in PageKind.allCases {
            for place in kind.definition.pages(site) {
                routes.append(Route(kind: kind, place: place, language: site.config.language))
            }
        }
        self.init(routes: routes + extra)
    }

    /// A table of the given routes.
    public init(routes: [Route]) {
        self.routes = routes
        var byPath: [String: Int] = [:]
        for (i, route) in routes.enumerated() where byPath[route.path] == nil { byPath[route.path] = i }
        self.byPath = byPath
    }

    /// Whether `cities` have the same evaluation rounds in both sites: of a site's rows, only each
    /// city's rounds name pages (`PageKind.cityRound`), so when only the rows of `cities` changed and
    /// their rounds did not, the table of `before` is that of `after`.
    public static func sameRounds(of cities: Set<String>, before: Site, after: Site) -> Bool {
        guard !cities.isEmpty else { return true }
        let old = CityRoundIndex(before.observations.filter { cities.contains($0.city) })
        let new = CityRoundIndex(after.observations.filter { cities.contains($0.city) })
        return cities.allSatisfy { old.rounds(of: $0) == new.rounds(of: $0) }
    }

    /// The route of the page at `path` (an output path as in `Route.path`).
    public func route(at path: String) -> Route? { byPath[path].map { routes[$0] } }

    /// Every output path of a page.
    public var paths: Set<String> { Set(byPath.keys) }

    /// The paths the sitemap lists, sorted.
    public var sitemapPaths: [String] { routes.filter(\.inSitemap).map(\.path).sorted() }

    /// The pages of one kind.
    public func routes(of kind: PageKind) -> [Route] { routes.filter { $0.kind == kind } }

    /// The pages a change to these site files affects (an input folder, ending in `/`, covers the
    /// files inside it); a change to the theme affects every page.
    public func routes(affectedBy changed: [String]) -> [Route] {
        if changed.contains(where: { $0.hasPrefix("Themes/") }) { return routes }
        return routes.filter { route in
            route.inputs.contains { input in
                changed.contains { input.hasSuffix("/") ? $0.hasPrefix(input) : $0 == input }
            }
        }
    }

    /// The output path of the page each Markdown document of the site is shown on.
    public static func documentPages(of site: Site) -> [String: String] {
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
        for action in site.actions { map[action.document.path] = URLs.action(action.slug) }
        for change in site.changes { map[change.document.path] = URLs.changes }
        return map
    }

    /// Every output path a root-relative link may name: pages, data files and assets.
    public func linkablePaths(site: Site) -> Set<String> {
        var paths = self.paths
        paths.formUnion([URLs.resultsCSV, URLs.frameworkCSV, URLs.dataPackage, URLs.actionsCSV, URLs.programmeJSON])
        paths.formUnion(site.cities.map { URLs.cityJSON($0.slug) })
        paths.formUnion(site.assets.map(URLs.asset))
        return paths
    }

    /// The output path a root-relative link's path (without its leading `/`) names, if any: as
    /// written, without a trailing `/`, with `index.html`, or with the base URL's path in front.
    public static func linkedPath(_ path: String, in known: Set<String>, basePath: String) -> String? {
        var candidates = [path]
        let base = String(basePath.dropFirst())
        if !base.isEmpty, path.hasPrefix(base) { candidates.append(String(path.dropFirst(base.count))) }
        for candidate in candidates {
            let trimmed = candidate.hasSuffix("index.html") ? String(candidate.dropLast("index.html".count)) : candidate
            for form in [trimmed, trimmed + "/"] where known.contains(form) { return form }
        }
        return nil
    }

    /// The sitemap of the pages, at their absolute URLs.
    public func sitemap(urls: URLs) -> String {
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in sitemapPaths {
            let loc = XMLEscaping.escape(urls.absolute(path))
            out += "  <url><loc>\(loc)</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
