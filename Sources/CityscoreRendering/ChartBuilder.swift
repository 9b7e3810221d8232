import CityscoreCharts
import CityscoreFormatting
import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreText
import Foundation

/// Builds the charts of every page from the scores: the benchmarking wheel and score bars of each
/// city, per-KPI bullet charts and trends on each city × dimension page, a heat map on each dimension
/// page and a ranked dot plot on each indicator page. Each chart is placed inline and also written as
/// a standalone `.svg` beside its page.
struct ChartBuilder: Sendable {
    var site: Site
    var scorecards: [Scorecard]
    var display: Display
    var urls: URLs
    /// The programme view when the caller has it already (the programme page's charts); nil: made here.
    var programme: Programme? = nil
    /// The heat maps drawn by the last render (`serve`); nil: every chart is drawn.
    var memo: ChartMemo? = nil
    /// The wheels drawn lately in this render, shared by a city's page and its report; nil: drawn.
    var wheels: WheelShelf? = nil

    var format: NumberFormat { display.format }
    var strings: Strings { display.strings }
    /// The charts' words, in the page's language.
    var words: ChartWords { display.chartWords }
    var levelNames: [String] { [strings["dimension"], strings["category"], strings["indicator"]] }

    /// Whether per-KPI charts (bullets, trends) are also written as files (`chart_files: all`).
    var perKPIFiles: Bool { site.config.params["chart_files"] == "all" }

    /// The charts of one page: its figures in page order, and the small charts of its KPI rows.
    func charts(for route: Route) -> PageCharts {
        let (path, place) = (route.path, route.place)
        switch (route.kind, place.city, place.dimension, place.kpi) {
        case (.city, let c?, _, _):
            return PageCharts(figures: cityFigures(scorecards[c], page: path) + roundFigures(scorecards[c], page: path))
        case (.cityRound, let c?, _, _):
            return PageCharts(
                figures: place.round.flatMap { scorecards[c].round($0) }.map { cityFigures($0, page: path) } ?? [])
        case (.cityDimension, let c?, let d?, _): return dimensionCharts(scorecards[c], d, page: path)
        // A list split into pages draws its aggregate on its first page only.
        case (.dimension, _, let d?, _): return PageCharts(figures: (place.pageNumber ?? 1) > 1 ? [] : [heatMap(d)])
        case (.indicator, _, _, let k?):
            return PageCharts(figures: (place.pageNumber ?? 1) > 1 ? [] : dotPlots(site.framework.kpis[k]))
        case (.programme, _, _, _):
            return PageCharts(
                figures: programmeFigures(
                    programme ?? Programme(scorecards: scorecards, actions: ActionIndex(site.actions))))
        default: return PageCharts(figures: [])
        }
    }

    /// A chart placed on the page at `page`, with a standalone file unless `file` is nil.
    func figure(_ chart: Chart, page: String, file: String?) -> ChartFigure {
        let path = file.map { page + "charts/" + $0 + ".svg" }
        return ChartFigure(
            id: chart.id, title: chart.title, description: chart.description, svg: chart.svg,
            standalone: chart.standalone, downloadPath: path, downloadURL: path.map(urls.link),
            caption: chart.table.caption, headers: chart.table.columns, rows: chart.table.rows,
            numeric: Set(chart.table.numericColumns))
    }

    static func score(_ item: ItemScore) -> ChartScore {
        switch item.status {
        case .scored: ChartScore(percent: item.achievement, band: item.band)
        case .noTarget: .noTarget
        case .notReported: .notReported
        case .missing: .missing
        case .notApplicable: .notApplicable
        }
    }

    /// The last part of a KPI code (`1C` of `EC: ICT: ICT: 1C`), with the data point when there is one.
    static func shortCode(_ item: ItemScore) -> String {
        let last = item.kpi.codeEnd
        return item.datapoint.map { "\(last) \($0)" } ?? last
    }

    static func score(_ group: GroupScore) -> ChartScore { ChartScore(percent: group.percent, band: group.band) }

    func tree(_ card: Scorecard, depth: Int) -> [ChartItem] {
        card.dimensions.map { dim in
            ChartItem(
                name: dim.name, score: Self.score(dim.score),
                children: depth < 2
                    ? []
                    : dim.categories.map { cat in
                        ChartItem(
                            name: cat.name, score: Self.score(cat.score),
                            children: depth < 3
                                ? []
                                : cat.items.map {
                                    ChartItem(name: $0.label, shortName: Self.shortCode($0), score: Self.score($0))
                                })
                    })
        }
    }

    /// The city's benchmarking wheel as its page shows it (element ids `wheel…`), taken from the
    /// shelf when the city's report drew it already.
    func cityWheel(_ card: Scorecard) -> Chart {
        let wheel = BenchmarkWheel(
            city: card.city.name, overall: Self.score(card.overall), dimensions: tree(card, depth: 3),
            levelNames: levelNames)
        let draw = { wheel.render(id: "wheel", format: format, words: words) }
        return wheels?.value(wheel, make: draw) ?? draw()
    }

    func cityFigures(_ card: Scorecard, page cityPage: String) -> [ChartFigure] {
        let wheel = cityWheel(card)
        let bars = ScoreBars(city: card.city.name, items: tree(card, depth: 2), levels: 2, levelNames: levelNames)
            .render(id: "scores", format: format, words: words)
        return [figure(wheel, page: cityPage, file: "wheel"), figure(bars, page: cityPage, file: "scores")]
    }

    func dimensionCharts(_ card: Scorecard, _ d: Int, page: String) -> PageCharts {
        let dim = card.dimensions[d]
        let items = dim.subdimensions.flatMap { sub in
            sub.categories.map { cat in
                ChartItem(
                    name: "\(cat.name) (\(sub.name))", shortName: cat.name, score: Self.score(cat.score),
                    children: cat.items.map {
                        ChartItem(name: $0.label, shortName: Self.shortCode($0), score: Self.score($0))
                    })
            }
        }
        let dimensionBars = ScoreBars(
            city: "\(card.city.name): \(dim.name)", items: items, levels: 1,
            levelNames: Array(levelNames.dropFirst())
        ).render(id: "scores-\(dim.slug)", format: format, words: words)
        var charts = PageCharts(figures: [figure(dimensionBars, page: page, file: "scores")])
        for item in dim.items where item.latest?.value.isReported ?? false {
            let (key, row) = rowCharts(item, page: page)
            charts.rows[key] = row
            for (path, text) in row.files { charts.files.append((path, text)) }
        }
        return charts
    }

    /// The key of an item's row charts.
    static func key(_ item: ItemScore) -> String { item.kpi.code + "|" + (item.datapoint ?? "") }

    /// A compact bullet chart of a reported KPI against its target, and a sparkline of its values
    /// when there are two years or more, placed in the KPI's table row.
    func rowCharts(_ item: ItemScore, page: String) -> (String, RowCharts) {
        let unit = display.unit(item)
        let file = item.kpi.slug + (item.datapoint.map { "-" + Slug.make($0) } ?? "")
        var row = RowCharts()
        if let latest = item.latest {
            let bullet = BulletChart(
                name: item.label, unit: unit, direction: item.direction, value: latest.value,
                target: item.target,
                year: latest.year, size: .compact, score: Self.score(item), published: latest.valueText)
            if perKPIFiles {
                let chart = bullet.render(id: "bullet-\(file)", format: format, words: words)
                row.bullet = chart.svg
                row.files.append((page + "charts/bullet-\(file).svg", chart.standalone))
            } else {
                row.bullet = bullet.inlineSVG(id: "bullet-\(file)", format: format, words: words)
            }
        }
        let points = item.history.compactMap { row -> TrendLine.Point? in
            if case .number(let value) = row.value { return TrendLine.Point(year: row.year, value: value) }
            return nil
        }
        if points.count >= 2 {
            let trend = TrendLine(
                name: item.label, unit: unit, direction: item.direction, points: points,
                target: item.target,
                size: .sparkline)
            if perKPIFiles {
                let chart = trend.render(id: "trend-\(file)", format: format, words: words)
                row.sparkline = chart.svg
                row.files.append((page + "charts/trend-\(file).svg", chart.standalone))
            } else {
                row.sparkline = trend.inlineSVG(id: "trend-\(file)", format: format, words: words)
            }
        }
        return (Self.key(item), row)
    }

    func heatMap(_ d: Int) -> ChartFigure {
        let page = URLs.dimension(site.framework.dimensions[d].slug)
        if paging.isPaginated { return figure(dimensionBandCounts(d, id: "bands"), page: page, file: "bands") }
        return figure(heatMapChart(d, id: "heatmap"), page: page, file: "heatmap")
    }

    /// Cities by the categories of dimension `d`.
    func heatMapChart(_ d: Int, id: String) -> Chart {
        let dimension = site.framework.dimensions[d]
        let short = Contexts.categoryNames(dimension)
        let full = dimension.subdimensions.flatMap { sub in sub.categories.map { cat(sub.name, $0.name) } }
        let columns = zip(full, short).map { HeatMap.Column(name: $0, shortName: $1) }
        let rows = scorecards.map { card in
            HeatMap.Row(name: card.city.name, cells: card.dimensions[d].categories.map { Self.score($0.score) })
        }
        return draw(HeatMap(title: dimension.name, columns: columns, rows: rows), id: id)
    }

    private func cat(_ sub: String, _ name: String) -> String { "\(name) (\(sub))" }

    /// One ranked dot plot per data point (or one for the KPI), every city that reported it.
    func dotPlots(_ kpi: KPI) -> [ChartFigure] {
        if paging.isPaginated { return indicatorBandCounts(kpi) }
        let page = URLs.indicator(kpi)
        return kpi.itemDatapoints.compactMap { datapoint in
            var unit = ""
            var origins = Set<String>()
            let entries = scorecards.compactMap { card -> DotPlot.Entry? in
                guard let item = card.item(kpi.code, datapoint: datapoint),
                    let latest = item.latest, latest.value.isReported
                else { return nil }
                if unit.isEmpty { unit = display.unit(item) }
                origins.insert(item.targetOrigin?.kind.rawValue ?? "")
                var entry = DotPlot.Entry(name: card.city.name, value: latest.value, band: item.band)
                entry.published = latest.valueText
                return entry
            }
            guard !entries.isEmpty else { return nil }
            let name = datapoint.map { "\(kpi.name) (\($0))" } ?? kpi.name
            let file = "dots" + (datapoint.map { "-" + Slug.make($0) } ?? "")
            var plot = DotPlot(
                name: name, unit: unit, direction: kpi.direction(for: datapoint), target: kpi.target, entries: entries)
            // Cities scored against targets of different origin are not ranked against each other.
            plot.rankable = origins.count <= 1
            let chart = plot.render(id: file, format: format, words: words)
            return figure(chart, page: page, file: file)
        }
    }
}
