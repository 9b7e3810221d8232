import CityscoreModel

/// The first folders of the paths the site writes itself, which a free page (`<slug>/`) must not take.
extension RouteTable {
    /// Every first path segment (`cities`, `data`, `404`, …) of the pages of every kind but free
    /// pages (but a kind's own page: `methodology`), and of the data files, assets, charts and theme files: derived from the kinds'
    /// `definition` and `URLs`, so that a new page kind reserves its folder without a list to update.
    public static let reservedSlugs: Set<String> = {
        let document = Document(path: "Content/cities/x.md", body: "", slug: "x")
        var site = Site(
            config: SiteConfig(title: "x"), framework: Framework(kpis: [], origin: ""),
            cities: [City(slug: "x", name: "x", document: document)],
            observations: [2020, 2023].map { round in
                Observation(city: "x", kpi: "x", year: round, value: .number(1), round: round)
            },
            targets: [], pages: [],
            actions: [
                Action(slug: "x", city: "x", title: "x", targets: [], status: .planned, document: document)
            ])
        site.changes = [ChangeEntry(date: "2020-01-01", title: "x", cities: [], document: document)]
        let table = RouteTable(site: site)
        let files = [
            URLs.resultsCSV, URLs.frameworkCSV, URLs.dataPackage, URLs.actionsCSV, URLs.programmeJSON,
            URLs.cityJSON("x"), URLs.asset("x"), URLs.reportPDF("x"), URLs.changesFeed, "sitemap.xml",
            "robots.txt", "theme/site.css", "charts/x.svg",
        ]
        func folder(_ path: String) -> String? {
            guard let first = path.split(separator: "/").first else { return nil }
            return String(first.split(separator: ".").first ?? first)
        }
        // A kind that shows the free page of its folder's name (`methodology/` shows
        // Content/pages/methodology.md) leaves that slug to the page.
        let pages = table.routes.filter { route in
            route.kind != .page
                && !route.inputs.contains { input in folder(route.path).map { "Content/pages/\($0).md" } == input }
        }
        return Set((pages.map(\.path) + files).compactMap(folder))
    }()
}
