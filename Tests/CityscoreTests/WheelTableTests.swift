import CityscoreFormatting
import Testing

@testable import CityscoreCharts

/// The printed report takes a shallower wheel's data table without drawing that wheel: the table
/// alone must be the one the drawn chart carries, at every depth.
@Suite struct WheelTableTests {
    @Test func theTableAloneIsTheDrawnChartsTable() {
        let format = NumberFormat.forLanguage("nb")
        let words = ChartWords.english
        for dimensions in [ChartsFixtures.tree, [ChartsFixtures.tree[0]], []] {
            let wheel = BenchmarkWheel(city: "Karmøy", dimensions: dimensions)
            let table = wheel.dataTable(format: format, words: words)
            #expect(table == wheel.render(id: "w", format: format, words: words).table)
            #expect(dimensions.isEmpty || !table.rows.isEmpty)
        }
    }
}
