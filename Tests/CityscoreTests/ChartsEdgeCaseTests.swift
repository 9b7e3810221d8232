import CityscoreModel
import Foundation
import Testing

@testable import CityscoreCharts

/// Charts from awkward input: nothing, one of a kind, zero, negative, huge and non-finite values,
/// long and hostile names. Each must still be valid, finite and say what it shows.
@Suite("Charts: edge cases") struct ChartsEdgeCaseTests {
    /// Every form of `chart` is well-formed with plain numbers only, and renders the same twice.
    func expectSound(_ chart: Chart, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for markup in [chart.svg, chart.standalone] {
            let xml = ChartsXML(markup)
            #expect(xml.error == nil, "\(chart.id): \(xml.error ?? "")", sourceLocation: sourceLocation)
            #expect(xml.badNumbers == [], "\(chart.id)", sourceLocation: sourceLocation)
            #expect(Set(xml.references).isSubset(of: Set(xml.ids)), sourceLocation: sourceLocation)
        }
        for text in [chart.svg, chart.description] + chart.table.rows.flatMap({ $0 }) {
            #expect(
                !text.contains("NaN") && !text.contains("nan") && !text.contains("inf)"), sourceLocation: sourceLocation
            )
        }
        #expect(!chart.title.isEmpty && !chart.description.isEmpty, sourceLocation: sourceLocation)
        #expect(chart.table.rows.allSatisfy { $0.count == chart.table.columns.count }, sourceLocation: sourceLocation)
    }

    static let extremes: [Double] = [0, -0.0, -20, -1e12, 1e-9, 1e12, 1e300, -1e300, .nan, .infinity, -.infinity]

    @Test("no data at all") func noData() {
        let charts = [
            BenchmarkWheel(city: "Karmøy", dimensions: []).render(id: "w"),
            ScoreBars(city: "Karmøy", items: []).render(id: "b"),
            HeatMap(title: "Economy", columns: [], rows: []).render(id: "h"),
            HeatMap(title: "Economy", columns: ["ICT"], rows: []).render(id: "h2"),
            HeatMap(title: "Economy", columns: [], rows: [.init(name: "Karmøy", cells: [])]).render(id: "h3"),
            DotPlot(name: "Patents", direction: .higher, entries: []).render(id: "d"),
            TrendLine(name: "Patents", points: []).render(id: "t"),
            TrendLine(name: "Patents", points: [], size: .sparkline).render(id: "s"),
            BulletChart(name: "Patents", direction: .higher, value: .notReported).render(id: "u"),
        ]
        for chart in charts {
            expectSound(chart)
            #expect(
                chart.svg.contains(ChartWords.english.noData) || chart.svg.contains(ChartWords.english.notReported),
                "\(chart.id)")
        }
    }

    @Test("nothing reported") func nothingReported() {
        let kpis = (1...5).map { ChartItem(name: "KPI \($0)", score: .notReported) }
        let tree = [
            ChartItem(
                name: "Economy", score: .notScored,
                children: [ChartItem(name: "ICT", score: .notScored, children: kpis)])
        ]
        let wheel = BenchmarkWheel(city: "Karmøy", dimensions: tree).render(id: "w")
        expectSound(wheel)
        #expect(wheel.description.hasSuffix("None of the 5 Economy KPIs is scored. 5 not reported by the city."))
        #expect(wheel.svg.contains("url(#w-hatch)"))
        let bars = ScoreBars(city: "Karmøy", items: tree).render(id: "b")
        expectSound(bars)
        #expect(bars.svg.contains(">not scored<"))
        let heat = HeatMap(
            title: "Economy", columns: ["ICT", "Water"],
            rows: [.init(name: "Karmøy", cells: [.notReported, .notReported])]
        ).render(id: "h")
        expectSound(heat)
        #expect(heat.description.contains("2 cells not scored"))
        let dots = DotPlot(
            name: "Patents", direction: .higher, target: 5, entries: [.init(name: "Karmøy", value: .notReported)]
        ).render(id: "d")
        expectSound(dots)
        #expect(dots.description.contains("0 cities ranked"))
    }

    @Test("one city") func oneCity() {
        let heat = HeatMap(
            title: "Economy", columns: ["ICT Infrastructure"],
            rows: [.init(name: "Karmøy", cells: [.percent(71.4)], highlighted: true)]
        ).render(id: "h")
        expectSound(heat)
        #expect(heat.description.hasPrefix("Economy scores of 1 city across 1 category."))
        #expect(heat.svg.contains(">71\u{00A0}%<"))
        let dots = DotPlot(
            name: "Patents", direction: .higher, target: 5, entries: [.init(name: "Karmøy", value: .number(3))]
        ).render(id: "d")
        expectSound(dots)
        #expect(dots.description.contains("1 city ranked"))
        let wheel = BenchmarkWheel(
            city: "Karmøy", overall: .percent(100), dimensions: [ChartItem(name: "Economy", score: .percent(100))]
        ).render(id: "w")
        expectSound(wheel)
    }

    @Test("zero, negative, huge and non-finite values", arguments: extremes) func extremeValues(value: Double) {
        for direction in Direction.allCases {
            for target in [nil, 0, -5, 10, value] as [Double?] {
                expectSound(
                    BulletChart(name: "KPI", unit: "%", direction: direction, value: .number(value), target: target)
                        .render(id: "b"))
                expectSound(
                    DotPlot(
                        name: "KPI", unit: "t", direction: direction, target: target,
                        entries: [.init(name: "A", value: .number(value)), .init(name: "B", value: .number(3))]
                    ).render(id: "d"))
            }
            let points = [TrendLine.Point(year: 2019, value: value), .init(year: 2020, value: 1)]
            for size in [TrendLine.Size.full, .sparkline] {
                expectSound(
                    TrendLine(name: "KPI", direction: direction, points: points, target: value, size: size).render(
                        id: "t"))
            }
        }
        expectSound(
            HeatMap(title: "Economy", columns: ["A"], rows: [.init(name: "X", cells: [.percent(value)])]).render(
                id: "h"))
        let item = ChartItem(
            name: "Economy", score: .percent(value), children: [ChartItem(name: "A", score: .percent(value))])
        expectSound(ScoreBars(city: "X", items: [item]).render(id: "s"))
        expectSound(BenchmarkWheel(city: "X", overall: .percent(value), dimensions: [item]).render(id: "w"))
    }

    @Test("negative and huge values are printed with the caller's format") func printedValues() {
        let negative = BulletChart(name: "Change", unit: "%", direction: .higher, value: .number(-20), target: 10)
            .render(id: "n")
        #expect(negative.svg.contains("−20\u{00A0}%"))
        let huge = DotPlot(
            name: "GDP", unit: "USD", direction: .higher,
            entries: [.init(name: "A", value: .number(1e12)), .init(name: "B", value: .number(5e11))]
        ).render(id: "g")
        #expect(huge.svg.contains("1,000,000,000,000\u{00A0}USD"))
        #expect(huge.table.rows.first?[2] == "1,000,000,000,000\u{00A0}USD")
    }

    @Test("zero against a lower-is-better target is in the best band") func zeroLower() {
        let chart = BulletChart(name: "Fatalities", direction: .lower, value: .number(0), target: 2).render(id: "z")
        #expect(chart.description.contains("That is 100\u{00A0}% of target, in the band 95 %+ of target"))
        #expect(chart.svg.contains("class=\"cs-band-4\""))
    }

    @Test("long names are shortened with … in the drawing and whole in titles, description and table") func longNames()
    {
        let long =
            "Proportion of the Population with Access to an Extremely Long-Named Municipal Service Offered Everywhere"
        let city = "Kristiansund og Nordmøre interkommunale samarbeidsregion"
        let charts = [
            BenchmarkWheel(
                city: city, overall: .percent(50),
                dimensions: [
                    ChartItem(
                        name: long, score: .percent(50),
                        children: [
                            ChartItem(
                                name: long, score: .percent(40), children: [ChartItem(name: long, score: .percent(30))])
                        ])
                ]
            ).render(id: "w"),
            ScoreBars(
                city: city,
                items: [
                    ChartItem(name: long, score: .percent(50), children: [ChartItem(name: long, score: .percent(40))])
                ]
            ).render(id: "b"),
            BulletChart(name: long, direction: .higher, value: .number(3), target: 4).render(id: "u"),
            TrendLine(name: long, points: [.init(year: 2020, value: 1), .init(year: 2021, value: 2)]).render(id: "t"),
            HeatMap(title: "Economy", columns: [.init(name: long)], rows: [.init(name: city, cells: [.percent(20)])])
                .render(id: "h"),
            DotPlot(name: "KPI", direction: .higher, entries: [.init(name: city + " " + long, value: .number(1))])
                .render(id: "d"),
        ]
        for chart in charts {
            expectSound(chart)
            let xml = ChartsXML(chart.svg)
            let drawn = xml.texts.filter { !$0.isEmpty }
            #expect(drawn.contains { $0.hasSuffix("…") }, "\(chart.id): nothing shortened")
            #expect(!drawn.contains { $0.contains(long) || $0.contains(city) }, "\(chart.id): a long name drawn whole")
            let whole = xml.titles + [chart.description] + chart.table.rows.flatMap { $0 }
            #expect(whole.contains { $0.contains(long) || $0.contains(city) }, "\(chart.id): long name lost")
            for text in drawn where text.hasSuffix("…") { #expect(TextMetrics.width(text, size: 10) < 640) }
        }
    }

    @Test("names with markup characters are escaped") func escaping() {
        let hostile = "<script>alert(\"x\")</script> & 'y' \u{7}"
        let charts = [
            ScoreBars(city: hostile, items: [ChartItem(name: hostile, score: .percent(50))]).render(id: "b"),
            HeatMap(
                title: hostile, columns: [.init(name: hostile)], rows: [.init(name: hostile, cells: [.percent(20)])]
            ).render(id: "h"),
            DotPlot(name: hostile, unit: hostile, direction: .lower, entries: [.init(name: hostile, value: .number(1))])
                .render(id: "d"),
            BulletChart(name: hostile, unit: "<b>", direction: .higher, value: .number(1), target: 2).render(id: "u"),
        ]
        for chart in charts {
            expectSound(chart)
            #expect(!chart.svg.contains("<script>") && !chart.standalone.contains("<script>"))
            #expect(!chart.svg.contains("<b>"))
            #expect(ChartsXML(chart.svg).titles.contains { $0.contains("<script>alert(\"x\")</script> & 'y'") })
        }
    }

    @Test("ids are made safe and derived only from the caller's prefix") func ids() {
        let chart = ScoreBars(city: "X", items: []).render(id: "12 Karmøy / <Økonomi>")
        #expect(chart.id == "c12-karmoy-okonomi")
        #expect(chart.svg.contains("aria-labelledby=\"c12-karmoy-okonomi-title c12-karmoy-okonomi-desc\""))
        #expect(ScoreBars(city: "X", items: []).render(id: "").id == "chart")
    }

    @Test("one year only") func oneYear() {
        for size in [TrendLine.Size.full, .sparkline] {
            let chart = TrendLine(name: "Patents", points: [.init(year: 2020, value: 4)], target: 10, size: size)
                .render(id: "t")
            expectSound(chart)
            #expect(chart.svg.contains(">one year only<"))
            #expect(chart.svg.components(separatedBy: "<circle").count == 2)
            #expect(chart.description == "Patents: 4 in 2020, one year only; target 10.")
        }
    }

    @Test("a trend keeps one value per year, the last given, in year order") func trendYears() {
        let chart = TrendLine(
            name: "Patents",
            points: [.init(year: 2021, value: 3), .init(year: 2019, value: 1), .init(year: 2021, value: 5)]
        ).render(id: "t")
        #expect(chart.table.rows == [["2019", "1"], ["2021", "5"]])
        #expect(chart.description == "Patents rose from 1 in 2019 to 5 in 2021, an improvement.")
    }

    @Test("dot plots rank best first by direction, ties share a rank, not reported last") func ranking() {
        let entries: [DotPlot.Entry] = [
            .init(name: "A", value: .number(3)), .init(name: "B", value: .notReported),
            .init(name: "C", value: .number(1)), .init(name: "D", value: .number(3)),
        ]
        let higher = DotPlot(name: "K", direction: .higher, entries: entries).render(id: "h").table.rows
        #expect(higher.map { $0[0] + $0[1] } == ["1A", "1D", "3C", "B"])
        let lower = DotPlot(name: "K", direction: .lower, entries: entries).render(id: "l").table.rows
        #expect(lower.map { $0[0] + $0[1] } == ["1C", "2A", "2D", "B"])
    }

    @Test("yes-no values are drawn as a Yes/No pair") func yesNo() {
        let no = BulletChart(name: "Open Data", direction: .yesNo, value: .yesNo(false), year: 2021).render(id: "y")
        expectSound(no)
        #expect(no.svg.contains("✓ No"))
        #expect(no.description == "Open Data: No in 2021, which scores 0\u{00A0}% (less than 33 % of target).")
        let missing = BulletChart(name: "Open Data", direction: .yesNo, value: .notReported).render(id: "m")
        expectSound(missing)
        #expect(!missing.svg.contains("✓"))
    }
}
