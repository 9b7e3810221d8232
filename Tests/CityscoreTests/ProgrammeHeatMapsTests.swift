import CityscoreFormatting
import CityscoreModel
import Foundation
import Testing

@testable import CityscoreCharts

/// Issue 16: the programme page's city × category heat map per evaluation round, each with its text
/// alternative, data table and download; drawn with categories as rows so 27 categories fit.
@Suite("Programme heat maps per round")
struct ProgrammeHeatMapsTests {
    static let header = "city,kpi,datapoint,year,value,unit,source,round\n"

    /// Karmøy and Asker in the rounds 2020 and 2023; Rana in 2020 only.
    static let threeCities = """
        ---
        name: Rana
        ---
        Rana.

        """

    static func site(_ results: String, rana: Bool = true) throws -> TestSite {
        var files: [String: String?] = ["Content/results/2020.csv": header + results]
        if rana { files["Content/cities/rana.md"] = threeCities }
        return try TestSite.make(files)
    }

    static let twoRounds = """
        karmoy,EC: ICT: ICT: 1C,,2020,40,%,Report,2020
        karmoy,EC: ICT: ICT: 1C,,2023,97,%,Report,2023
        asker,EC: ICT: ICT: 1C,,2020,60,%,Report,2020
        asker,EC: ICT: ICT: 1C,,2023,70,%,Report,2023
        rana,EC: ICT: ICT: 1C,,2020,99,%,Report,2020

        """

    /// The part of the page from the heat maps' section to its end.
    static func section(_ page: String) throws -> String {
        let after = try #require(page.components(separatedBy: "<section id=\"heatmaps\">").dropFirst().first)
        return try #require(after.components(separatedBy: "</section>").first)
    }

    @Test func everyRoundHasAHeatMapTheLatestOpenEarlierFolded() throws {
        let karmoyAndAsker = Self.twoRounds.split(separator: "\n").filter { !$0.hasPrefix("rana") }
        let site = try Self.site(karmoyAndAsker.joined(separator: "\n") + "\n", rana: false)
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("programme/index.html"))
        let section = try Self.section(page)
        // The latest round open under its heading, the earlier one folded.
        #expect(section.contains("<h3>Round 2023</h3>"))
        #expect(section.contains("<details class=\"chart-round\">\n<summary>Round 2020</summary>"))
        #expect(section.components(separatedBy: "<figure class=\"chart\"").count == 3)
        #expect(section.contains("id=\"programme-heatmap\""))
        #expect(section.contains("id=\"programme-heatmap-2020\""))
        // Each with its text alternative and data table: Karmøy's one ICT Infrastructure KPI was at
        // 40 % of target in 2020 (band 2: the category scores 50 %), at 97 % in 2023 (band 4: 100 %).
        let latest = try #require(section.components(separatedBy: "<details class=\"chart-round\">").first)
        #expect(latest.contains("<figcaption>Round 2023 scores of 2 cities across 27 categories."))
        #expect(latest.contains("<th scope=\"row\">Karmøy</th><td class=\"num\">100\u{A0}%"))
        let earlier = try #require(section.components(separatedBy: "<details class=\"chart-round\">").last)
        #expect(earlier.contains("<figcaption>Round 2020 scores of 2 cities across 27 categories."))
        #expect(earlier.contains("<th scope=\"row\">Karmøy</th><td class=\"num\">50\u{A0}%"))
        // The charts go with the page, one file per round; the bars come before the section.
        #expect(site.read("programme/charts/heatmap.svg")?.contains("Round 2023") == true)
        #expect(site.read("programme/charts/heatmap-2020.svg")?.contains("Round 2020") == true)
        let top = try #require(page.components(separatedBy: "<section id=\"heatmaps\">").first)
        #expect(top.contains("id=\"shared-weaknesses\""))
        #expect(!top.contains("id=\"programme-heatmap"))
    }

    @Test func aCityOfOneRoundIsInThatRoundsMapOnly() throws {
        // Rana's only round is 2020: the cities' latest rounds differ, so the first map shows each
        // city's latest round, then a map per round that two or more cities share: 2023 (Karmøy and
        // Asker) and 2020 (all three).
        let site = try Self.site(Self.twoRounds)
        defer { site.remove() }
        #expect(site.build() == [])
        let section = try Self.section(try #require(site.read("programme/index.html")))
        #expect(
            section.contains("<h3>Each city&#39;s latest round</h3>")
                || section.contains("<h3>Each city's latest round</h3>"))
        let maps = section.components(separatedBy: "<figure class=\"chart\"").dropFirst()
        #expect(maps.count == 3)
        #expect(maps.first?.contains("3 cities across 27 categories") == true)
        #expect(section.contains("<summary>Round 2023</summary>"))
        #expect(section.contains("<summary>Round 2020</summary>"))
        #expect(maps.dropFirst().first?.contains("Round 2023 scores of 2 cities") == true)
        // In the 2020 map all three cities, Rana included.
        #expect(maps.last?.contains("Round 2020 scores of 3 cities") == true)
    }

    @Test func aSiteOfOneRoundHasOneMapForIt() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let section = try Self.section(try #require(site.read("programme/index.html")))
        #expect(section.contains("<h3>Round 2020</h3>"))
        #expect(!section.contains("<details class=\"chart-round\">"))
        #expect(section.components(separatedBy: "<figure class=\"chart\"").count == 2)
    }

    @Test func aTransposedMapDrawsCategoriesAsRowsAndKeepsItsWords() throws {
        var map = ChartsFixtures.heatMap
        let plain = map.render(id: "m")
        map.transposed = true
        let turned = map.render(id: "m")
        // Same text alternative and data table (cities as rows) ...
        #expect(turned.description == plain.description)
        #expect(turned.table == plain.table)
        #expect(turned.title == plain.title)
        // ... but drawn the other way: a city's name is a rotated column header, a category's name a
        // row label at the left edge.
        let city = try #require(map.rows.first?.name)
        let category = try #require(map.columns.first?.shortName)
        #expect(turned.svg.contains("rotate(-45") && plain.svg.contains("rotate(-45"))
        #expect(Self.rotatedHeaders(turned.svg).contains(city))
        #expect(!Self.rotatedHeaders(turned.svg).contains(category))
        #expect(Self.rotatedHeaders(plain.svg).contains(category))
        // Taller than wide once there are more categories than cities.
        #expect(map.columns.count > map.rows.count)
        #expect(Self.size(turned.svg).height > Self.size(plain.svg).height)
    }

    /// The texts of the rotated header labels.
    static func rotatedHeaders(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text").filter { $0.contains("rotate(-45") }.compactMap {
            $0.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first
        }
    }

    /// The drawing's width and height from its viewBox.
    static func size(_ svg: String) -> (width: Double, height: Double) {
        let box = svg.components(separatedBy: "viewBox=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
        let numbers = box.split(separator: " ").compactMap { Double($0) }
        return numbers.count == 4 ? (numbers[2], numbers[3]) : (0, 0)
    }
}
