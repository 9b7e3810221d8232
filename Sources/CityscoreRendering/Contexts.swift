import CityscoreConcurrency
import CityscoreMarkdown
import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating
import CityscoreText

/// A template object: named texts, flags, lists and objects.
typealias Fields = [String: TemplateValue]

/// Builds the template context of every page: typed values of text, lists and flags, so that
/// templates stay logic-less.
struct Contexts: Sendable {
    var site: Site
    var scorecards: [Scorecard]
    var display: Display
    var urls: URLs
    var strings: Strings
    /// The site's languages, for the switcher and `hreflang`.
    var languages = LanguageLinks()
    /// Rendered Markdown by site path.
    var markdown: [String: RenderedMarkdown]

    /// Positions in `scorecards` by city slug.
    var cityIndex: [String: Int]
    /// Reported values (all years) by KPI code.
    var reportedCounts: [String: Int]

    var kpis: [KPI]
    /// The main navigation's entries of the page kinds: the string of each and the first page of its kind.
    var menu: [(key: String, route: Route)]
    /// Free pages listed in the main navigation (`menu: true`), by weight.
    var menuPages: [Document]
    /// The fields every page shares (`site`, `t`, `assets`), built once.
    var sharedFields: Fields
    /// Each city's card (name, links, scores), built once: every index page lists them all.
    var cards: [TemplateValue] = []
    /// The site's actions by city and KPI.
    var actionIndex: ActionIndex
    /// The programme view, computed once.
    var programmeView: Programme

    init(
        site: Site, scorecards: [Scorecard], display: Display, urls: URLs, strings: Strings,
        markdown: [String: RenderedMarkdown], routes: RouteTable
    ) {
        self.menu = PageKind.allCases.compactMap { kind in
            guard let key = kind.definition.menuKey, let first = routes.routes(of: kind).first else { return nil }
            return (key, first)
        }
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
        self.sharedFields = Self.shared(site: site, urls: urls, strings: strings)
        let actionIndex = ActionIndex(site.actions)
        self.actionIndex = actionIndex
        self.programmeView = Programme(scorecards: scorecards, actions: actionIndex)
        let builder = self
        self.cards = Parallel.map(scorecards) { builder.makeCityCard($0) }
    }

    // MARK: Shared parts

    /// The parts every page shares: the site, the interface strings, the assets.
    static func shared(site: Site, urls: URLs, strings: Strings) -> Fields {
        [
            "site": [
                "title": .string(site.config.title), "description": .string(site.config.description),
                "language": .string(site.config.language), "homeURL": .string(urls.link(URLs.home)),
                "params": TemplateValue(site.config.params),
            ],
            "t": TemplateValue(strings.table),
            "assets": [
                "css": .string(urls.link("theme/site.css")), "chartsCSS": .string(urls.link("theme/charts.css")),
                "favicon": .string(urls.link("theme/favicon.svg")),
                "resultsCSV": .string(urls.link(URLs.resultsCSV)),
                "frameworkCSV": .string(urls.link(URLs.frameworkCSV)),
            ],
        ]
    }

    func base(path: String, title: String, description: String, breadcrumbs: [(String, String?)], section: String)
        -> Fields
    {
        func link(_ title: String, _ url: String, current: Bool) -> TemplateValue {
            ["title": .string(title), "url": .string(urls.link(url)), "current": .bool(current)]
        }
        var nav = menu.map { link(strings[$0.key], $0.route.path, current: section == $0.route.section) }
        for page in menuPages {
            nav.append(link(page.title ?? page.slug, URLs.page(page.slug), current: section == "page:\(page.slug)"))
        }
        let isHome = path.isEmpty
        var crumbs: [TemplateValue] = []
        if !isHome {
            crumbs.append(["title": .string(strings["nav_home"]), "url": .string(urls.link(URLs.home))])
            for (title, url) in breadcrumbs {
                var crumb: Fields = ["title": .string(title)]
                if let url { crumb["url"] = .string(urls.link(url)) }
                crumbs.append(.object(crumb))
            }
        }
        let fullTitle =
            isHome ? site.config.title : strings.format("page_title", ["page": title, "site": site.config.title])
        var context = sharedFields
        context["nav"] = .list(nav)
        context["breadcrumbs"] = .list(crumbs)
        context["hasBreadcrumbs"] = .bool(!crumbs.isEmpty)
        context["page"] = [
            "title": .string(title), "fullTitle": .string(fullTitle),
            "description": .string(description.isEmpty ? site.config.description : description),
            "canonical": .string(urls.absolute(path)), "url": .string(urls.link(path)),
        ]
        return context
    }

    func narrative(_ document: Document?) -> TemplateValue? {
        guard let document, let rendered = markdown[document.path] else { return nil }
        let sections = rendered.headings.filter { $0.level == 2 }
        return [
            "html": .string(rendered.html),
            "toc": .list(sections.map { ["text": .string($0.text), "id": .string($0.id)] }),
            "hasToc": .bool(sections.count >= 3),
        ]
    }

    /// The card of a city, built once in `init`.
    func cityCard(_ card: Scorecard) -> TemplateValue {
        cityIndex[card.city.slug].map { cards[$0] } ?? makeCityCard(card)
    }

    func makeCityCard(_ card: Scorecard) -> TemplateValue {
        var out: Fields = [
            "slug": .string(card.city.slug), "name": .string(card.city.name),
            "url": .string(urls.link(URLs.city(card.city.slug))),
            "overall": .object(display.score(card.overall)),
            "dimensions": .list(
                card.dimensions.map { dim in
                    var d = display.score(dim.score)
                    d["name"] = .string(dim.name)
                    d["url"] = .string(urls.link(URLs.cityDimension(card.city.slug, dim.slug)))
                    return .object(d)
                }),
        ]
        if let country = card.city.country { out["country"] = .string(country) }
        if let region = card.city.region { out["region"] = .string(region) }
        if let population = card.city.population { out["population"] = .string(display.format.count(population)) }
        if let year = card.coverage.latestYear { out["year"] = .string(String(year)) }
        if let latest = card.coverage.latestYear, let earliest = card.coverage.earliestYear {
            let span = earliest == latest ? String(latest) : "\(earliest)–\(latest)"
            out["years"] = .string(strings.format("values_from", ["years": span]))
        }
        return .object(out)
    }

    func dimensionLinks() -> TemplateValue {
        .list(
            site.framework.dimensions.map {
                [
                    "name": .string($0.name), "url": .string(urls.link(URLs.dimension($0.slug))),
                    "slug": .string($0.slug),
                ]
            })
    }

    // MARK: Pages

    /// The context of one page, with its charts.
    func context(for route: Route, charts: PageCharts) -> Fields {
        var context = pageContext(for: route, rows: charts.rows)
        context["charts"] = .list(charts.figures.map(\.context))
        if !languages.all.isEmpty, route.kind != .notFound {
            context["languages"] = languages.context(path: route.path, urls: urls)
            context["hasLanguages"] = .bool(true)
        }
        return context
    }

    /// The title of a page whose kind names it with an interface string.
    func title(of route: Route) -> String { route.kind.definition.titleKey.map { strings[$0] } ?? "" }

    func pageContext(for route: Route, rows: [String: RowCharts]) -> Fields {
        let place = route.place
        if route.kind == .action, let a = place.action { return action(site.actions[a], route) }
        switch (route.kind, place.city, place.dimension, place.kpi, place.page) {
        case (.home, _, _, _, _): return home(route)
        case (.cities, _, _, _, _): return citiesIndex(route)
        case (.city, let c?, _, _, _): return city(scorecards[c], route)
        case (.cityDimension, let c?, let d?, _, _): return cityDimension(scorecards[c], d, route, rows: rows)
        case (.cityRound, let c?, _, _, _) where place.round.flatMap { scorecards[c].round($0) } != nil:
            return cityRound(scorecards[c], route)
        case (.dimensions, _, _, _, _): return dimensionsIndex(route)
        case (.dimension, _, let d?, _, _): return dimension(d, route)
        case (.indicators, _, _, _, _): return indicatorsIndex(route)
        case (.indicator, _, _, let k?, _): return indicator(kpis[k], route)
        case (.page, _, _, _, let p?): return page(site.pages[p], route)
        case (.methodology, _, _, _, _): return methodology(route)
        case (.cityReport, let c?, _, _, _): return cityReport(scorecards[c], route)
        case (.programmeReport, _, _, _, _): return programmeReport(route)
        case (.programme, _, _, _, _): return programme(route)
        case (.changes, _, _, _, _): return changesPage(route)
        default:
            // The 404 page, and a route registered without the subject its kind shows: the shared parts.
            return base(
                path: route.path, title: title(of: route), description: "", breadcrumbs: [], section: route.section)
        }
    }

    func count(_ n: Int) -> TemplateValue { .string(display.format.count(n)) }

    func home(_ route: Route) -> Fields {
        let intro = site.pages.first { $0.slug == "index" }
        var context = base(
            path: route.path, title: intro?.title ?? site.config.title, description: intro?.description ?? "",
            breadcrumbs: [], section: route.section)
        context["narrative"] = narrative(intro)
        context["cities"] = .list(cards)
        context["dimensionNames"] = TemplateValue(site.framework.dimensions.map(\.name))
        context["dimensionLinks"] = dimensionLinks()
        context["cityCount"] = count(scorecards.count)
        context["kpiCount"] = count(kpis.count)
        context["valueCount"] = count(site.observations.filter { $0.value.isReported }.count)
        return context
    }

    func citiesIndex(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: title(of: route), description: strings["cities_description"],
            breadcrumbs: [(strings["nav_cities"], nil)], section: route.section)
        context["cities"] = .list(cards)
        context["dimensionNames"] = TemplateValue(site.framework.dimensions.map(\.name))
        return context
    }

    func city(_ card: Scorecard, _ route: Route) -> Fields {
        let description = card.city.document.description ?? strings.format("city_description", ["city": card.city.name])
        var context = base(
            path: route.path, title: card.city.name, description: description,
            breadcrumbs: [(strings["nav_cities"], URLs.cities), (card.city.name, nil)], section: route.section)
        context["city"] = cityCard(card)
        context["narrative"] = narrative(card.city.document)
        context["latestChange"] = latestChange(of: card)
        context["dimensionScores"] = .list(
            card.dimensions.map { dim in
                var d = display.score(dim.score)
                d["name"] = .string(dim.name)
                d["url"] = .string(urls.link(URLs.cityDimension(card.city.slug, dim.slug)))
                d["categories"] = .list(
                    zip(dim.categories, Self.categoryNames(dim)).map { cat, name in
                        var c = display.score(cat.score)
                        c["name"] = .string(name)
                        return .object(c)
                    })
                return .object(d)
            })
        let scored = card.items.filter { $0.achievement != nil }
        let strongest = scored.sorted { ($0.achievement ?? 0, $1.kpi.code) > ($1.achievement ?? 0, $0.kpi.code) }
            .prefix(5)
        let weakest = scored.sorted { ($0.achievement ?? 0, $0.kpi.code) < ($1.achievement ?? 0, $1.kpi.code) }
            .prefix(5)
        let latestYear = card.coverage.latestYear
        context["strongest"] = .list(strongest.map { .object(display.item($0, latestYear: latestYear)) })
        context["weakest"] = .list(
            weakest.map { item in
                var row = display.item(item, latestYear: latestYear)
                actionFields(item, city: card.city.slug, into: &row)
                return .object(row)
            })
        cityActions(card, into: &context)
        context["hasScored"] = .bool(!scored.isEmpty)
        context["coverage"] = coverage(card)
        context["json"] = .string(urls.link(URLs.cityJSON(card.city.slug)))
        context["peers"] = .list(
            card.city.peers.compactMap { slug in
                cityIndex[slug].map {
                    ["name": .string(scorecards[$0].city.name), "url": .string(urls.link(URLs.city(slug)))]
                }
            })
        context["params"] = TemplateValue(card.city.params)
        context["rounds"] = rounds(card)
        return context
    }

    func coverage(_ card: Scorecard) -> TemplateValue {
        let c = card.coverage
        var quality: [TemplateValue] = DataQuality.allCases.compactMap { level in
            guard let n = c.quality[level], n > 0 else { return nil }
            return ["label": .string(strings["quality_\(level.rawValue)"]), "count": count(n)]
        }
        if let n = c.quality[nil], n > 0 {
            quality.append(["label": .string(strings["quality_not_stated"]), "count": count(n)])
        }
        return [
            "items": count(c.items), "reported": count(c.reported), "scored": count(c.scored),
            "notReported": count(c.notReported), "noTarget": count(c.noTarget), "verified": count(c.verified),
            "missing": count(c.missing), "notApplicable": count(c.notApplicable),
            "hasNotApplicable": .bool(c.notApplicable > 0),
            "quality": .list(quality),
        ]
    }

    func cityDimension(_ card: Scorecard, _ d: Int, _ route: Route, rows: [String: RowCharts]) -> Fields {
        let dim = card.dimensions[d]
        let title = "\(dim.name) – \(card.city.name)"
        let narrativeDoc = card.city.dimensionNarratives[dim.slug]
        var context = base(
            path: route.path, title: narrativeDoc?.title ?? title,
            description: narrativeDoc?.description
                ?? strings.format("city_dimension_description", ["city": card.city.name, "dimension": dim.name]),
            breadcrumbs: [
                (strings["nav_cities"], URLs.cities), (card.city.name, URLs.city(card.city.slug)), (dim.name, nil),
            ],
            section: route.section)
        context["city"] = cityCard(card)
        context["dimension"] = [
            "name": .string(dim.name), "score": .object(display.score(dim.score)),
            "url": .string(urls.link(URLs.dimension(dim.slug))),
        ]
        context["narrative"] = narrative(narrativeDoc)
        context["subdimensions"] = .list(
            dim.subdimensions.map { sub in
                [
                    "name": .string(sub.name), "score": .object(display.score(sub.score)),
                    "categories": .list(
                        sub.categories.map { cat in
                            [
                                "name": .string(cat.name), "id": "cat-\(sub.slug)-\(cat.slug)",
                                "score": .object(display.score(cat.score)),
                                "items": .list(
                                    cat.items.map { item in
                                        var row = display.item(item, latestYear: card.coverage.latestYear)
                                        actionFields(item, city: card.city.slug, into: &row)
                                        if let charts = rows[ChartBuilder.key(item)] {
                                            if let bullet = charts.bullet { row["bullet"] = .string(bullet) }
                                            if let sparkline = charts.sparkline {
                                                row["sparkline"] = .string(sparkline)
                                            }
                                        }
                                        return .object(row)
                                    }),
                            ]
                        }),
                ]
            })
        context["otherDimensions"] = .list(
            card.dimensions.enumerated().filter { $0.offset != d }.map {
                [
                    "name": .string($0.element.name),
                    "url": .string(urls.link(URLs.cityDimension(card.city.slug, $0.element.slug))),
                ]
            })
        return context
    }

    func dimensionsIndex(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: title(of: route), description: strings["dimensions_description"],
            breadcrumbs: [(strings["nav_dimensions"], nil)], section: route.section)
        context["dimensions"] = .list(
            site.framework.dimensions.map { dim in
                [
                    "name": .string(dim.name), "url": .string(urls.link(URLs.dimension(dim.slug))),
                    "kpiCount": count(dim.kpis.count),
                    "subdimensions": .list(
                        dim.subdimensions.map {
                            [
                                "name": .string($0.name),
                                "categories": .string($0.categories.map(\.name).joined(separator: ", ")),
                            ]
                        }),
                ]
            })
        return context
    }

    func dimension(_ d: Int, _ route: Route) -> Fields {
        let dim = site.framework.dimensions[d]
        var context = base(
            path: route.path, title: dim.name,
            description: strings.format("dimension_description", ["dimension": dim.name]),
            breadcrumbs: [(strings["nav_dimensions"], URLs.dimensions), (dim.name, nil)], section: route.section)
        let scores = scorecards.map { ($0, $0.dimensions[d]) }
        let comparable = Ranking.comparable(scores.map { $0.1.items })
        let ranks =
            comparable
            ? Ranking.ranks(scores.map { $0.1.score.percent }) : Array(repeating: "–", count: scores.count)
        context["ranked"] = .bool(comparable)
        if !comparable { context["rankNote"] = .string(strings["rank_not_comparable"]) }
        context["dimension"] = ["name": .string(dim.name)]
        context["categories"] = .list(Self.categoryNames(dim).map { ["name": .string($0)] })
        context["rows"] = .list(
            scores.enumerated().map { (i, pair) in
                let (card, dimScore) = pair
                var row = display.score(dimScore.score)
                row["city"] = .string(card.city.name)
                row["url"] = .string(urls.link(URLs.cityDimension(card.city.slug, dim.slug)))
                row["rank"] = .string(String(ranks[i]))
                row["cells"] = .list(dimScore.categories.map { .object(display.score($0.score)) })
                return .object(row)
            })
        context["peerGroups"] = .list(
            scorecards.filter { !$0.city.peers.isEmpty }.map { card in
                let group = [card] + card.city.peers.compactMap { p in cityIndex[p].map { scorecards[$0] } }
                return [
                    "city": .string(card.city.name),
                    "members": .list(
                        group.map { c in
                            var m = display.score(c.dimensions[d].score)
                            m["name"] = .string(c.city.name)
                            return .object(m)
                        }),
                ]
            })
        context["kpis"] = .list(
            dim.kpis.map {
                ["code": .string($0.code), "name": .string($0.name), "url": .string(urls.link(URLs.indicator($0)))]
            })
        return context
    }

    func indicatorsIndex(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: title(of: route), description: strings["indicators_description"],
            breadcrumbs: [(strings["nav_indicators"], nil)], section: route.section)
        context["dimensions"] = .list(
            site.framework.dimensions.map { dim in
                [
                    "name": .string(dim.name),
                    "categories": .list(
                        dim.subdimensions.flatMap { sub in
                            sub.categories.map { cat in
                                [
                                    "name": "\(sub.name): \(cat.name)",
                                    "kpis": .list(
                                        cat.kpis.map { kpi in
                                            [
                                                "code": .string(kpi.code), "name": .string(kpi.name),
                                                "url": .string(urls.link(URLs.indicator(kpi))),
                                                "level": .string(kpi.level), "unit": .string(kpi.unit),
                                                "reported": count(reportedCounts[kpi.code] ?? 0),
                                            ]
                                        }),
                                ]
                            }
                        }),
                ]
            })
        return context
    }

    func indicator(_ kpi: KPI, _ route: Route) -> Fields {
        var context = base(
            path: route.path, title: "\(kpi.name) (\(kpi.code))", description: kpi.description,
            breadcrumbs: [(strings["nav_indicators"], URLs.indicators), (kpi.name, nil)], section: route.section)
        var k: Fields = [
            "code": .string(kpi.code), "name": .string(kpi.name), "level": .string(kpi.level),
            "kind": .string(kpi.kind), "unit": .string(kpi.unit),
            "direction": .string(strings["direction_\(kpi.direction.rawValue)"]),
            // Data points whose direction differs from the KPI's (more recycling is better, more landfill not).
            "datapointDirections": .list(
                kpi.datapoints.compactMap { point in
                    kpi.datapointDirections[point].map {
                        .object(["name": .string(point), "direction": .string(strings["direction_\($0.rawValue)"])])
                    }
                }),
            "directionBasis": .string(kpi.directionBasis), "sdg": .string(kpi.sdg),
            "description": .string(kpi.description), "evidence": .string(kpi.evidence),
            "dimension": .string(kpi.dimension), "subdimension": .string(kpi.subdimension),
            "category": .string(kpi.category), "datapoints": .string(kpi.datapoints.joined(separator: ", ")),
        ]
        // The slug from the framework: the name is translated, the page's address is not.
        let dimensionSlug = site.framework.dimension(ofKPI: kpi.code)?.slug ?? Slug.make(kpi.dimension)
        k["dimensionURL"] = .string(urls.link(URLs.dimension(dimensionSlug)))
        if let target = kpi.target {
            k["benchmark"] = .string(display.value(.number(target), unit: Units.framework(kpi.unit)))
            k["benchmarkSource"] = .string(kpi.targetSource)
        }
        context["kpi"] = .object(k)
        indicatorActions(kpi, into: &context)
        context["rows"] = .list(
            scorecards.flatMap { card in
                card.items(for: kpi.code).map { item in
                    var row = display.item(item, latestYear: card.coverage.latestYear)
                    actionFields(item, city: card.city.slug, into: &row)
                    row["city"] = .string(card.city.name)
                    row["cityURL"] = .string(urls.link(URLs.cityDimension(card.city.slug, dimensionSlug)))
                    return .object(row)
                }
            })
        return context
    }

    func page(_ page: Document, _ route: Route) -> Fields {
        let title = page.title ?? page.slug
        var context = base(
            path: route.path, title: title, description: page.description ?? markdown[page.path]?.summary ?? "",
            breadcrumbs: [(title, nil)], section: route.section)
        context["narrative"] = narrative(page)
        return context
    }

    func methodology(_ route: Route) -> Fields {
        let page = site.pages.first { $0.slug == "methodology" }
        let title = page?.title ?? strings["nav_methodology"]
        var context = base(
            path: route.path, title: title, description: page?.description ?? strings["methodology_description"],
            breadcrumbs: [(title, nil)], section: route.section)
        context["narrative"] = narrative(page)
        context["bands"] = bandRows()
        context["frameworkOrigin"] = .string(site.framework.origin)
        context["dimensions"] = .list(
            site.framework.dimensions.map { dim in
                [
                    "name": .string(dim.name),
                    "subdimensions": .list(
                        dim.subdimensions.map { sub in
                            [
                                "name": .string(sub.name),
                                "categories": .list(
                                    sub.categories.map { ["name": .string($0.name), "count": count($0.kpis.count)] }),
                            ]
                        }),
                ]
            })
        context["benchmarks"] = .list(
            kpis.filter { $0.target != nil }.map { kpi in
                [
                    "code": .string(kpi.code), "name": .string(kpi.name),
                    "target": .string(display.format.number(kpi.target ?? 0)), "source": .string(kpi.targetSource),
                    "url": .string(urls.link(URLs.indicator(kpi))),
                ]
            })
        context["localTargetCount"] = count(site.targets.filter { $0.kind == .local }.count)
        context["targetKinds"] = .list(
            TargetKind.allCases.compactMap { kind in
                let n = site.targets.filter { $0.kind == kind }.count
                guard n > 0 else { return nil }
                return ["label": .string(strings["method_targets_\(kind.rawValue)"]), "count": count(n)]
            })
        context["kpiCount"] = count(kpis.count)
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
