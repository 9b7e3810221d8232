import CityscoreFormatting
import CityscoreModel
import CityscoreRouting
import Foundation
import Testing

@testable import CityscoreCharts

/// Issue 20: a site with more cities than one page lists (`cities_per_page`) splits its lists of
/// every city into pages (`<list>/page/2/`, Hugo's paginator URLs) and draws its charts of every
/// city as band counts; a site with fewer cities is built as before.
@Suite("Lists of every city in pages")
struct PaginationTests {
    /// Five cities, two a page: three pages of each list.
    static func fiveCities(perPage: String? = "2") throws -> TestSite {
        var files: [String: String?] = [:]
        if let perPage { files["Content/site.yml"] = TestSite.siteYML + "cities_per_page: \(perPage)\n" }
        var results = TestSite.results
        for (slug, name, value) in [("rana", "Rana", 40), ("bodo", "Bodø", 70), ("tromso", "Tromsø", 99)] {
            files["Content/cities/\(slug).md"] = "---\nname: \(name)\n---\n\(name).\n"
            results += "\(slug),EC: ICT: ICT: 1C,,2020,\(value),%,Report\n"
        }
        files["Content/results/2020.csv"] = results
        return try TestSite.make(files)
    }

    @Test func pagingSplitsCitiesIntoPagesOfTheSetSize() {
        let paging = CityPaging(perPage: 2, cityCount: 5)
        #expect(paging.isPaginated)
        #expect(paging.pageCount == 3)
        #expect(paging.cities(onPage: 1) == 0..<2)
        #expect(paging.cities(onPage: 3) == 4..<5)
        #expect(CityPaging.path("cities/", page: 1) == "cities/")
        #expect(CityPaging.path("cities/", page: 3) == "cities/page/3/")
        let one = CityPaging(perPage: CityPaging.defaultPerPage, cityCount: 357)
        #expect(!one.isPaginated)
        #expect(one.pageCount == 1)
        #expect(one.cities(onPage: 1) == 0..<357)
    }

    @Test func paginatedListsAreBuiltAndLinkedToEachOther() throws {
        let site = try Self.fiveCities()
        defer { site.remove() }
        #expect(site.build() == [])
        for list in ["cities/", "dimensions/economy/", "indicators/ec-ict-ict-1c/"] {
            for page in ["", "page/2/", "page/3/"] {
                #expect(site.read(list + page + "index.html") != nil, "\(list)\(page)")
            }
            #expect(site.read(list + "page/4/index.html") == nil)
        }
        let second = try #require(site.read("cities/page/2/index.html"))
        #expect(second.contains("<nav class=\"pager\" aria-label=\"Pages of the list\">"))
        #expect(second.contains("Cities 3–4 of 5"))
        #expect(second.contains("<a href=\"/scores/cities/\" rel=\"prev\">"))
        #expect(second.contains("<a href=\"/scores/cities/page/3/\" rel=\"next\">"))
        #expect(second.contains("<a href=\"/scores/cities/page/2/\" aria-current=\"page\">2</a>"))
        // Each page lists its own cities only (the site's order: by slug).
        let third = try #require(site.read("cities/page/3/index.html"))
        #expect(third.contains("Tromsø") && !third.contains("Karmøy"))
        #expect(!third.contains("rel=\"next\""))
        // The home page lists the first page's cities and goes on to the list's second page.
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<a href=\"/scores/cities/page/2/\" rel=\"next\">"))
        #expect(!home.contains(">Tromsø</a>"))
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("https://example.org/scores/dimensions/economy/page/3/"))
        #expect(Self.brokenLinks(in: site) == [])
    }

    @Test func paginatedSitesDrawBandCountsInsteadOfEveryCity() throws {
        let site = try Self.fiveCities()
        defer { site.remove() }
        #expect(site.build() == [])
        let dimension = try #require(site.read("dimensions/economy/index.html"))
        #expect(dimension.contains("id=\"bands\""))
        #expect(dimension.contains("Economy: cities by band"))
        #expect(!dimension.contains("cs-heatmap"))
        #expect(site.read("dimensions/economy/charts/bands.svg") != nil)
        #expect(site.read("dimensions/economy/charts/heatmap.svg") == nil)
        // The aggregate is on the first page only; the next pages are tables.
        let second = try #require(site.read("dimensions/economy/page/2/index.html"))
        #expect(!second.contains("<figure class=\"chart\""))
        let indicator = try #require(site.read("indicators/ec-ict-ict-1c/index.html"))
        #expect(indicator.contains("cs-bandcounts") && !indicator.contains("cs-dotplot"))
        #expect(indicator.contains("Lower quartile"))
        let programme = try #require(site.read("programme/index.html"))
        #expect(!programme.contains("cs-heatmap"))
        #expect(programme.contains("cs-bandcounts"))
    }

    @Test func aSiteWithinOnePageHasNoPager() throws {
        let site = try Self.fiveCities(perPage: nil)
        defer { site.remove() }
        #expect(site.build() == [])
        let cities = try #require(site.read("cities/index.html"))
        #expect(!cities.contains("pager"))
        #expect(site.read("cities/page/2/index.html") == nil)
        #expect(site.read("dimensions/economy/charts/heatmap.svg") != nil)
    }

    @Test func citiesPerPageMustBeAWholeNumber() throws {
        let site = try TestSite.make(["Content/site.yml": TestSite.siteYML + "cities_per_page: many\n"])
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.contains { $0.contains("\"cities_per_page\" cannot be \"many\"") })
    }

    @Test func bandCountsCountEachBandAndGiveTheSpread() {
        let chart = BandCounts(
            title: "Economy", rowHeading: "Category",
            rows: [
                BandCounts.Row(
                    name: "ICT", scores: [.percent(100), .percent(96), .percent(50), .notReported, .missing])
            ]
        ).render(id: "bands", words: .english)
        #expect(chart.table.columns.first == "Category")
        let row = try? #require(chart.table.rows.first)
        // Band 4 twice, band 3 none, band 2 once, band 1 none; then the kinds of absence.
        #expect(row?[1...4] == ["2", "0", "1", "0"])
        #expect(chart.table.columns.suffix(5) == ["Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"])
        #expect(row?.suffix(5).first?.hasPrefix("50") == true)
        #expect(chart.description.contains("2 of 3 scores reach"))
        #expect(chart.svg.contains("<title>ICT: 2 cities, "))
        #expect(BandCounts.spread([1, 2, 3, 4, 5]) == [1, 2, 3, 4, 5])
        #expect(BandCounts.spread([]) == [])
    }

    /// The root-relative links of every built page that name no built file.
    static func brokenLinks(in site: TestSite) -> [String] {
        var broken: [String] = []
        let files = TestSite.tree(site.output)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for part in html.components(separatedBy: "href=\"/scores/").dropFirst() {
                guard let end = part.firstIndex(where: { $0 == "\"" || $0 == "#" }) else { continue }
                let target = String(part[..<end])
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                if files[file] == nil { broken.append("\(path) → /scores/\(target)") }
            }
        }
        return broken.sorted()
    }
}
