import CityscoreFormatting
import Foundation
import CityscoreModel
import Testing

@testable import CityscoreCharts

/// One rendered sample of every chart kind (and variant), by snapshot name.
enum ChartsSamples {
    static let names = [
        "wheel", "bars", "bullet", "bullet-lower", "bullet-yesno", "trend", "sparkline", "heatmap", "dotplot",
    ]

    static func render(_ name: String, format: NumberFormat = NumberFormat()) -> Chart? {
        switch name {
        case "wheel": ChartsFixtures.wheel.render(id: "karmoy-wheel", format: format)
        case "bars": ChartsFixtures.bars.render(id: "karmoy-bars", format: format)
        case "bullet": ChartsFixtures.bullet.render(id: "karmoy-ec-ict-ict-1c", format: format)
        case "bullet-lower": ChartsFixtures.bulletLower.render(id: "karmoy-ec-i-ws-3c", format: format)
        case "bullet-yesno": ChartsFixtures.bulletYesNo.render(id: "karmoy-ec-ict-ps-1a", format: format)
        case "trend": ChartsFixtures.trend.render(id: "karmoy-trend", format: format)
        case "sparkline": ChartsFixtures.sparkline.render(id: "karmoy-spark", format: format)
        case "heatmap": ChartsFixtures.heatMap.render(id: "economy-heatmap", format: format)
        case "dotplot": ChartsFixtures.dotPlot.render(id: "ec-ict-ict-1c-cities", format: format)
        default: nil
        }
    }
}

/// What every chart must be: well-formed, accessible, deterministic, sized by its viewBox.
@Suite("Charts: every kind") struct ChartsTests {
    @Test("inline and standalone markup are well-formed XML with an accessible root", arguments: ChartsSamples.names)
    func wellFormedAndAccessible(name: String) throws {
        let chart = try #require(ChartsSamples.render(name))
        for (form, markup) in [("inline", chart.svg), ("standalone", chart.standalone)] {
            let xml = ChartsXML(markup)
            #expect(xml.error == nil, "\(name) \(form): \(xml.error ?? "")")
            let root = try #require(xml.root)
            #expect(root.name == "svg")
            #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(root.attributes["role"] == "img")
            #expect(root.attributes["aria-labelledby"] == "\(chart.id)-title \(chart.id)-desc")
            #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
            #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
            #expect(xml.elements.dropFirst().first?.name == "title")
            #expect(xml.elements.contains { $0.name == "title" && $0.attributes["id"] == chart.id + "-title" })
            #expect(xml.elements.contains { $0.name == "desc" && $0.attributes["id"] == chart.id + "-desc" })
            #expect(xml.titles.first == chart.title)
            #expect(!chart.title.isEmpty && !chart.description.isEmpty)
        }
        #expect(chart.standalone.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(chart.svg.hasPrefix("<svg "))
        #expect(!chart.svg.contains("<style"))
        #expect(chart.standalone.contains("<style>"))
    }

    @Test("ids are unique, start with the chart id, and every reference resolves", arguments: ChartsSamples.names)
    func idsAndReferences(name: String) throws {
        let chart = try #require(ChartsSamples.render(name))
        let xml = ChartsXML(chart.standalone)
        #expect(Set(xml.ids).count == xml.ids.count)
        #expect(xml.ids.allSatisfy { $0.hasPrefix(chart.id + "-") })
        #expect(Set(xml.references).isSubset(of: Set(xml.ids)))
    }

    @Test("coordinates have at most two decimals, no exponent, -0, NaN or infinity", arguments: ChartsSamples.names)
    func fixedPrecision(name: String) throws {
        let chart = try #require(ChartsSamples.render(name))
        #expect(ChartsXML(chart.standalone).badNumbers == [])
    }

    @Test("the same input renders byte for byte the same", arguments: ChartsSamples.names) func deterministic(
        name: String
    ) throws {
        let first = try #require(ChartsSamples.render(name))
        let second = try #require(ChartsSamples.render(name))
        #expect(first == second)
    }

    @Test("tables have a caption and rows as wide as their columns", arguments: ChartsSamples.names) func tables(
        name: String
    ) throws {
        let table = try #require(ChartsSamples.render(name)).table
        #expect(!table.caption.isEmpty && !table.columns.isEmpty && !table.rows.isEmpty)
        #expect(table.rows.allSatisfy { $0.count == table.columns.count })
        #expect(table.numericColumns.allSatisfy { table.columns.indices.contains($0) })
    }

    @Test("standalone files match their snapshots", arguments: ChartsSamples.names) func snapshots(name: String) throws
    { ChartsSnapshot.check(try #require(ChartsSamples.render(name)).standalone, named: name) }

    @Test("inline markup and the stylesheet match their snapshots") func inlineAndStylesheetSnapshots() throws {
        ChartsSnapshot.check(try #require(ChartsSamples.render("bullet")).svg, named: "bullet-inline")
        ChartsSnapshot.check(ChartStyle.stylesheet, named: "stylesheet", ext: "css")
    }

    @Test("every class the drawings use is styled in light, dark and print") func stylesheetCoversClasses() throws {
        let css = ChartStyle.stylesheet
        #expect(css.contains("@media (prefers-color-scheme:dark)"))
        #expect(css.contains("@media print"))
        var classes: Set<String> = []
        for name in ChartsSamples.names {
            let xml = ChartsXML(try #require(ChartsSamples.render(name)).svg)
            for element in xml.elements {
                classes.formUnion((element.attributes["class"] ?? "").split(separator: " ").map(String.init))
            }
        }
        let structural: Set = [
            "cs-chart", "cs-not-reported", "cs-wheel", "cs-bars", "cs-bullet", "cs-trend", "cs-sparkline", "cs-heatmap",
            "cs-dotplot",
        ]
        for name in classes.subtracting(structural).sorted() {
            #expect(css.contains(".cs-chart .\(name){"), "no rule for \(name)")
            #expect(ChartStyle.standaloneStylesheet.contains(".\(name){"), "no standalone rule for \(name)")
        }
    }

    @Test("numbers follow the caller's format") func numberFormat() throws {
        let chart = try #require(ChartsSamples.render("bars", format: .forLanguage("nb")))
        #expect(chart.svg.contains("60,1\u{00A0}%"))
        #expect(chart.description.contains("60,1\u{00A0}%"))
        #expect(chart.table.rows.contains { $0.contains("60,1\u{00A0}%") })
        #expect(!chart.svg.contains("60.1"))
    }

    @Test("descriptions say what the chart shows in plain words") func descriptions() throws {
        let wheel = try #require(ChartsSamples.render("wheel"))
        #expect(wheel.description.hasPrefix("Karmøy scores 59.9\u{00A0}% overall (33–66 % of target)."))
        #expect(
            wheel.description.contains("Karmøy reaches 95 %+ of target on 16 of 73 scored KPIs; furthest from target: ")
        )
        #expect(
            wheel.description.hasSuffix(
                " 18 of 91 KPIs not scored: 11 not reported by the city and 7 reported, no benchmark or target."))
        let economy = BenchmarkWheel(city: "Karmøy", dimensions: [ChartsFixtures.tree[0]]).render(id: "e")
        #expect(economy.description.contains(" scored Economy KPIs; furthest from target: "))
        let bullet = try #require(ChartsSamples.render("bullet"))
        #expect(
            bullet.description
                == "Household Internet Access: 87.5\u{00A0}% in 2020; target 100\u{00A0}%, higher is better. "
                + "That is 87.5\u{00A0}% of target, in the band 66–95 % of target.")
        let lower = try #require(ChartsSamples.render("bullet-lower"))
        #expect(lower.description.contains("lower is better. That is 41.2\u{00A0}% of target"))
        let dots = try #require(ChartsSamples.render("dotplot"))
        #expect(dots.description.hasPrefix("Household Internet Access: 6 cities ranked, higher is better. Best: "))
    }
}
