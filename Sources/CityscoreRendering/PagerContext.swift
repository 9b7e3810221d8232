import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// A numbered link of a list's pages.
struct PagerLink: TemplateRecord, Sendable {
    var number: String
    var url: String
    var current: Bool
    static let templateFields: [TemplateField<Self>] = [
        .field("number", \.number, "the page's number, formatted"), .field("url", \.url, "link to the page"),
        .field("current", \.current, "whether it is this page"),
    ]
}

/// Where a page stands among the pages of a list of every city (`cities_per_page`).
struct Pager: TemplateRecord, Sendable {
    var summary: String
    var previous: String?
    var next: String?
    var pages: [PagerLink]
    static let templateFields: [TemplateField<Self>] = [
        .field("summary", \.summary, "which cities this page lists (\"Cities 501–1,000 of 10,000\")"),
        .field("previous", \.previous, "link to the previous page (none on the first)"),
        .field("next", \.next, "link to the next page (none on the last)"),
        .field("pages", \.pages, "every page of the list, numbered"),
    ]
}

extension Contexts {
    /// How the site's lists of every city are split into pages.
    var paging: CityPaging { CityPaging(site: site) }

    /// The positions (in `scorecards`) of the cities `route`'s page lists: every city, unless the
    /// site's lists are split into pages (the home page lists the first page's).
    func listedCities(_ route: Route) -> Range<Int> {
        let paging = self.paging
        guard paging.isPaginated else { return scorecards.indices }
        return paging.cities(onPage: route.place.pageNumber ?? 1)
    }

    /// The first page of the list `route` is a page of, when the site's lists are split into pages:
    /// the home page's cities are the first page of the list of cities.
    func listPath(_ route: Route) -> String? {
        guard paging.isPaginated else { return nil }
        switch route.kind {
        case .home, .cities: return URLs.cities
        case .dimension: return route.place.dimension.map { URLs.dimension(site.framework.dimensions[$0].slug) }
        case .indicator: return route.place.kpi.map { URLs.indicator(kpis[$0]) }
        default: return nil
        }
    }

    /// The pager of `route`'s page, when it is one of several pages of a list; nil otherwise.
    func pager(_ route: Route) -> Pager? {
        guard let first = listPath(route) else { return nil }
        let paging = self.paging
        let number = route.place.pageNumber ?? 1
        let shown = paging.cities(onPage: number)
        func link(_ page: Int) -> String {
            // The home page is the first page of the city list, which continues on cities/page/2/.
            route.kind == .home && page == 1 ? urls.link(URLs.home) : urls.link(CityPaging.path(first, page: page))
        }
        let n = display.format.count
        return Pager(
            summary: strings.format(
                "pager_summary",
                ["first": n(shown.lowerBound + 1), "last": n(shown.upperBound), "total": n(paging.cityCount)]),
            previous: number > 1 ? link(number - 1) : nil, next: number < paging.pageCount ? link(number + 1) : nil,
            pages: (1...paging.pageCount).map { PagerLink(number: n($0), url: link($0), current: $0 == number) })
    }

    /// The cities of a list on the programme page: all of them, unless the site's lists are split
    /// into pages; then the first few, and a link to where the rest are (`more`) saying how many.
    func cappedLinks(toCities slugs: [String], more: String) -> [Link] {
        let cap = 20
        guard paging.isPaginated, slugs.count > cap else { return links(toCities: slugs) }
        return links(toCities: Array(slugs.prefix(cap)))
            + [
                Link(
                    name: strings.format("programme_more_cities", ["count": display.format.count(slugs.count - cap)]),
                    url: more)
            ]
    }
}

/// Whether the cities can be ranked on one dimension, and the rank of each.
struct DimensionRanking: Sendable {
    var comparable: Bool
    /// Each city's rank, in the scorecards' order ("–" for every city when not comparable).
    var ranks: [String]

    /// The ranking of `scorecards` on dimension `d`.
    init(_ scorecards: [Scorecard], _ d: Int) {
        comparable = Ranking.comparable(scorecards.map { $0.dimensions[d].items })
        ranks =
            comparable
            ? Ranking.ranks(scorecards.map { $0.dimensions[d].score.percent })
            : Array(repeating: "–", count: scorecards.count)
    }

    /// Every dimension's ranking when `paging` splits the lists into pages; none otherwise (each
    /// dimension's one page makes its own).
    static func paginated(_ scorecards: [Scorecard], paging: CityPaging) -> [DimensionRanking] {
        guard paging.isPaginated, let first = scorecards.first else { return [] }
        return first.dimensions.indices.map { DimensionRanking(scorecards, $0) }
    }
}
