import CityscoreFormatting
import CityscoreModel
import CityscoreScoring
import Foundation
import Testing

@testable import CityscoreCharts

/// Every figure a reader sees agrees with the data, the method and its band (issue "Honest numbers").
@Suite("Honest numbers")
struct HonestNumbersTests {
    /// The number in a displayed percentage, read back (`94.9 %` → 94.9, `1,000 %` → 1000).
    static func parse(_ shown: String, format: NumberFormat = NumberFormat()) -> Double? {
        let number = shown.replacingOccurrences(of: format.percentSpacing + "%", with: "")
            .replacingOccurrences(of: format.groupingSeparator, with: "")
            .replacingOccurrences(of: format.decimalSeparator, with: ".")
            .replacingOccurrences(of: "−", with: "-")
        return Double(number)
    }

    @Test func theIssuesThreeFiguresKeepTheirBand() {
        let format = NumberFormat()
        #expect(format.percent(94.96) == "94.9\u{00A0}%")
        #expect(format.percent(32.96) == "32.9\u{00A0}%")
        #expect(format.percent(65.96) == "65.9\u{00A0}%")
        #expect(format.percent(94.96, maxFractionDigits: 0) == "94\u{00A0}%")
        #expect(format.percent(95) == "95\u{00A0}%")
        #expect(format.percent(71.44) == "71.4\u{00A0}%")
        #expect(format.percent(71.46) == "71.5\u{00A0}%")
    }

    /// For every threshold t, values from t − 0.1 to t + 0.1 in small steps, and random values: the
    /// displayed number, parsed back, is in the band of the value, at every number of decimals
    /// and in every language's conventions.
    @Test func aDisplayedPercentageNeverLeavesItsBand() {
        var values: [Double] = []
        for t in Band.thresholds + [100] {
            for step in stride(from: -1000, through: 1000, by: 7) { values.append(t + Double(step) / 10_000) }
            values += (-100...100).map { t + Double($0) / 1_000 }
            values += [t.nextDown, t, t.nextUp, t - 1e-9, t + 1e-9, t - 0.05, t - 0.049_999_999]
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { values.append(Double.random(in: -50...1_200, using: &generator)) }
        var checked = 0
        for language in ["en", "nb", "de"] {
            let format = NumberFormat.forLanguage(language)
            for value in values {
                for digits in 0...2 {
                    let shown = format.percent(value, maxFractionDigits: digits)
                    guard let back = Self.parse(shown, format: format) else {
                        Issue.record("\(shown) does not read back as a number")
                        continue
                    }
                    if Band(percent: back) != Band(percent: value) {
                        Issue.record("\(value) is shown as \(shown), in band \(Band(percent: back).rawValue)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 3 * 3 * values.count)
    }

    @Test func groupScoresAreShownInTheirBand() {
        // 2279 points of 2400 possible: 94.958… %, band 3.
        let format = NumberFormat()
        let percent = 2279.0 / 2400 * 100
        #expect(Band(percent: percent) == .three)
        #expect(format.percent(percent) == "94.9\u{00A0}%")
    }

    // MARK: - End to end

    static let results = """
        city,kpi,datapoint,year,value,unit,source,note,benchmark
        testville,EC: ICT: ICT: 1C,,2022,32.96,,Report 2022,,
        testville,EC: ICT: ICT: 4C,3G,2022,65.96,%,Report 2022,,
        testville,EC: ICT: ICT: 4C,4G,2022,94.96,%,Report 2022,,
        testville,EC: ICT: ICT: 3C,,2022,95424,per 100 000 inhabitants,Report 2022,,
        testville,EC: ICT: WS: 1C,,2020,3.90,%,Report 2020,No benchmark available,none
        testville,EC: ICT: ES: 1C,,2022,NR,,Report 2022,,
        testville,EC: P: EM: 1C,,2022,0.001,,Report 2022,,
        otherton,EC: ICT: ICT: 2C,,2022,97.00,%,Report 2022,,

        """

    static let targets = """
        city,kpi,datapoint,target,note,kind
        testville,EC: ICT: ICT: 1C,,100,,illustrative
        testville,EC: ICT: ICT: 4C,3G,100,,illustrative
        testville,EC: ICT: ICT: 4C,4G,100,,illustrative
        testville,EC: ICT: WS: 1C,,100,,local

        """

    static func site() throws -> TestSite {
        try TestSite.make([
            "Content/cities/karmoy.md": nil, "Content/cities/asker.md": nil,
            "Content/cities/testville.md": "---\nname: Testville\n---\nA test city.\n",
            "Content/cities/otherton.md": "---\nname: Otherton\n---\nAnother.\n",
            "Content/results/2020.csv": results, "Content/targets/goals.csv": targets,
        ])
    }

    /// The text files of a built site.
    static func files(_ output: String) -> [String: String] {
        TestSite.tree(output).filter { path, _ in
            ["html", "svg", "json", "csv", "xml"].contains { path.hasSuffix("." + $0) }
        }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Every percentage figure a reader sees in `text`, after taking out the band names and the
    /// band thresholds and axis values drawn as such (axis labels, the methodology's table).
    static func percentages(in text: String, path: String) -> [String] {
        var text = text
        for band in Band.allCases { text = text.replacingOccurrences(of: ChartWords.english.band(band), with: "") }
        // Axis labels (value ticks and the score bars' thresholds) are drawn muted; scores never are.
        let axisLabels = #"<text class="cs-muted"[^>]*>\d+(\.\d+)?\x{00A0}%</text>"#
        text = text.replacingOccurrences(of: axisLabels, with: "", options: .regularExpression)
        if path == "methodology/index.html" || path.hasSuffix("report/index.html") {
            text = text.replacingOccurrences(
                of: #"<td class="num">(0|33|66|95)\x{00A0}%</td>"#, with: "", options: .regularExpression)
        }
        let regex = try? NSRegularExpression(pattern: #"(?<![\d.,])\d[\d,]*(\.\d+)?(?=[\x{00A0} ]?%)"#)
        let range = NSRange(text.startIndex..., in: text)
        return (regex?.matches(in: text, range: range) ?? []).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// The indicators of a city's JSON, in order.
    static func indicators(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return ((object["dimensions"] as? [[String: Any]]) ?? []).flatMap { dim in
            ((dim["subdimensions"] as? [[String: Any]]) ?? []).flatMap { sub in
                ((sub["categories"] as? [[String: Any]]) ?? []).flatMap { ($0["indicators"] as? [[String: Any]]) ?? [] }
            }
        }
    }

    @Test func noPageChartOrDataFileContradictsABand() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(site.build() == [])
        let files = Self.files(site.output)
        #expect(files.count > 20)
        var seen = Set<String>()
        // The data package states the band thresholds themselves ("under 33 %"), not figures.
        for (path, text) in files where path != "data/datapackage.json" {
            for figure in Self.percentages(in: text, path: path) {
                seen.insert(figure)
                #expect(!["33", "66", "95", "33.0", "66.0", "95.0"].contains(figure), "\(path) shows \(figure) %")
            }
            #expect(text.range(of: #"\b(33|66|95)\.0\b"#, options: .regularExpression) == nil, "\(path)")
        }
        #expect(seen.isSuperset(of: ["32.9", "65.9", "94.9"]))
        // The JSON's achievements, points and bands agree, unrounded.
        let json = try #require(site.read("data/cities/testville.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var achievements: [Double] = []
        func walk(_ value: Any) {
            if let dict = value as? [String: Any] {
                if let achievement = dict["achievement"] as? Double, let points = dict["points"] as? Int {
                    achievements.append(achievement)
                    #expect(Band(percent: achievement).points == points, "\(achievement) has \(points) points")
                }
                if let percent = dict["percent"] as? Double, let band = dict["band"] as? Int {
                    #expect(Band(percent: percent).rawValue == band)
                }
                dict.values.forEach(walk)
            } else if let list = value as? [Any] {
                list.forEach(walk)
            }
        }
        walk(object)
        #expect(achievements.sorted().map { ($0 * 100).rounded() / 100 } == [32.96, 65.96, 94.96])
    }

    @Test func valuesAbsencesTargetsAndYearsAreShownAsPublished() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("cities/testville/economy/index.html"))
        // Digits as published, grouped; the framework's unit where the row has none.
        #expect(page.contains("3.90\u{00A0}%"))
        #expect(page.contains("0.001\u{00A0}%"))
        #expect(page.contains("95,424 per 100 000 inhabitants"))
        #expect(page.contains("32.96\u{00A0}%"))
        // Where the goals come from, and the row without a benchmark is not scored.
        #expect(page.contains("An illustrative goal for this demo"))
        #expect(!page.contains("The city&#39;s own goal") && !page.contains("The city's own goal"))
        #expect(page.contains("No benchmark for this KPI"))
        // A value from an earlier year than the city's latest says so.
        #expect(page.contains("value from 2020"))
        let city = try #require(site.read("cities/testville/index.html"))
        #expect(city.contains("values from 2020–2022"))
        // The four kinds of absence, named apart.
        #expect(page.contains("not reported by the city"))
        #expect(page.contains("no value in this site&#39;s data") || page.contains("no value in this site's data"))
        let items = try Self.indicators(try #require(site.read("data/cities/testville.json")))
        let water = try #require(items.first { $0["code"] as? String == "EC: ICT: WS: 1C" })
        #expect(water["points"] is NSNull)
        #expect(water["status"] as? String == "no-target")
        let internet = try #require(items.first { $0["code"] as? String == "EC: ICT: ICT: 1C" })
        #expect((internet["target_origin"] as? [String: Any])?["kind"] as? String == "illustrative")
        #expect(internet["unit"] as? String == "%")
        // Cities scored on different KPIs against goals of different origin are not ranked.
        let dimension = try #require(site.read("dimensions/economy/index.html"))
        #expect(dimension.contains("Cities are not ranked here"))
        #expect(!dimension.contains(">Rank<"))
        let methodology = try #require(site.read("methodology/index.html"))
        #expect(methodology.contains("Illustrative goals for this demo"))
        #expect(
            methodology.contains("this site&#39;s own additions") || methodology.contains("this site's own additions"))
    }

    @Test func theDemoSaysWhatTheReportsSay() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-honest-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let demo = TestSite(rootPath: repo.path)
        #expect(demo.build(output: output) == [])
        // Rana: the report lists 8 KPIs as not reported; the rest is absent from this demo's extract.
        let rana = try #require(demo.read("cities/rana/index.html", in: output))
        #expect(rana.contains("<dt>Not reported by the city</dt><dd>8</dd>"))
        #expect(!rana.contains("112 not reported"))
        let wheel = try #require(demo.read("cities/rana/charts/wheel.svg", in: output))
        #expect(wheel.contains("8 not reported by the city"))
        #expect(wheel.contains("no value in this site&#39;s data") || wheel.contains("no value in this site's data"))
        // Every published value with its printed digits.
        let results = try String(
            contentsOf: repo.appendingPathComponent("Content/results/u4ssc-2020.csv"), encoding: .utf8)
        #expect(results.contains(",97.00,"))
        let karmoy = try #require(demo.read("cities/karmoy/economy/index.html", in: output))
        #expect(karmoy.contains("97.00\u{00A0}%"))
        // No KPI the reports mark "No benchmark available" is scored; the goals are illustrative.
        for slug in ["karmoy", "stavanger", "alesund"] {
            let json = try #require(demo.read("data/cities/\(slug).json", in: output))
            #expect(!json.contains("\"kind\": \"local\""), "\(slug)")
        }
        let items = try Self.indicators(try #require(demo.read("data/cities/stavanger.json", in: output)))
        let eGovernment = try #require(items.first { $0["code"] as? String == "EC: ICT: PS: 2A" })
        #expect(eGovernment["points"] is NSNull)
        let methodology = try #require(demo.read("methodology/index.html", in: output))
        #expect(!methodology.contains("Local goals in this site"))
    }
}
