import CityscoreCharts
import CityscoreScoring

/// The charts of the printed reports: the same builders as the pages (wheel, score bars, heat
/// maps), drawn inline only (a report writes no chart files), with ids unique within the report.
extension ChartBuilder {
    /// The benchmarking wheel of a city.
    func reportWheel(_ card: Scorecard) -> ChartFigure {
        // Printed, the wheel's table lists the dimensions and categories only: every KPI's value is in
        // the dimension's KPI table a few pages on, so the report never prints it twice (the KPI ring
        // made this table four pages, most of them rows of values not reported).
        let summary = BenchmarkWheel(
            city: card.city.name, overall: Self.score(card.overall), dimensions: tree(card, depth: 2),
            levelNames: levelNames
        ).dataTable(format: format, words: words)
        // The city page's drawing (the report is a page of its own, so the ids may be the same), placed
        // inline only: a report writes no chart files.
        let drawn = cityWheel(card)
        let wheel = Chart(
            id: drawn.id, title: drawn.title, description: drawn.description, svg: drawn.svg, standalone: "",
            table: summary)
        return figure(wheel, page: "", file: nil)
    }

    /// The category bars of one dimension of a city.
    func reportDimensionBars(_ card: Scorecard, _ d: Int) -> ChartFigure {
        let dim = card.dimensions[d]
        let items = dim.subdimensions.flatMap { sub in
            sub.categories.map { cat in
                ChartItem(name: "\(cat.name) (\(sub.name))", shortName: cat.name, score: Self.score(cat.score))
            }
        }
        let bars = ScoreBars(
            city: "\(card.city.name): \(dim.name)", items: items, levels: 1, levelNames: Array(levelNames.dropFirst())
        ).render(id: "report-scores-\(dim.slug)", format: format, words: words)
        return figure(bars, page: "", file: nil)
    }

    /// Every city's overall and dimension scores side by side.
    func reportOverviewHeatMap(overall: String) -> ChartFigure {
        if paging.isPaginated { return reportOverviewBandCounts(overall: overall) }
        let columns = [HeatMap.Column(name: overall)] + site.framework.dimensions.map { HeatMap.Column(name: $0.name) }
        let rows = scorecards.map { card in
            HeatMap.Row(
                name: card.city.name, cells: [Self.score(card.overall)] + card.dimensions.map { Self.score($0.score) })
        }
        let chart = draw(HeatMap(title: site.config.title, columns: columns, rows: rows), id: "report-heatmap")
        return figure(chart, page: "", file: nil)
    }

    /// Every city's category scores of one dimension.
    func reportHeatMap(_ d: Int) -> ChartFigure {
        let slug = site.framework.dimensions[d].slug
        if paging.isPaginated {
            return figure(dimensionBandCounts(d, id: "report-heatmap-\(slug)"), page: "", file: nil)
        }
        return figure(heatMapChart(d, id: "report-heatmap-\(slug)"), page: "", file: nil)
    }
}
