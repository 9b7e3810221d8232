import CityscoreModel
import Foundation
import Testing

@testable import CityscoreCharts

/// The compact bullet chart for KPI table rows: small, accessible, and drawn from the same
/// description, table and band logic as the full chart.
@Suite("Charts: compact bullet") struct ChartsCompactBulletTests {
    static func compact(_ chart: BulletChart) -> BulletChart {
        var chart = chart
        chart.size = .compact
        return chart
    }

    static let samples: [String: BulletChart] = [
        "higher": compact(ChartsFixtures.bullet),
        "lower": compact(ChartsFixtures.bulletLower),
        "yes": compact(ChartsFixtures.bulletYesNo),
        "no": BulletChart(name: "Open Data", direction: .yesNo, value: .yesNo(false), year: 2021, size: .compact),
        "not-reported": BulletChart(
            name: "Water Supply Loss", unit: "%", direction: .lower, value: .notReported, target: 10, size: .compact),
        "yesno-not-reported": BulletChart(name: "Open Data", direction: .yesNo, value: .notReported, size: .compact),
        "no-target": BulletChart(name: "Patents", direction: .higher, value: .number(12), size: .compact),
    ]

    static let names = samples.keys.sorted()

    func render(_ name: String) throws -> Chart {
        try #require(Self.samples[name]).render(id: "karmoy-" + name)
    }

    @Test("well-formed XML with an accessible root and unique, prefixed ids", arguments: names)
    func accessible(name: String) throws {
        let chart = try render(name)
        for markup in [chart.svg, chart.standalone] {
            let xml = ChartsXML(markup)
            #expect(xml.error == nil, "\(name): \(xml.error ?? "")")
            let root = try #require(xml.root)
            #expect(root.name == "svg")
            #expect(root.attributes["role"] == "img")
            #expect(root.attributes["aria-labelledby"] == "\(chart.id)-title \(chart.id)-desc")
            #expect(root.attributes["viewBox"] == "0 0 240 28")
            #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
            #expect(root.attributes["class"] == "cs-chart cs-bullet-compact")
            #expect(xml.elements.dropFirst().first?.name == "title")
            #expect(xml.elements.contains { $0.name == "desc" && $0.attributes["id"] == chart.id + "-desc" })
            #expect(Set(xml.ids).count == xml.ids.count)
            #expect(xml.ids.allSatisfy { $0.hasPrefix(chart.id + "-") })
            #expect(Set(xml.references).isSubset(of: Set(xml.ids)))
            #expect(xml.badNumbers == [])
        }
    }

    @Test("under 2000 bytes inline", arguments: names) func small(name: String) throws {
        let chart = try render(name)
        print("compact bullet \(name): \(chart.svg.utf8.count) bytes inline, \(chart.standalone.utf8.count) standalone")
        #expect(chart.svg.utf8.count < 2000)
    }

    @Test("same words and table as the full chart", arguments: names) func sameWords(name: String) throws {
        var full = try #require(Self.samples[name])
        full.size = .full
        let compact = try render(name)
        let large = full.render(id: "karmoy-" + name)
        #expect(compact.title == large.title)
        #expect(compact.description == large.description)
        #expect(compact.table == large.table)
        #expect(!compact.table.rows.isEmpty)
    }

    @Test("no title, axis or legend text; only the answer or not reported") func text() throws {
        for name in ["higher", "lower", "no-target"] {
            #expect(ChartsXML(try render(name).svg).texts == [], "\(name)")
        }
        #expect(ChartsXML(try render("yes").svg).texts == [ChartWords.english.yes])
        #expect(ChartsXML(try render("no").svg).texts == [ChartWords.english.no])
        #expect(ChartsXML(try render("not-reported").svg).texts == [ChartWords.english.notReported])
        #expect(ChartsXML(try render("yesno-not-reported").svg).texts == [ChartWords.english.notReported])
    }

    @Test("yes is a filled dot, no an empty ring") func yesNoMarkers() throws {
        let yes = try #require(ChartsXML(try render("yes").svg).elements.first { $0.name == "circle" })
        #expect(yes.attributes["fill"] == ChartPalette.band(.four).light.hex)
        let no = try #require(ChartsXML(try render("no").svg).elements.first { $0.name == "circle" })
        #expect(no.attributes["fill"] == "none")
        #expect(no.attributes["stroke"] != nil)
        #expect(ChartPalette.text.light.contrastRatio(with: ChartPalette.background.light) >= 4.5)
        #expect(ChartPalette.text.dark.contrastRatio(with: ChartPalette.background.dark) >= 4.5)
        #expect(ChartPalette.muted.light.contrastRatio(with: ChartPalette.background.light) >= 4.5)
    }

    @Test("lower: band regions at target/0.95, /0.66 and /0.33, and a target tick") func lowerRegions() throws {
        let xml = ChartsXML(try render("lower").svg)
        let strip = xml.elements.filter { $0.name == "rect" && $0.attributes["height"] == "4" }
        #expect(strip.compactMap { $0.attributes["class"] } == ["cs-band-4", "cs-band-3", "cs-band-2", "cs-band-1"])
        // Domain 0…32 (24.3 and 10 / 0.33, made nice) onto 4…236.
        let edges = strip.dropFirst().compactMap { $0.attributes["x"].flatMap(Double.init) }
        for (edge, value) in zip(edges, [10 / 0.95, 10 / 0.66, 10 / 0.33]) {
            #expect(abs(edge - (4 + value / 32 * 232)) < 0.02)
        }
        let tick = try #require(xml.elements.first { $0.name == "line" && $0.attributes["class"] == "cs-target" })
        #expect(tick.attributes["x1"] == "76.5")
        let bar = try #require(xml.elements.first { $0.name == "rect" && $0.attributes["height"] == "10" })
        #expect(bar.attributes["class"] == "cs-band-2")
    }

    @Test("zero, negative, huge and non-finite values stay finite and small") func extremes() throws {
        let values: [Double] = [0, -0.0, -20, -1e12, 1e-9, 1e12, 1e300, -1e300, .nan, .infinity, -.infinity]
        for direction in [Direction.higher, .lower, .yesNo] {
            for value in values {
                for target in [nil, 0, -5, 10, 1e300] as [Double?] {
                    let chart = BulletChart(
                        name: "KPI", unit: "%", direction: direction, value: .number(value), target: target,
                        size: .compact
                    ).render(id: "x")
                    let xml = ChartsXML(chart.svg)
                    #expect(xml.error == nil)
                    #expect(xml.badNumbers == [], "\(direction) \(value) \(String(describing: target))")
                    for text in [chart.svg, chart.description] + chart.table.rows.flatMap({ $0 }) {
                        #expect(!text.contains("NaN") && !text.contains("nan") && !text.contains("inf"))
                    }
                    #expect(chart.svg.utf8.count < 2000)
                }
            }
        }
    }

    @Test("the same input renders byte for byte the same", arguments: names) func deterministic(name: String) throws {
        #expect(try render(name) == render(name))
    }

    @Test("the default size is full, and the full chart is unchanged") func defaultFull() throws {
        let chart = BulletChart(name: "KPI", direction: .higher, value: .number(1), target: 2)
        #expect(chart.size == .full)
        #expect(chart.render(id: "a").svg.contains("class=\"cs-chart cs-bullet\""))
    }

    @Test("the stylesheet sizes it and styles every class it uses") func stylesheet() throws {
        #expect(ChartStyle.stylesheet.contains("svg.cs-bullet-compact{"))
        var classes: Set<String> = []
        for name in Self.names {
            for element in ChartsXML(try render(name).svg).elements {
                classes.formUnion((element.attributes["class"] ?? "").split(separator: " ").map(String.init))
            }
        }
        for name in classes.subtracting(["cs-chart", "cs-bullet-compact"]).sorted() {
            #expect(ChartStyle.stylesheet.contains(".cs-chart .\(name){"), "no rule for \(name)")
            #expect(ChartStyle.standaloneStylesheet.contains(".\(name){"), "no standalone rule for \(name)")
        }
    }

    @Test("standalone and inline files match their snapshots") func snapshots() throws {
        ChartsSnapshot.check(try render("lower").standalone, named: "bullet-compact")
        ChartsSnapshot.check(try render("yes").svg, named: "bullet-compact-yesno-inline")
    }
}
