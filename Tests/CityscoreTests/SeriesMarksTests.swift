import CityscoreFormatting
import CityscoreModel
import Testing

@testable import CityscoreCharts

/// The line and dots of a series over time are drawn by one SVGWriter helper that the KPI trend
/// (TrendLine) and the rounds chart (RoundTrend) share.
@Suite("Series marks shared by the trend and rounds charts")
struct SeriesMarksTests {
    @Test func theLineJoinsItsPointsInOrderAndNeedsTwo() {
        var w = SVGWriter(capacity: 256)
        w.seriesLine(through: [(10, 20), (30.5, 40)], width: 2)
        let svg = w.markup
        #expect(svg.contains("d=\"M10 20 L30.5 40\""))
        #expect(svg.contains("fill=\"none\"") && svg.contains("stroke-linecap=\"round\""))
        var one = SVGWriter(capacity: 64)
        one.seriesLine(through: [(10, 20)], width: 2)
        #expect(one.markup.isEmpty)
    }

    @Test func aDotHasItsHaloAndItsTooltip() {
        var w = SVGWriter(capacity: 256)
        w.seriesDot(x: 5, y: 6, radius: 4, fill: ChartPalette.band(.two), title: "2023: 50 % <b>")
        #expect(w.markup.contains("<circle"))
        #expect(w.markup.contains("r=\"4\""))
        #expect(w.markup.contains("<title>2023: 50 % &lt;b&gt;</title>"))
        #expect(w.markup.contains("</circle>"))
        var plain = SVGWriter(capacity: 256)
        plain.seriesDot(x: 5, y: 6, radius: 4, fill: ChartPalette.seriesDot, title: nil)
        #expect(plain.markup.contains("stroke-width=\"1.5\"/>"))
        #expect(!plain.markup.contains("<title>"))
    }

    @Test func theRoundsChartDrawsItsLineAndDotsWithTheSharedMarks() {
        let chart = RoundTrend(
            city: "Larkspur", rounds: [2020, 2023, 2026],
            series: [RoundTrend.Series(name: "Economy", scores: [.percent(40), .notScored, .percent(80)])]
        ).render(id: "rounds", words: .english)
        // One line through the two scored rounds (the unscored one is left out), round joins like
        // the KPI trend's; a dot with a tooltip for each scored round.
        #expect(chart.svg.components(separatedBy: "<path").count == 2)
        #expect(chart.svg.contains("stroke-linejoin=\"round\""))
        #expect(chart.svg.components(separatedBy: "<circle").count == 3)
        #expect(chart.svg.contains("<title>Economy"))
    }

    @Test func theRoundsChartLabelsItsBandThresholds() {
        let chart = RoundTrend(
            city: "Larkspur", rounds: [2020, 2026],
            series: [
                RoundTrend.Series(name: "Economy", scores: [.percent(40), .percent(80)]),
                RoundTrend.Series(name: "Environment", scores: [.percent(70), .percent(60)]),
            ]
        ).render(id: "rounds", words: .english)
        // Each panel names its three dashed lines, in the chart's number format.
        let labels = Band.thresholds.map { ">" + NumberFormat().percent($0, maxFractionDigits: 0) + "</text>" }
        #expect(labels.count == 3)
        for label in labels {
            #expect(chart.svg.components(separatedBy: label).count == 3, "\(label) once per panel")
        }
    }
}
