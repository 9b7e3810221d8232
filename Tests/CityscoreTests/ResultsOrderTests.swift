import CityscorePipeline
import Foundation
import Testing

/// Results files large enough to be checked in several blocks at once: problems still come out in
/// file order, and the published rows in city, KPI, data point, year order.
@Suite("Results order on large files")
struct ResultsOrderTests {
    static let header = "city,kpi,datapoint,year,value,unit,source"
    static let items: [(kpi: String, datapoint: String)] = [
        ("EC: ICT: ICT: 1C", ""), ("EC: ICT: ICT: 2C", ""), ("EC: ICT: ICT: 4C", "4G"), ("EC: ICT: ICT: 4C", "3G"),
        ("EC: P: EM: 1C", ""),
    ]

    /// Every city × item × year 1900–2200 (3,010 rows), in a scrambled order.
    static func rows() -> [String] {
        var rows: [String] = []
        for year in 1900...2200 {
            for city in ["karmoy", "asker"] {
                for item in items {
                    rows.append("\(city),\(item.kpi),\(item.datapoint),\(year),\(year % 97).5,%,\"Report, p. \(year)\"")
                }
            }
        }
        // Deterministic shuffle: every 11th row, wrapping round (11 and 3,010 have no common factor).
        return rows.indices.map { rows[($0 * 11) % rows.count] }
    }

    /// Builds `site` as if it were 2200, so that every year up to 2200 has begun.
    static func build(_ site: TestSite) -> [String] {
        var pipeline = Pipeline(siteRoot: site.root, output: site.output)
        pipeline.currentYear = 2200
        do {
            _ = try pipeline.run()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The order the results are published in: city, KPI, data point, year (as `String` orders text).
    static func published(_ rows: [String]) -> [String] {
        func key(_ row: String) -> (String, String, String, Int) {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (cells[0], cells[1], cells[2], Int(cells[3]) ?? 0)
        }
        return rows.sorted { key($0) < key($1) }
    }

    @Test func rowsFromSeveralFilesArePublishedSorted() throws {
        let rows = Self.rows()
        let site = try TestSite.make([
            "Content/results/2020.csv": Self.header + "\n" + rows[..<1_700].joined(separator: "\n") + "\n",
            "Content/results/2021.csv": Self.header + "\n" + rows[1_700...].joined(separator: "\n") + "\n",
            "Content/targets/goals.csv": nil,
        ])
        defer { site.remove() }
        #expect(Self.build(site) == [])
        let csv = try #require(site.read("data/results.csv"))
        // Without the empty note, quality, verified and benchmark, the round, and the six computed columns.
        let published = csv.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).dropLast(11).joined(separator: ",")
        }
        #expect(published == Self.published(rows))
    }

    @Test func problemsOfEveryBlockComeOutInFileOrder() throws {
        var rows = Self.rows()
        rows[9] = "karmoi,EC: ICT: ICT: 1C,,2020,1,%,x"
        rows[2_500] = rows[3]
        rows[2_047] = rows[2_047].replacingOccurrences(of: ",%,", with: ",%,x,")
        rows[2_048] = rows[2_048].replacingOccurrences(of: ",%,", with: ",%,x,")
        // The second file names its round: the one the first file's rows belong to (named by its latest year).
        let second = ["asker,EC: ICT: ICT: 4C,5G,2020,1,%,x", rows[1]].map { $0 + ",2200" }
        let site = try TestSite.make([
            "Content/results/2020.csv": Self.header + "\n" + rows.joined(separator: "\n") + "\n",
            "Content/results/2021.csv": Self.header + ",round\n" + second.joined(separator: "\n") + "\n",
            "Content/targets/goals.csv": nil,
        ])
        defer { site.remove() }
        let problems = Self.build(site).map { $0.components(separatedBy: ": error: ")[0] }
        #expect(
            problems == [
                "Content/results/2020.csv:11:1", "Content/results/2020.csv:2049:1", "Content/results/2020.csv:2050:1",
                "Content/results/2020.csv:2502:1", "Content/results/2021.csv:2:24", "Content/results/2021.csv:3:1",
            ])
        let messages = Self.build(site)
        #expect(messages[3].contains("already given at Content/results/2020.csv:5;"))
        #expect(messages[5].contains("already given at Content/results/2020.csv:3;"))
    }

    @Test func targetProblemsOfEveryBlockComeOutInFileOrder() throws {
        var rows: [String] = []
        for _ in 0..<210 {
            for city in ["karmoy", "asker"] {
                for item in Self.items { rows.append("\(city),\(item.kpi),\(item.datapoint),\(rows.count % 50 + 1),x") }
            }
        }
        rows[2_060] = "asker,EC: ICT: ICT: 1C,,-1,x"
        let site = try TestSite.make([
            "Content/targets/goals.csv": "city,kpi,datapoint,target,note\n" + rows.joined(separator: "\n") + "\n"
        ])
        defer { site.remove() }
        let problems = site.build()
        #expect(problems.count == rows.count - 10)
        let lines = problems.compactMap { Int($0.split(separator: ":")[1]) }
        #expect(lines == Array(12...rows.count + 1))
        #expect(
            problems[0].contains(
                "duplicate target: karmoy, EC: ICT: ICT: 1C is already given at Content/targets/goals.csv:2"))
        #expect(problems[2_050].contains("a target of -1 cannot be used"))
        #expect(
            problems[2_051].contains(
                "duplicate target: karmoy, EC: ICT: ICT: 2C is already given at Content/targets/goals.csv:3"))
    }
}
