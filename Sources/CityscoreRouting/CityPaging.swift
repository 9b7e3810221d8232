import CityscoreModel

/// The pages of a list of every city (Hugo-style pagination): a site with more cities than fit on
/// one page (`perPage`, `cities_per_page` in `site.yml`'s params, 500 unless set) shows such a
/// list `perPage` cities at a time, the first page at the list's own URL and the next ones at
/// `<list>/page/2/`, `<list>/page/3/` …; a site with no more cities than that has one page of each,
/// as before. Its charts of every city become aggregates on every page (see `BandCounts`).
public struct CityPaging: Sendable, Hashable {
    /// How many cities one page lists when the site does not say.
    public static let defaultPerPage = 500
    /// The `site.yml` key (under params) that sets ``perPage``.
    public static let key = "cities_per_page"

    /// How many cities one page lists.
    public var perPage: Int
    /// How many cities the site has.
    public var cityCount: Int

    /// The paging of `site`'s city lists.
    public init(site: Site) {
        let set = site.config.params[Self.key].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        self.init(perPage: set ?? Self.defaultPerPage, cityCount: site.cities.count)
    }

    /// Paging of `cityCount` cities, `perPage` a page.
    public init(perPage: Int, cityCount: Int) {
        self.perPage = max(1, perPage)
        self.cityCount = cityCount
    }

    /// Whether the lists of every city are split into pages (and their charts drawn as aggregates).
    public var isPaginated: Bool { cityCount > perPage }

    /// How many pages a list of every city has (1 when not paginated).
    public var pageCount: Int { isPaginated ? (cityCount + perPage - 1) / perPage : 1 }

    /// The positions of the cities (in the site's order) that page `number` (1-based) lists.
    public func cities(onPage number: Int) -> Range<Int> {
        guard isPaginated else { return 0..<cityCount }
        let start = min(cityCount, max(0, number - 1) * perPage)
        return start..<min(cityCount, start + perPage)
    }

    /// The output path of page `number` of the list whose first page is at `first` (a folder).
    public static func path(_ first: String, page number: Int) -> String {
        number <= 1 ? first : first + "page/\(number)/"
    }

    /// The places of the pages of a list whose first page is `first`: `first` itself, then one per
    /// further page (its path and page number set), each reading what the first reads.
    public func places(_ first: Route.Place) -> [Route.Place] {
        guard isPaginated else { return [first] }
        var firstPage = first
        firstPage.pageNumber = 1
        return [firstPage]
            + (2...pageCount).map { number in
                var place = first
                place.path = Self.path(first.path, page: number)
                place.pageNumber = number
                return place
            }
    }
}
