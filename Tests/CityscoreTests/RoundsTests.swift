import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import Foundation
import Testing

@Suite("Evaluation rounds")
struct RoundsTests {
    func site(observations: [Observation]) -> Site {
        let kpis = [
            KPI(
                code: "K: 1", name: "K: 1", direction: .higher, target: 100, dimension: "D", subdimension: "S",
                category: "C"),
            KPI(
                code: "K: 2", name: "K: 2", datapoints: ["a", "b"], direction: .lower, target: 5, dimension: "D",
                subdimension: "S", category: "C"),
        ]
        return Site(
            config: SiteConfig(title: "t"), framework: Framework(kpis: kpis, origin: "test"),
            cities: ["x", "y"].map { City(slug: $0, name: $0, document: Document(path: $0, body: "", slug: $0)) },
            observations: observations, targets: [], pages: [])
    }

    func row(_ city: String, _ kpi: String, _ datapoint: String? = nil, year: Int, round: Int?, _ value: Double)
        -> Observation
    {
        Observation(city: city, kpi: kpi, datapoint: datapoint, year: year, value: .number(value), round: round)
    }

    /// x: K: 1 at 20 % of target in 2020, 97 % in 2023; K: 2 a meets its target in 2020 only.
    /// y: no round column, two years: one round.
    var rows: [Observation] {
        [
            row("x", "K: 1", year: 2020, round: 2020, 20),
            row("x", "K: 1", year: 2022, round: 2023, 97),
            row("x", "K: 2", "a", year: 2019, round: 2020, 5),
            row("y", "K: 1", year: 2019, round: nil, 50),
            row("y", "K: 1", year: 2020, round: nil, 97),
        ]
    }

    @Test func eachRoundIsScoredOnItsOwn() throws {
        let cards = Scorer(site: site(observations: rows)).scorecards()
        let x = try #require(cards.first { $0.city.slug == "x" })
        #expect(x.round == 2023)
        #expect(x.rounds.map(\.round) == [2020, 2023])
        let earlier = try #require(x.previous)
        #expect(earlier.round == 2020)
        #expect(earlier.earlier.isEmpty)
        // The latest round: K: 1 at 97 %, K: 2 a has no row in 2023 and is missing there.
        #expect(x.item("K: 1", datapoint: nil)?.band == .four)
        #expect(x.item("K: 2", datapoint: "a")?.status == .missing)
        #expect(x.overall.scored == 1)
        // The earlier round keeps its own values.
        #expect(earlier.item("K: 1", datapoint: nil)?.band == .one)
        #expect(earlier.item("K: 2", datapoint: "a")?.band == .four)
        #expect(earlier.overall.scored == 2)
        #expect(earlier.coverage.latestYear == 2020)
        // A KPI's trend runs across rounds: from 20 in 2020 to 97 in the round 2023.
        #expect(x.item("K: 1", datapoint: nil)?.history.map(\.year) == [2020, 2022])
        #expect(x.item("K: 1", datapoint: nil)?.trend == .improving)
        #expect(x.round(2020) == earlier)
    }

    @Test func rowsWithoutARoundAreOneRoundNamedByTheLatestYear() throws {
        let cards = Scorer(site: site(observations: rows)).scorecards()
        let y = try #require(cards.first { $0.city.slug == "y" })
        #expect(y.round == 2020)
        #expect(y.earlier.isEmpty)
        #expect(y.rounds.count == 1)
        #expect(y.bandMoves.isEmpty)
        // Both years are one round: the trend compares them, as before rounds.
        #expect(y.item("K: 1", datapoint: nil)?.trend == .improving)
    }

    @Test func bandMovesNameWhatMovedUpAndDown() throws {
        var observations = rows
        // y in rounds: K: 1 falls from 97 % to 20 %.
        observations.removeAll { $0.city == "y" }
        observations += [row("y", "K: 1", year: 2020, round: 2020, 97), row("y", "K: 1", year: 2023, round: 2023, 20)]
        let cards = Scorer(site: site(observations: observations)).scorecards()
        let x = try #require(cards.first { $0.city.slug == "x" })
        // 2020: K: 1 band 1 (1 point), K: 2 a band 4 (4 points): (1 + 4) / 8 = 62.5 %, band 2.
        // 2023: K: 1 band 4 alone: 100 %, band 4. City, dimension and category move up together.
        let moves = x.bandMoves
        #expect(moves.map(\.level) == [.overall, .dimension, .category])
        #expect(moves.allSatisfy { $0.isUp && $0.from == .two && $0.to == .four })
        #expect(moves.map(\.name) == ["x", "D", "C"])
        #expect(moves.last?.subdimension == "S")
        // At the KPI level only K: 1 moves (K: 2 a has no band in 2023).
        let items = x.bandMoves(since: try #require(x.previous), levels: [.item])
        #expect(items.map(\.kpi) == ["K: 1"])
        #expect(items.first?.from == .one)
        #expect(items.first?.to == .four)
        let y = try #require(cards.first { $0.city.slug == "y" })
        #expect(y.bandMoves.count == 3)
        #expect(y.bandMoves.allSatisfy { !$0.isUp && $0.from == .four && $0.to == .one })
    }

    @Test func eachEarlierRoundIsARouteOfItsCity() throws {
        // x has the rounds 2020 and 2023: one route for 2020 (2023 is the city's page); y has one round.
        let table = RouteTable(site: site(observations: rows))
        let routes = table.routes(of: .cityRound)
        #expect(routes.map(\.path) == ["cities/x/2020/"])
        let route = try #require(routes.first)
        #expect(route.template == "city-round")
        #expect(route.section == "cities")
        #expect(route.place.city == 0)
        #expect(route.place.round == 2020)
        #expect(route.inputs.contains("x"))
        #expect(PageKind.requiredTemplates.contains("city-round"))
    }

    static let results = """
        city,kpi,datapoint,year,round,value,unit,source
        karmoy,EC: ICT: ICT: 1C,,2019,2019,20,%,Report 2019
        karmoy,EC: ICT: ICT: 2C,,2019,2019,20,%,Report 2019
        karmoy,EC: ICT: ICT: 1C,,2023,2023,97,%,Report 2023
        karmoy,EC: ICT: ICT: 2C,,2022,2023,84.51,%,Report 2023
        asker,EC: P: EM: 1C,,2020,,2.5,%,Report

        """

    @Test func theRoundPageExistsAndTheCityPageLinksToIt() throws {
        let site = try TestSite.make(["Content/results/2020.csv": Self.results])
        defer { site.remove() }
        #expect(site.build() == [])
        let round = try #require(site.read("cities/karmoy/2019/index.html"))
        #expect(round.contains("Karmøy: evaluation round 2019"))
        #expect(round.contains("the latest is 2023"))
        #expect(round.contains("href=\"/scores/cities/karmoy/\""))
        // The earlier round's wheel, with its own scores.
        #expect(site.read("cities/karmoy/2019/charts/wheel.svg") != nil)
        let city = try #require(site.read("cities/karmoy/index.html"))
        #expect(city.contains("id=\"evaluation-rounds\""))
        #expect(city.contains("href=\"/scores/cities/karmoy/2019/\""))
        #expect(city.contains("Moved up a band since 2019"))
        #expect(city.contains("Karmøy: scores by round"))
        #expect(site.read("cities/karmoy/charts/rounds.svg") != nil)
        // Asker has one round: no round section, no round page.
        let asker = try #require(site.read("cities/asker/index.html"))
        #expect(!asker.contains("id=\"evaluation-rounds\""))
        #expect(site.read("cities/asker/2020/index.html") == nil)
        // The download gives every row its round; an empty cell is the row's year.
        let csv = try #require(site.read("data/results.csv"))
        let header = try #require(csv.split(separator: "\n").first)
        #expect(header.split(separator: ",").contains("round"))
        #expect(csv.contains("karmoy,EC: ICT: ICT: 2C,,2022,84.51,%,Report 2023,,,,,2023,"))
        #expect(csv.contains("asker,EC: P: EM: 1C,,2020,2.5,%,Report,,,,,2020,"))
    }

    @Test func filesWithoutARoundColumnAreOneRoundTogether() throws {
        let site = try TestSite.make([
            "Content/results/2019.csv": "city,kpi,datapoint,year,value\nkarmoy,EC: ICT: ICT: 1C,,2019,20\n",
            "Content/results/2020.csv": "city,kpi,datapoint,year,value\nkarmoy,EC: ICT: ICT: 1C,,2020,97\n",
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        let city = try #require(site.read("cities/karmoy/index.html"))
        #expect(!city.contains("id=\"evaluation-rounds\""))
        #expect(site.read("cities/karmoy/2019/index.html") == nil)
        let csv = try #require(site.read("data/results.csv"))
        #expect(csv.contains("karmoy,EC: ICT: ICT: 1C,,2019,20,,,,,,,2020,"))
    }

    @Test func aRowInTwoFilesWithoutARoundColumnIsADuplicate() throws {
        let row = "karmoy,EC: ICT: ICT: 1C,,2019,20\n"
        let site = try TestSite.make([
            "Content/results/2019.csv": "city,kpi,datapoint,year,value\n" + row,
            "Content/results/2020.csv": "city,kpi,datapoint,year,value\nkarmoy,EC: ICT: ICT: 1C,,2020,97\n" + row,
        ])
        defer { site.remove() }
        let problems = site.check()
        #expect(
            problems.contains {
                $0.contains("2020.csv:3:1: error: duplicate row")
                    && $0.contains("already given at Content/results/2019.csv:2")
            }, "\(problems)")
    }

    @Test func aBadRoundIsReportedAtItsCell() throws {
        let results = """
            city,kpi,datapoint,year,round,value
            karmoy,EC: ICT: ICT: 1C,,2019,20x3,20
            karmoy,EC: ICT: ICT: 2C,,2023,2020,20

            """
        let site = try TestSite.make(["Content/results/2020.csv": results])
        defer { site.remove() }
        let problems = site.check()
        #expect(
            problems.contains {
                $0.contains("2020.csv:2:31: error:")
                    && $0.contains("\"20x3\" in column \"round\" is not a four-digit year")
            }, "\(problems)")
        #expect(
            problems.contains {
                $0.contains("2020.csv:3:31: error:")
                    && $0.contains("a value of 2023 cannot belong to the round of 2020")
            }, "\(problems)")
    }

    @Test func theDemoHasOneRoundPerCityAndNoRoundPages() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cityscore-rounds-demo-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let site = TestSite(rootPath: repo.path)
        #expect(site.build(output: output) == [])
        let folders = try FileManager.default.contentsOfDirectory(atPath: output + "/cities")
        for city in folders where !city.hasSuffix(".html") {
            let inside = (try? FileManager.default.contentsOfDirectory(atPath: output + "/cities/" + city)) ?? []
            #expect(!inside.contains { $0.count == 4 && Int($0) != nil }, "\(city) has a round page")
            let page = site.read("cities/\(city)/index.html", in: output) ?? ""
            #expect(!page.contains("id=\"evaluation-rounds\""))
        }
        #expect(site.read("cities/karmoy/index.html", in: output) != nil)
    }
}
