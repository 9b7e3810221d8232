import Markdown
import Model
import Scoring

/// Builds the template context of every page: plain dictionaries of text, lists and flags,
/// so that templates stay logic-less.
struct Contexts: Sendable {
    var site: Site
    var scorecards: [Scorecard]
    var display: Display
    var urls: URLs
    var strings: Strings
    /// Rendered Markdown by site path.
    var markdown: [String: RenderedMarkdown]

    /// Positions in `scorecards` by city slug.
    var cityIndex: [String: Int]
    /// Reported values (all years) by KPI code.
    var reportedCounts: [String: Int]

    var kpis: [KPI]
    /// Free pages listed in the main navigation (`menu: true`), by weight.
    var menuPages: [Document]

    init(
        site: Site, scorecards: [Scorecard], display: Display, urls: URLs, strings: Strings,
        markdown: [String: RenderedMarkdown]
    ) {
        self.site = site
        self.scorecards = scorecards
        self.display = display
        self.urls = urls
        self.strings = strings
        self.markdown = markdown
        self.kpis = site.framework.kpis
        self.menuPages = site.pages.filter { $0.menu && $0.slug != "index" && $0.slug != "methodology" }
        self.cityIndex = Dictionary(scorecards.enumerated().map { ($1.city.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var counts: [String: Int] = [:]
        for o in site.observations where o.value.isReported { counts[o.kpi, default: 0] += 1 }
        self.reportedCounts = counts
    }

    // MARK: Shared parts

    func base(path: String, title: String, description: String, breadcrumbs: [(String, String?)], section: String)
        -> [String: Any]
    {
        var nav: [[String: Any]] = [
            ["title": strings["nav_home"], "url": urls.link(URLs.home), "current": section == "home"],
            ["title": strings["nav_cities"], "url": urls.link(URLs.cities), "current": section == "cities"],
            [
                "title": strings["nav_dimensions"], "url": urls.link(URLs.dimensions),
                "current": section == "dimensions",
            ],
            [
                "title": strings["nav_indicators"], "url": urls.link(URLs.indicators),
                "current": section == "indicators",
            ],
            [
                "title": strings["nav_methodology"], "url": urls.link(URLs.methodology),
                "current": section == "methodology",
            ],
        ]
        for page in menuPages {
            nav.append([
                "title": page.title ?? page.slug, "url": urls.link(URLs.page(page.slug)),
                "current": section == "page:\(page.slug)",
            ])
        }
        let isHome = path.isEmpty
        var crumbs: [[String: Any]] = []
        if !isHome {
            crumbs.append(["title": strings["nav_home"], "url": urls.link(URLs.home)])
            for (title, url) in breadcrumbs {
                var crumb: [String: Any] = ["title": title]
                if let url { crumb["url"] = urls.link(url) }
                crumbs.append(crumb)
            }
        }
        let fullTitle = isHome ? site.config.title : "\(title) – \(site.config.title)"
        return [
            "site": [
                "title": site.config.title, "description": site.config.description, "language": site.config.language,
                "homeURL": urls.link(URLs.home), "params": site.config.params,
            ],
            "t": strings.table,
            "nav": nav,
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "page": [
                "title": title, "fullTitle": fullTitle,
                "description": description.isEmpty ? site.config.description : description,
                "canonical": urls.absolute(path), "url": urls.link(path),
            ],
            "assets": [
                "css": urls.link("theme/site.css"), "chartsCSS": urls.link("theme/charts.css"),
                "favicon": urls.link("theme/favicon.svg"),
                "resultsCSV": urls.link(URLs.resultsCSV), "frameworkCSV": urls.link(URLs.frameworkCSV),
            ],
        ]
    }

    func narrative(_ document: Document?) -> [String: Any]? {
        guard let document, let rendered = markdown[document.path] else { return nil }
        return [
            "html": rendered.html,
            "toc": rendered.headings.filter { $0.level == 2 }.map { ["text": $0.text, "id": $0.id] },
            "hasToc": rendered.headings.filter { $0.level == 2 }.count >= 3,
        ]
    }

    func cityCard(_ card: Scorecard) -> [String: Any] {
        var out: [String: Any] = [
            "slug": card.city.slug, "name": card.city.name, "url": urls.link(URLs.city(card.city.slug)),
            "overall": display.score(card.overall),
            "dimensions": card.dimensions.map { dim -> [String: Any] in
                var d = display.score(dim.score)
                d["name"] = dim.name
                d["url"] = urls.link(URLs.cityDimension(card.city.slug, dim.slug))
                return d
            },
        ]
        if let country = card.city.country { out["country"] = country }
        if let region = card.city.region { out["region"] = region }
        if let population = card.city.population { out["population"] = display.format.count(population) }
        if let year = card.coverage.latestYear { out["year"] = String(year) }
        return out
    }

    func dimensionLinks() -> [[String: Any]] {
        site.framework.dimensions.map { ["name": $0.name, "url": urls.link(URLs.dimension($0.slug)), "slug": $0.slug] }
    }

    // MARK: Pages

    /// The context of one page, with its charts.
    func context(for kind: PageKind, path: String, charts: PageCharts) -> [String: Any] {
        var context = pageContext(for: kind, path: path, rows: charts.rows)
        context["charts"] = charts.figures.map(\.context)
        return context
    }

    func pageContext(for kind: PageKind, path: String, rows: [String: RowCharts]) -> [String: Any] {
        switch kind {
        case .home: return home(path)
        case .cities: return citiesIndex(path)
        case .city(let i): return city(scorecards[i], path)
        case .cityDimension(let c, let d): return cityDimension(scorecards[c], d, path, rows: rows)
        case .dimensions: return dimensionsIndex(path)
        case .dimension(let d): return dimension(d, path)
        case .indicators: return indicatorsIndex(path)
        case .indicator(let k): return indicator(kpis[k], path)
        case .page(let p): return page(site.pages[p], path)
        case .methodology: return methodology(path)
        case .notFound:
            return base(
                path: "404.html", title: strings["not_found_title"], description: "", breadcrumbs: [], section: "")
        }
    }

    func home(_ path: String) -> [String: Any] {
        let intro = site.pages.first { $0.slug == "index" }
        var context = base(
            path: path, title: intro?.title ?? site.config.title, description: intro?.description ?? "",
            breadcrumbs: [], section: "home")
        context["narrative"] = narrative(intro)
        context["cities"] = scorecards.map(cityCard)
        context["dimensionNames"] = site.framework.dimensions.map(\.name)
        context["dimensionLinks"] = dimensionLinks()
        context["cityCount"] = display.format.count(scorecards.count)
        context["kpiCount"] = display.format.count(kpis.count)
        context["valueCount"] = display.format.count(site.observations.filter { $0.value.isReported }.count)
        return context
    }

    func citiesIndex(_ path: String) -> [String: Any] {
        var context = base(
            path: path, title: strings["nav_cities"], description: strings["cities_description"],
            breadcrumbs: [(strings["nav_cities"], nil)], section: "cities")
        context["cities"] = scorecards.map(cityCard)
        context["dimensionNames"] = site.framework.dimensions.map(\.name)
        return context
    }

    func city(_ card: Scorecard, _ path: String) -> [String: Any] {
        let description = card.city.document.description ?? strings.format("city_description", ["city": card.city.name])
        var context = base(
            path: path, title: card.city.name, description: description,
            breadcrumbs: [(strings["nav_cities"], URLs.cities), (card.city.name, nil)], section: "cities")
        context["city"] = cityCard(card)
        context["narrative"] = narrative(card.city.document)
        context["dimensionScores"] = card.dimensions.map { dim -> [String: Any] in
            var d = display.score(dim.score)
            d["name"] = dim.name
            d["url"] = urls.link(URLs.cityDimension(card.city.slug, dim.slug))
            d["categories"] = zip(dim.categories, Self.categoryNames(dim)).map { cat, name -> [String: Any] in
                var c = display.score(cat.score)
                c["name"] = name
                return c
            }
            return d
        }
        let scored = card.items.filter { $0.achievement != nil }
        let strongest = scored.sorted { ($0.achievement ?? 0, $1.kpi.code) > ($1.achievement ?? 0, $0.kpi.code) }
            .prefix(5)
        let weakest = scored.sorted { ($0.achievement ?? 0, $0.kpi.code) < ($1.achievement ?? 0, $1.kpi.code) }.prefix(
            5)
        context["strongest"] = strongest.map(display.item)
        context["weakest"] = weakest.map(display.item)
        context["hasScored"] = !scored.isEmpty
        context["coverage"] = coverage(card)
        context["json"] = urls.link(URLs.cityJSON(card.city.slug))
        context["peers"] = card.city.peers.compactMap { slug in
            cityIndex[slug].map { ["name": scorecards[$0].city.name, "url": urls.link(URLs.city(slug))] }
        }
        context["params"] = card.city.params
        return context
    }

    func coverage(_ card: Scorecard) -> [String: Any] {
        let c = card.coverage
        var quality: [[String: Any]] = DataQuality.allCases.compactMap { level in
            guard let n = c.quality[level], n > 0 else { return nil }
            return ["label": strings["quality_\(level.rawValue)"], "count": display.format.count(n)]
        }
        if let n = c.quality[nil], n > 0 {
            quality.append(["label": strings["quality_not_stated"], "count": display.format.count(n)])
        }
        return [
            "items": display.format.count(c.items), "reported": display.format.count(c.reported),
            "scored": display.format.count(c.scored), "notReported": display.format.count(c.notReported),
            "noTarget": display.format.count(c.noTarget), "verified": display.format.count(c.verified),
            "quality": quality,
        ]
    }

    func cityDimension(_ card: Scorecard, _ d: Int, _ path: String, rows: [String: RowCharts]) -> [String: Any] {
        let dim = card.dimensions[d]
        let title = "\(dim.name) – \(card.city.name)"
        let narrativeDoc = card.city.dimensionNarratives[dim.slug]
        var context = base(
            path: path, title: narrativeDoc?.title ?? title,
            description: narrativeDoc?.description
                ?? strings.format("city_dimension_description", ["city": card.city.name, "dimension": dim.name]),
            breadcrumbs: [
                (strings["nav_cities"], URLs.cities), (card.city.name, URLs.city(card.city.slug)), (dim.name, nil),
            ],
            section: "cities")
        context["city"] = cityCard(card)
        context["dimension"] = [
            "name": dim.name, "score": display.score(dim.score), "url": urls.link(URLs.dimension(dim.slug)),
        ]
        context["narrative"] = narrative(narrativeDoc)
        context["subdimensions"] = dim.subdimensions.map { sub -> [String: Any] in
            [
                "name": sub.name, "score": display.score(sub.score),
                "categories": sub.categories.map { cat -> [String: Any] in
                    [
                        "name": cat.name, "id": "cat-\(sub.slug)-\(cat.slug)", "score": display.score(cat.score),
                        "items": cat.items.map { item -> [String: Any] in
                            var row = display.item(item)
                            if let charts = rows[ChartBuilder.key(item)] {
                                if let bullet = charts.bullet { row["bullet"] = bullet }
                                if let sparkline = charts.sparkline { row["sparkline"] = sparkline }
                            }
                            return row
                        },
                    ]
                },
            ]
        }
        context["otherDimensions"] = card.dimensions.enumerated().filter { $0.offset != d }.map {
            ["name": $0.element.name, "url": urls.link(URLs.cityDimension(card.city.slug, $0.element.slug))]
        }
        return context
    }

    func dimensionsIndex(_ path: String) -> [String: Any] {
        var context = base(
            path: path, title: strings["nav_dimensions"], description: strings["dimensions_description"],
            breadcrumbs: [(strings["nav_dimensions"], nil)], section: "dimensions")
        context["dimensions"] = site.framework.dimensions.map { dim -> [String: Any] in
            [
                "name": dim.name, "url": urls.link(URLs.dimension(dim.slug)),
                "kpiCount": display.format.count(dim.kpis.count),
                "subdimensions": dim.subdimensions.map {
                    ["name": $0.name, "categories": $0.categories.map(\.name).joined(separator: ", ")]
                },
            ]
        }
        return context
    }

    func dimension(_ d: Int, _ path: String) -> [String: Any] {
        let dim = site.framework.dimensions[d]
        var context = base(
            path: path, title: dim.name, description: strings.format("dimension_description", ["dimension": dim.name]),
            breadcrumbs: [(strings["nav_dimensions"], URLs.dimensions), (dim.name, nil)], section: "dimensions")
        let scores = scorecards.map { ($0, $0.dimensions[d]) }
        let ranks = Ranking.ranks(scores.map { $0.1.score.percent })
        context["dimension"] = ["name": dim.name]
        context["categories"] = Self.categoryNames(dim).map { ["name": $0] }
        context["rows"] = scores.enumerated().map { (i, pair) -> [String: Any] in
            let (card, dimScore) = pair
            var row = display.score(dimScore.score)
            row["city"] = card.city.name
            row["url"] = urls.link(URLs.cityDimension(card.city.slug, dim.slug))
            row["rank"] = ranks[i]
            row["cells"] = dimScore.categories.map { display.score($0.score) }
            return row
        }
        context["peerGroups"] = scorecards.filter { !$0.city.peers.isEmpty }.map { card -> [String: Any] in
            let group = [card] + card.city.peers.compactMap { p in cityIndex[p].map { scorecards[$0] } }
            return [
                "city": card.city.name,
                "members": group.map { c -> [String: Any] in
                    var m = display.score(c.dimensions[d].score)
                    m["name"] = c.city.name
                    return m
                },
            ]
        }
        context["kpis"] = dim.kpis.map { ["code": $0.code, "name": $0.name, "url": urls.link(URLs.indicator($0))] }
        return context
    }

    func indicatorsIndex(_ path: String) -> [String: Any] {
        var context = base(
            path: path, title: strings["nav_indicators"], description: strings["indicators_description"],
            breadcrumbs: [(strings["nav_indicators"], nil)], section: "indicators")
        context["dimensions"] = site.framework.dimensions.map { dim -> [String: Any] in
            [
                "name": dim.name,
                "categories": dim.subdimensions.flatMap { sub in
                    sub.categories.map { cat -> [String: Any] in
                        [
                            "name": "\(sub.name): \(cat.name)",
                            "kpis": cat.kpis.map { kpi -> [String: Any] in
                                [
                                    "code": kpi.code, "name": kpi.name, "url": urls.link(URLs.indicator(kpi)),
                                    "level": kpi.level, "unit": kpi.unit,
                                    "reported": display.format.count(reportedCounts[kpi.code] ?? 0),
                                ]
                            },
                        ]
                    }
                },
            ]
        }
        return context
    }

    func indicator(_ kpi: KPI, _ path: String) -> [String: Any] {
        var context = base(
            path: path, title: "\(kpi.name) (\(kpi.code))", description: kpi.description,
            breadcrumbs: [(strings["nav_indicators"], URLs.indicators), (kpi.name, nil)], section: "indicators")
        var k: [String: Any] = [
            "code": kpi.code, "name": kpi.name, "level": kpi.level, "kind": kpi.kind, "unit": kpi.unit,
            "direction": strings["direction_\(kpi.direction.rawValue)"], "directionBasis": kpi.directionBasis,
            "sdg": kpi.sdg, "description": kpi.description, "evidence": kpi.evidence,
            "dimension": kpi.dimension, "subdimension": kpi.subdimension, "category": kpi.category,
            "datapoints": kpi.datapoints.joined(separator: ", "),
            "dimensionURL": urls.link(URLs.dimension(Slug.make(kpi.dimension))),
        ]
        if let target = kpi.target {
            k["benchmark"] = display.value(.number(target), unit: kpi.unit == "Percentage" ? "%" : "")
            k["benchmarkSource"] = kpi.targetSource
        }
        context["kpi"] = k
        context["rows"] = scorecards.flatMap { card -> [[String: Any]] in
            card.items(for: kpi.code).map { item -> [String: Any] in
                var row = display.item(item)
                row["city"] = card.city.name
                row["cityURL"] = urls.link(URLs.cityDimension(card.city.slug, Slug.make(kpi.dimension)))
                return row
            }
        }
        return context
    }

    func page(_ page: Document, _ path: String) -> [String: Any] {
        let title = page.title ?? page.slug
        var context = base(
            path: path, title: title, description: page.description ?? markdown[page.path]?.summary ?? "",
            breadcrumbs: [(title, nil)], section: "page:\(page.slug)")
        context["narrative"] = narrative(page)
        return context
    }

    func methodology(_ path: String) -> [String: Any] {
        let page = site.pages.first { $0.slug == "methodology" }
        let title = page?.title ?? strings["nav_methodology"]
        var context = base(
            path: path, title: title, description: page?.description ?? strings["methodology_description"],
            breadcrumbs: [(title, nil)], section: "methodology")
        context["narrative"] = narrative(page)
        context["bands"] = Band.allCases.reversed().map { band -> [String: Any] in
            var b = display.band(band)
            b["points"] = String(band.points)
            b["from"] = display.format.percent(band.lowerBound, maxFractionDigits: 0)
            return b
        }
        context["frameworkOrigin"] = site.framework.origin
        context["dimensions"] = site.framework.dimensions.map { dim -> [String: Any] in
            [
                "name": dim.name,
                "subdimensions": dim.subdimensions.map { sub -> [String: Any] in
                    [
                        "name": sub.name,
                        "categories": sub.categories.map {
                            ["name": $0.name, "count": display.format.count($0.kpis.count)]
                        },
                    ]
                },
            ]
        }
        context["benchmarks"] = kpis.filter { $0.target != nil }.map { kpi -> [String: Any] in
            [
                "code": kpi.code, "name": kpi.name, "target": display.format.number(kpi.target ?? 0),
                "source": kpi.targetSource, "url": urls.link(URLs.indicator(kpi)),
            ]
        }
        context["localTargetCount"] = display.format.count(site.targets.count)
        context["kpiCount"] = display.format.count(kpis.count)
        return context
    }

    /// The categories' names in framework order; a name that appears in two sub-dimensions (Water
    /// and Sanitation in ICT and in Infrastructure) is told apart by its sub-dimension.
    static func categoryNames(_ dim: DimensionScore) -> [String] {
        categoryNames(dim.subdimensions.flatMap { sub in sub.categories.map { (sub.name, $0.name) } })
    }

    static func categoryNames(_ dim: Dimension) -> [String] {
        categoryNames(dim.subdimensions.flatMap { sub in sub.categories.map { (sub.name, $0.name) } })
    }

    static func categoryNames(_ pairs: [(subdimension: String, category: String)]) -> [String] {
        pairs.map { pair in
            pairs.filter { $0.category == pair.category }.count > 1
                ? "\(pair.category) (\(pair.subdimension))" : pair.category
        }
    }
}
