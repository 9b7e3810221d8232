import CityscoreModel
import CityscoreReading
import Foundation
import Testing

/// The downloads let anyone recompute every score: `data/results.csv` gives each value as it was
/// written and how its row was scored, the framework gives the directions, `datapackage.json`
/// describes every file.
@Suite("Downloads")
struct DownloadsTests {
    static let results = """
        city,kpi,datapoint,year,value,unit,source,note,x-source-url
        karmoy,EC: ICT: ICT: 1C,,2019,90.0,%,Report 2019,,
        karmoy,EC: ICT: ICT: 1C,,2020,97.00,%,Report 2020,"as printed, p. 14",https://example.org/p14
        karmoy,EC: ICT: ICT: 2C,,2020,84.51,%,Report 2020,,
        karmoy,EC: ICT: ICT: 4C,3G,2020,96.67,%,Report 2020,,
        karmoy,EC: ICT: ICT: 4C,4G,2020,NR,%,Report 2020,,
        asker,SC: SH: SA: 3A,,2020,no,,Report,,
        asker,EC: P: EM: 1C,,2020,3.90,%,Report,,
        asker,SC: SH: SA: 2C,,2020,0.001,% / City GDP,Report,,
        asker,EC: P: EM: 3A,,2020,94.96,%,Report,,

        """

    static let targets = """
        city,kpi,datapoint,target,note
        karmoy,EC: ICT: ICT: 1C,,100,Own goal
        asker,EC: P: EM: 1C,,2.0,Own goal
        asker,SC: SH: SA: 2C,,0.01,Own goal
        asker,EC: P: EM: 3A,,100,Own goal

        """

    /// A built test site with the rows above.
    static func built() throws -> TestSite {
        let site = try TestSite.make([
            "Content/results/2020.csv": results, "Content/targets/goals.csv": targets,
        ])
        #expect(site.build() == [])
        return site
    }

    /// The rows of a CSV download (RFC 4180 through the project's own reader), by header name.
    static func table(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let table = try #require(CSVReader(path: "data.csv").read(Array(text.utf8)).table)
        let header = table.header.map(\.text)
        let rows = table.records.map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record.fields.map(\.text)))
        }
        return (header, rows)
    }

    @Test func resultsCSVKeepsItsInputColumnsFirstThenHowEachRowWasScored() throws {
        let site = try Self.built()
        defer { site.remove() }
        let (header, _) = try Self.table(try #require(site.read("data/results.csv")))
        #expect(
            header == [
                "city", "kpi", "datapoint", "year", "value", "unit", "source", "note", "quality", "verified",
                "benchmark", "round", "x-source-url", "target", "target_kind", "achievement", "points", "band",
                "status",
            ])
        #expect(header == DataColumns.results + ["x-source-url"] + DataColumns.resultsComputed)
    }

    @Test func valuesAreWrittenBackExactlyAsRead() throws {
        let site = try Self.built()
        defer { site.remove() }
        let (_, rows) = try Self.table(try #require(site.read("data/results.csv")))
        let values = Dictionary(
            uniqueKeysWithValues: rows.map { ($0["kpi"]! + "|" + $0["datapoint"]! + "|" + $0["year"]!, $0["value"]!) })
        #expect(values["EC: ICT: ICT: 1C||2020"] == "97.00")
        #expect(values["EC: ICT: ICT: 1C||2019"] == "90.0")
        #expect(values["EC: P: EM: 1C||2020"] == "3.90")
        #expect(values["SC: SH: SA: 2C||2020"] == "0.001")
        #expect(values["EC: ICT: ICT: 4C|4G|2020"] == "NR")
        #expect(values["SC: SH: SA: 3A||2020"] == "no")
        // The city JSON keeps the printed digits, the source URL and the note beside the number.
        let karmoy = try #require(site.read("data/cities/karmoy.json"))
        #expect(karmoy.contains("\"value\": 97.0,"))
        #expect(karmoy.contains("\"value_text\": \"97.00\""))
        #expect(karmoy.contains("\"source_url\": \"https://example.org/p14\""))
        #expect(karmoy.contains("\"note\": \"as printed, p. 14\""))
    }

    @Test func withoutItsComputedColumnsResultsCSVReadsBackToTheSameFile() throws {
        let site = try Self.built()
        defer { site.remove() }
        let published = try #require(site.read("data/results.csv"))
        let table = try #require(CSVReader(path: "results.csv").read(Array(published.utf8)).table)
        let kept = table.header.count - DataColumns.resultsComputed.count
        let input = ([table.header] + table.records.map(\.fields)).map { fields in
            fields.prefix(kept).map { field in
                field.text.contains(",") || field.text.contains("\"")
                    ? "\"" + field.text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field.text
            }.joined(separator: ",")
        }
        let copy = try TestSite.make([
            "Content/results/2020.csv": input.joined(separator: "\n") + "\n", "Content/targets/goals.csv": Self.targets,
        ])
        defer { copy.remove() }
        #expect(copy.build() == [])
        #expect(copy.read("data/results.csv") == published)
    }

    @Test func computedColumnsAreUnroundedAndOnlyTheLatestRowIsScored() throws {
        let site = try Self.built()
        defer { site.remove() }
        let (_, rows) = try Self.table(try #require(site.read("data/results.csv")))
        func row(_ kpi: String, _ datapoint: String = "", _ year: String = "2020") throws -> [String: String] {
            try #require(rows.first { $0["kpi"] == kpi && $0["datapoint"] == datapoint && $0["year"] == year })
        }
        let internet = try row("EC: ICT: ICT: 1C")
        #expect(internet["target"] == "100")
        #expect(internet["target_kind"] == "local")
        #expect(internet["achievement"] == "97")
        #expect((internet["points"], internet["band"], internet["status"]) == ("4", "4", "scored"))
        let earlier = try row("EC: ICT: ICT: 1C", "", "2019")
        #expect(earlier["status"] == "earlier-year")
        #expect(earlier["points"] == "" && earlier["achievement"] == "")
        // 94.96 of a target of 100 and 2.0 ÷ 3.90: the shortest form that reads back exactly, never 95.
        let tourism = try row("EC: P: EM: 3A")
        #expect(tourism["achievement"] == "\(94.96 / 100 * 100)")
        #expect(Double(tourism["achievement"] ?? "") == 94.96 / 100 * 100)
        #expect((tourism["points"], tourism["band"]) == ("3", "3"))
        let unemployment = try row("EC: P: EM: 1C")
        #expect(Double(unemployment["achievement"] ?? "") == 2.0 / 3.90 * 100)
        #expect(unemployment["achievement"] != "51.3")
        #expect(try row("SC: SH: SA: 2C")["achievement"] == "1000")
        // The public benchmark: 84.51 against 60.
        let broadband = try row("EC: ICT: ICT: 2C")
        #expect(broadband["target_kind"] == "benchmark")
        #expect(broadband["target"] == "60")
        #expect(try row("EC: ICT: ICT: 4C", "3G")["status"] == "no-target")
        #expect(try row("EC: ICT: ICT: 4C", "4G")["status"] == "not-reported")
        let no = try row("SC: SH: SA: 3A")
        #expect((no["target"], no["achievement"], no["points"], no["status"]) == ("", "0", "1", "scored"))
        // The JSON carries the same unrounded achievement.
        let asker = try #require(site.read("data/cities/asker.json"))
        #expect(asker.contains("\"achievement\": \(94.96 / 100 * 100),"))
    }

    /// From results.csv and framework.csv alone, every category's, dimension's and city's percent
    /// comes out as the city JSON gives it.
    @Test func everyScoreCanBeRecomputedFromTheCSVFiles() throws {
        let site = try Self.built()
        defer { site.remove() }
        let (_, rows) = try Self.table(try #require(site.read("data/results.csv")))
        let (_, kpis) = try Self.table(try #require(site.read("data/framework.csv")))
        let dimensionOf = Dictionary(uniqueKeysWithValues: kpis.map { ($0["code"]!, $0["dimension"]!) })
        for city in ["karmoy", "asker"] {
            var points: [String: (sum: Int, count: Int)] = [:]
            for row in rows where row["city"] == city && row["status"] == "scored" {
                let dimension = try #require(dimensionOf[row["kpi"]!])
                let p = try #require(Int(row["points"] ?? ""))
                for key in [dimension, "overall"] {
                    points[key, default: (0, 0)].sum += p
                    points[key, default: (0, 0)].count += 1
                }
            }
            let text = try #require(site.read("data/cities/\(city).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let overall = try #require(json["overall"] as? [String: Any])
            let total = try #require(points["overall"])
            #expect(overall["percent"] as? Double == Double(total.sum) / Double(4 * total.count) * 100)
            for dimension in try #require(json["dimensions"] as? [[String: Any]]) {
                let name = try #require(dimension["name"] as? String)
                if let own = points[name] {
                    #expect(dimension["percent"] as? Double == Double(own.sum) / Double(4 * own.count) * 100)
                } else {
                    #expect(dimension["percent"] is NSNull)
                }
            }
        }
    }

    @Test func frameworkCSVCarriesDirectionsPerDataPointAndRangesAndReadsBack() throws {
        let site = try Self.built()
        defer { site.remove() }
        let text = try #require(site.read("data/framework.csv"))
        let (header, kpis) = try Self.table(text)
        #expect(header == DataColumns.framework)
        let waste = try #require(kpis.first { $0["code"] == "EN: EN: WA: 1C" })
        #expect(waste["direction"] == "lower")
        #expect(waste["datapoint_directions"] == "recycled: higher")
        #expect(kpis.first { $0["code"] == "SC: SH: SI: 2C" }?["range"] == "0..1")
        // The download is the format of Content/framework/kpis.csv: a site can use it as it is.
        let copy = try TestSite.make(["Content/framework/kpis.csv": text])
        defer { copy.remove() }
        #expect(copy.build() == [])
        #expect(copy.read("data/framework.csv") == text)
    }

    @Test func theDataPackageDescribesEveryFileUnderData() throws {
        let site = try Self.built()
        defer { site.remove() }
        let text = try #require(site.read("data/datapackage.json"))
        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        let paths = Set(resources.compactMap { $0["path"] as? String })
        let files = Set(TestSite.tree(site.output + "/data").keys).subtracting(["datapackage.json"])
        #expect(paths == files)
        #expect(paths.contains("results.csv") && paths.contains("cities/karmoy.json"))
        #expect(Set(resources.compactMap { $0["name"] as? String }).count == resources.count)
        // Each CSV's schema names its columns in the file's order, with a type and a description.
        for resource in resources where resource["format"] as? String == "csv" {
            let path = try #require(resource["path"] as? String)
            let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
            let (header, _) = try Self.table(try #require(site.read("data/" + path)))
            #expect(fields.map { $0["name"] as? String } == header)
            for field in fields {
                #expect((field["type"] as? String)?.isEmpty == false)
                #expect((field["description"] as? String)?.isEmpty == false, "\(path): \(field["name"] ?? "")")
            }
        }
        let results = try #require(resources.first { $0["name"] as? String == "results" })
        let fields = try #require((results["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
        let achievement = try #require(fields.first { $0["name"] as? String == "achievement" })
        #expect(achievement["type"] as? String == "number")
        #expect(achievement["unit"] as? String == "%")
        // The same site gives the same bytes.
        let again = try #require(site.read("data/datapackage.json"))
        site.build()
        #expect(site.read("data/datapackage.json") == again)
    }
}
