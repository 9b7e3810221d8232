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
    var cards = MadeList<CityCard>(values: [])
    /// The site's actions by city and KPI.
    var actionIndex: ActionIndex
    /// The programme view, computed once.
    var programmeView: Programme
    /// Each dimension's ranking of every city, made once when the dimension pages are split into
    /// pages (each page shows a part of one ranking); empty otherwise.
    var rankings: [DimensionRanking] = []
    /// The heat maps drawn by the last render, for the programme report's (`serve`); nil: drawn.
    var chartMemo: ChartMemo? = nil
    /// The wheels drawn lately in this render, for the city reports (the city pages drew them).
    var wheels: WheelShelf? = nil
    /// The KPI rows made lately in this render, shared by a city's own pages; nil: each page makes its own.
    var rowShelf: RowShelf? = nil

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
        self.reportedCounts = Self.reportedCounts(site.observations)
        self.sharedFields = Self.shared(site: site, urls: urls, strings: strings)
        let actionIndex = ActionIndex(site.actions)
        self.actionIndex = actionIndex
        self.programmeView = Programme(scorecards: scorecards, actions: actionIndex)
        let builder = self
        self.cards = MadeList(values: Parallel.map(scorecards) { builder.makeCityCard($0).templateValue })
        self.rankings = DimensionRanking.paginated(scorecards, paging: CityPaging(site: site))
    }

    // MARK: Shared parts

    /// The parts every page shares: the site, the interface strings, the assets.
    static func shared(site: Site, urls: URLs, strings: Strings) -> Fields {
        SiteShared(
            site: SiteInfo(
                title: site.config.title, description: site.config.description, language: site.config.language,
                homeURL: urls.link(URLs.home), params: Parameters(site.config.params)),
            t: Parameters(strings.table),
            assets: Assets(
                css: urls.link("theme/site.css"), chartsCSS: urls.link("theme/charts.css"),
                favicon: urls.link("theme/favicon.svg"), resultsCSV: urls.link(URLs.resultsCSV),
                frameworkCSV: urls.link(URLs.frameworkCSV))
        ).fields
    }

    func base(path: String, title: String, description: String, breadcrumbs: [(String, String?)], section: String)
        -> Fields
    {
        var nav = menu.map {
            NavEntry(title: strings[$0.key], url: urls.link($0.route.path), current: section == $0.route.section)
        }
        for page in menuPages {
            nav.append(
                NavEntry(
                    title: page.title ?? page.slug, url: urls.link(URLs.page(page.slug)),
                    current: section == "page:\(page.slug)"))
        }
        let isHome = path.isEmpty
        var crumbs: [Crumb] = []
        if !isHome {
            crumbs.append(Crumb(title: strings["nav_home"], url: urls.link(URLs.home)))
            for (title, url) in breadcrumbs { crumbs.append(Crumb(title: title, url: url.map { urls.link($0) })) }
        }
        let fullTitle =
            isHome ? site.config.title : strings.format("page_title", ["page": title, "site": site.config.title])
        var context = sharedFields
        context.reserveCapacity(sharedFields.count + PageBase.width + PageExtras.width + 16)
        PageBase(
            nav: nav, breadcrumbs: crumbs, hasBreadcrumbs: !crumbs.isEmpty,
            page: PageInfo(
                title: title, fullTitle: fullTitle,
                description: description.isEmpty ? site.config.description : description,
                canonical: urls.absolute(path), url: urls.link(path))
        ).write(into: &context)
        return context
    }

    func narrative(_ document: Document?) -> Narrative? {
        guard let document, let rendered = markdown[document.path] else { return nil }
        let sections = rendered.headings.filter { $0.level == 2 }
        return Narrative(
            html: HTML(rendered.html), toc: sections.map { TocHeading(text: $0.text, id: $0.id) },
            hasToc: sections.count >= 3)
    }

    /// The card of a city, built once in `init`.
    func cityCard(_ card: Scorecard) -> Made<CityCard> {
        guard let c = cityIndex[card.city.slug], case .object(let fields) = cards.values[c] else {
            return Made(makeCityCard(card))
        }
        return Made(fields: fields)
    }

    /// The row of one KPI or data point of a city (`latestYear` the latest year of its round), made
    /// for the page that shows it and dropped with the page. Rows are not kept for every city: at
    /// about 1 KB a row (112 a city), holding them all for the whole render was 230 MiB of a
    /// 2,000-city build's peak (issue 20).
    func row(_ item: ItemScore, of card: Scorecard) -> Made<ItemRow> {
        Made(display.itemRow(item, latestYear: card.coverage.latestYear))
    }

    /// `row(item, of: card)` for a page of the city itself (its page, dimension pages and report,
    /// made from `scorecards`, not a round's): the row another of its pages made, when on the shelf.
    func cityRow(_ item: ItemScore, of card: Scorecard) -> Made<ItemRow> {
        guard let rowShelf else { return row(item, of: card) }
        return rowShelf.value(RowKey(city: card.city.slug, kpi: item.kpi.code, datapoint: item.datapoint)) {
            row(item, of: card)
        }
    }

    /// The city's score in each dimension and its categories (the city page, the city report).
    func dimensionScores(_ card: Scorecard) -> [DimensionScoreRow] {
        card.dimensions.map { dim in
            DimensionScoreRow(
                score: display.scoreFields(dim.score), name: dim.name,
                url: urls.link(URLs.cityDimension(card.city.slug, dim.slug)),
                categories: zip(dim.categories, Self.categoryNames(dim)).map {
                    NamedScore(score: display.scoreFields($0.score), name: $1)
                })
        }
    }

    /// Links to cities by slug, in the order given (unknown slugs left out).
    func links(toCities slugs: [String]) -> [Link] {
        slugs.compactMap { slug in
            cityIndex[slug].map { Link(name: scorecards[$0].city.name, url: urls.link(URLs.city(slug))) }
        }
    }

    func makeCityCard(_ card: Scorecard) -> CityCard {
        var out = CityCard(
            slug: card.city.slug, name: card.city.name, url: urls.link(URLs.city(card.city.slug)),
            overall: display.scoreFields(card.overall),
            dimensions: card.dimensions.map { dim in
                ScoredLink(
                    score: display.scoreFields(dim.score), name: dim.name,
                    url: urls.link(URLs.cityDimension(card.city.slug, dim.slug)))
            },
            country: card.city.country, region: card.city.region,
            population: card.city.population.map { display.format.count($0) })
        if let year = card.coverage.latestYear { out.year = String(year) }
        if let latest = card.coverage.latestYear, let earliest = card.coverage.earliestYear {
            let span = earliest == latest ? String(latest) : "\(earliest)–\(latest)"
            out.years = strings.format("values_from", ["years": span])
        }
        return out
    }

    func dimensionLinks() -> [DimensionLink] {
        site.framework.dimensions.map {
            DimensionLink(name: $0.name, url: urls.link(URLs.dimension($0.slug)), slug: $0.slug)
        }
    }

    // MARK: Pages

    /// The context of one page, with its charts.
    func context(for route: Route, charts: PageCharts) -> Fields {
        var context = pageContext(for: route, rows: charts.rows)
        var extras = PageExtras(
            charts: charts.figures.filter { $0.heading == nil }.map(\.part),
            headedCharts: charts.figures.filter { $0.heading != nil }.map(\.headed), pager: pager(route))
        if !languages.all.isEmpty, route.kind != .notFound {
            extras.languages = languages.context(path: route.path, urls: urls)
            extras.hasLanguages = true
        }
        extras.write(into: &context)
        return context
    }

    /// The title of a page whose kind names it with an interface string.
    func title(of route: Route) -> String { route.kind.definition.titleKey.map { strings[$0] } ?? "" }

    /// The context of a page without its charts: its kind's context type makes it
    /// (`PageKind.contextType`); a kind without one (the 404 page), and a route registered without
    /// the subject its kind shows, get the shared parts.
    func pageContext(for route: Route, rows: [String: RowCharts]) -> Fields {
        if let type = route.kind.contextType, let context = type.context(for: route, rows: rows, in: self) {
            return context
        }
        return base(
            path: route.path, title: title(of: route), description: "", breadcrumbs: [], section: route.section)
    }

    func home(_ route: Route) -> Fields {
        let intro = site.pages.first { $0.slug == "index" }
        var context = base(
            path: route.path, title: intro?.title ?? site.config.title, description: intro?.description ?? "",
            breadcrumbs: [], section: route.section)
        HomePage(
            narrative: narrative(intro), cities: listedCards(route),
            dimensionNames: site.framework.dimensions.map(\.name),
            dimensionLinks: dimensionLinks(), cityCount: display.format.count(scorecards.count),
            kpiCount: display.format.count(kpis.count),
            valueCount: display.format.count(reportedCounts.values.reduce(0, +))
        ).write(into: &context)
        return context
    }

    /// The cards of the cities `route`'s page lists.
    func listedCards(_ route: Route) -> MadeList<CityCard> {
        let listed = listedCities(route)
        return listed.count == cards.values.count ? cards : MadeList(values: Array(cards.values[listed]))
    }

    func citiesIndex(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: title(of: route), description: strings["cities_description"],
            breadcrumbs: [(strings["nav_cities"], nil)], section: route.section)
        CitiesPage(cities: listedCards(route), dimensionNames: site.framework.dimensions.map(\.name)).write(
            into: &context)
        return context
    }

    func city(_ card: Scorecard, _ route: Route) -> Fields {
        let description = card.city.document.description ?? strings.format("city_description", ["city": card.city.name])
        var context = base(
            path: route.path, title: card.city.name, description: description,
            breadcrumbs: [(strings["nav_cities"], URLs.cities), (card.city.name, nil)], section: route.section)
        let scored = card.items.filter { $0.achievement != nil }
        let strongest = scored.sorted { ($0.achievement ?? 0, $1.kpi.code) > ($1.achievement ?? 0, $0.kpi.code) }
            .prefix(5)
        let weakest = scored.sorted { ($0.achievement ?? 0, $0.kpi.code) < ($1.achievement ?? 0, $1.kpi.code) }
            .prefix(5)
        let actions = actionIndex.of(city: card.city.slug)
        CityPage(
            city: cityCard(card), narrative: narrative(card.city.document), dimensionScores: dimensionScores(card),
            strongest: strongest.map { cityRow($0, of: card) },
            weakest: weakest.map { actedRow($0, of: card, shelved: true) },
            hasScored: !scored.isEmpty, coverage: coverage(card), json: urls.link(URLs.cityJSON(card.city.slug)),
            peers: links(toCities: card.city.peers), params: Parameters(card.city.params),
            latestChange: latestChange(of: card), actionList: actions.map(actionLine), hasActions: !actions.isEmpty,
            siteHasActions: !actionIndex.isEmpty, weakWithoutAction: weakWithoutAction(card), rounds: rounds(card)
        ).write(into: &context)
        return context
    }

    func coverage(_ card: Scorecard) -> CoverageFields {
        let c = card.coverage
        let n = display.format.count
        var quality: [Counted] = DataQuality.allCases.compactMap { level in
            guard let k = c.quality[level], k > 0 else { return nil }
            return Counted(label: strings["quality_\(level.rawValue)"], count: n(k))
        }
        if let k = c.quality[nil], k > 0 { quality.append(Counted(label: strings["quality_not_stated"], count: n(k))) }
        return CoverageFields(
            items: n(c.items), reported: n(c.reported), scored: n(c.scored), notReported: n(c.notReported),
            noTarget: n(c.noTarget), verified: n(c.verified), missing: n(c.missing), notApplicable: n(c.notApplicable),
            hasNotApplicable: c.notApplicable > 0, quality: quality)
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
        CityDimensionPage(
            city: cityCard(card),
            dimension: CityDimensionInfo(
                name: dim.name, score: display.scoreFields(dim.score), url: urls.link(URLs.dimension(dim.slug))),
            narrative: narrative(narrativeDoc),
            subdimensions: dim.subdimensions.map { sub in
                SubdimensionRows(
                    name: sub.name, score: display.scoreFields(sub.score),
                    categories: sub.categories.map { cat in
                        CategoryRows(
                            name: cat.name, id: "cat-\(sub.slug)-\(cat.slug)", score: display.scoreFields(cat.score),
                            items: cat.items.map { item in
                                let charts = rows[ChartBuilder.key(item)]
                                return ChartedRow(
                                    row: actedRow(item, of: card, shelved: true), bullet: charts?.bullet.map(HTML.init),
                                    sparkline: charts?.sparkline.map(HTML.init))
                            })
                    })
            },
            otherDimensions: card.dimensions.enumerated().filter { $0.offset != d }.map {
                Link(name: $0.element.name, url: urls.link(URLs.cityDimension(card.city.slug, $0.element.slug)))
            }
        ).write(into: &context)
        return context
    }

    func dimensionsIndex(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: title(of: route), description: strings["dimensions_description"],
            breadcrumbs: [(strings["nav_dimensions"], nil)], section: route.section)
        DimensionsPage(
            dimensions: site.framework.dimensions.map { dim in
                DimensionSummary(
                    name: dim.name, url: urls.link(URLs.dimension(dim.slug)),
                    kpiCount: display.format.count(dim.kpis.count),
                    subdimensions: dim.subdimensions.map {
                        SubdimensionSummary(
                            name: $0.name, categories: $0.categories.map(\.name).joined(separator: ", "))
                    })
            }
        ).write(into: &context)
        return context
    }

    func dimension(_ d: Int, _ route: Route) -> Fields {
        let dim = site.framework.dimensions[d]
        var context = base(
            path: route.path, title: dim.name,
            description: strings.format("dimension_description", ["dimension": dim.name]),
            breadcrumbs: [(strings["nav_dimensions"], URLs.dimensions), (dim.name, nil)], section: route.section)
        let scores = scorecards.map { ($0, $0.dimensions[d]) }
        let ranking = d < rankings.count ? rankings[d] : DimensionRanking(scorecards, d)
        let (comparable, ranks) = (ranking.comparable, ranking.ranks)
        // Ranked among every city; listed, on a site whose lists are split into pages, one page's worth.
        let listed = listedCities(route)
        DimensionPage(
            ranked: comparable, rankNote: comparable ? nil : strings["rank_not_comparable"],
            dimension: Named(name: dim.name), categories: Self.categoryNames(dim).map(Named.init),
            rows: listed.map { i in
                let (card, dimScore) = scores[i]
                return DimensionRankRow(
                    score: display.scoreFields(dimScore.score), city: card.city.name,
                    url: urls.link(URLs.cityDimension(card.city.slug, dim.slug)), rank: String(ranks[i]),
                    cells: dimScore.categories.map { display.scoreFields($0.score) })
            },
            peerGroups: scorecards[listed].filter { !$0.city.peers.isEmpty }.map { card in
                let group = [card] + card.city.peers.compactMap { p in cityIndex[p].map { scorecards[$0] } }
                return PeerGroup(
                    city: card.city.name,
                    members: group.map {
                        NamedScore(score: display.scoreFields($0.dimensions[d].score), name: $0.city.name)
                    })
            },
            kpis: dim.kpis.map { KPILink(code: $0.code, name: $0.name, url: urls.link(URLs.indicator($0))) }
        ).write(into: &context)
        return context
    }

    func indicatorsIndex(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: title(of: route), description: strings["indicators_description"],
            breadcrumbs: [(strings["nav_indicators"], nil)], section: route.section)
        IndicatorsPage(
            dimensions: site.framework.dimensions.map { dim in
                KPIDimension(
                    name: dim.name,
                    categories: dim.subdimensions.flatMap { sub in
                        sub.categories.map { cat in
                            KPICategory(
                                name: "\(sub.name): \(cat.name)",
                                kpis: cat.kpis.map { kpi in
                                    KPIEntry(
                                        code: kpi.code, name: kpi.name, url: urls.link(URLs.indicator(kpi)),
                                        level: kpi.level, unit: kpi.unit,
                                        reported: display.format.count(reportedCounts[kpi.code] ?? 0))
                                })
                        }
                    })
            }
        ).write(into: &context)
        return context
    }

    func indicator(_ kpi: KPI, _ route: Route) -> Fields {
        var context = base(
            path: route.path, title: "\(kpi.name) (\(kpi.code))", description: kpi.description,
            breadcrumbs: [(strings["nav_indicators"], URLs.indicators), (kpi.name, nil)], section: route.section)
        // The slug from the framework: the name is translated, the page's address is not.
        let dimensionSlug = site.framework.dimension(ofKPI: kpi.code)?.slug ?? Slug.make(kpi.dimension)
        let detail = KPIDetail(
            code: kpi.code, name: kpi.name, level: kpi.level, kind: kpi.kind, unit: kpi.unit,
            direction: strings["direction_\(kpi.direction.rawValue)"],
            // Data points whose direction differs from the KPI's (more recycling is better, more landfill not).
            datapointDirections: kpi.datapoints.compactMap { point in
                kpi.datapointDirections[point].map {
                    DirectionNote(name: point, direction: strings["direction_\($0.rawValue)"])
                }
            },
            directionBasis: kpi.directionBasis, sdg: kpi.sdg, description: kpi.description, evidence: kpi.evidence,
            dimension: kpi.dimension, subdimension: kpi.subdimension, category: kpi.category,
            datapoints: kpi.datapoints.joined(separator: ", "),
            dimensionURL: urls.link(URLs.dimension(dimensionSlug)),
            benchmark: kpi.target.map { display.value(.number($0), unit: Units.framework(kpi.unit)) },
            benchmarkSource: kpi.target == nil ? nil : kpi.targetSource)
        let actions = actionIndex.on(kpi: kpi.code)
        IndicatorPage(
            kpi: detail, actionList: actions.map(actionLine), showCity: true, hasKPIActions: !actions.isEmpty,
            siteHasActions: !actionIndex.isEmpty,
            rows: scorecards[listedCities(route)].flatMap { card in
                card.items(for: kpi.code).map { item in
                    IndicatorRow(
                        row: actedRow(item, of: card), city: card.city.name,
                        cityURL: urls.link(URLs.cityDimension(card.city.slug, dimensionSlug)))
                }
            }
        ).write(into: &context)
        return context
    }

    func page(_ page: Document, _ route: Route) -> Fields {
        let title = page.title ?? page.slug
        var context = base(
            path: route.path, title: title, description: page.description ?? markdown[page.path]?.summary ?? "",
            breadcrumbs: [(title, nil)], section: route.section)
        FreePage(narrative: narrative(page)).write(into: &context)
        return context
    }

    func methodology(_ route: Route) -> Fields {
        let page = site.pages.first { $0.slug == "methodology" }
        let title = page?.title ?? strings["nav_methodology"]
        var context = base(
            path: route.path, title: title, description: page?.description ?? strings["methodology_description"],
            breadcrumbs: [(title, nil)], section: route.section)
        let n = display.format.count
        MethodologyPage(
            narrative: narrative(page), bands: bandRows(), frameworkOrigin: site.framework.origin,
            dimensions: site.framework.dimensions.map { dim in
                MethodDimension(
                    name: dim.name,
                    subdimensions: dim.subdimensions.map { sub in
                        MethodSubdimension(
                            name: sub.name,
                            categories: sub.categories.map { MethodCategory(name: $0.name, count: n($0.kpis.count)) })
                    })
            },
            benchmarks: kpis.filter { $0.target != nil }.map { kpi in
                Benchmark(
                    code: kpi.code, name: kpi.name, target: display.format.number(kpi.target ?? 0),
                    source: kpi.targetSource, url: urls.link(URLs.indicator(kpi)))
            },
            localTargetCount: n(site.targets.filter { $0.kind == .local }.count),
            targetKinds: TargetKind.allCases.compactMap { kind in
                let k = site.targets.filter { $0.kind == kind }.count
                guard k > 0 else { return nil }
                return Counted(label: strings["method_targets_\(kind.rawValue)"], count: n(k))
            },
            kpiCount: n(kpis.count)
        ).write(into: &context)
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

extension Contexts {
    /// How many reported values each KPI (by code) has among `observations`.
    static func reportedCounts(_ observations: [Observation]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for o in observations where o.value.isReported { counts[o.kpi, default: 0] += 1 }
        return counts
    }
}
