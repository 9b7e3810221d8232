import CityscoreCharts
import CityscoreModel
import CityscoreRouting
import CityscoreScoring

/// The charts of the pages that show every city, on a site with more cities than one page lists
/// (`CityPaging`): a heat map or dot plot of every city would be unreadable there, so each is drawn
/// as how many cities reach each band, per category or data point (`BandCounts`), with the spread
/// of the scores or values in its data table. Each city's own numbers are in the paginated tables
/// and the downloads.
extension ChartBuilder {
    /// How the site's lists of every city are split into pages.
    var paging: CityPaging { CityPaging(site: site) }

    /// Dimension `d`'s categories, by how many cities reach each band.
    func dimensionBandCounts(_ d: Int, id: String) -> Chart {
        let dimension = site.framework.dimensions[d]
        let short = Contexts.categoryNames(dimension)
        let full = dimension.subdimensions.flatMap { sub in sub.categories.map { "\($0.name) (\(sub.name))" } }
        let rows = zip(full, short).enumerated().map { c, names in
            BandCounts.Row(
                name: names.0, shortName: names.1,
                scores: scorecards.map { card in
                    let categories = card.dimensions[d].categories
                    return c < categories.count ? Self.score(categories[c].score) : .notScored
                })
        }
        return BandCounts(title: dimension.name, rowHeading: strings["category"], rows: rows)
            .render(id: id, format: format, words: words)
    }

    /// The indicator's data points (or the KPI), by how many cities reach each band, with the
    /// spread of the values reported.
    func indicatorBandCounts(_ kpi: KPI) -> [ChartFigure] {
        var unit = ""
        let rows = kpi.itemDatapoints.map { datapoint in
            var values: [Double] = []
            let scores = scorecards.map { card -> ChartScore in
                guard let item = card.item(kpi.code, datapoint: datapoint) else { return .missing }
                if let latest = item.latest, case .number(let value) = latest.value {
                    values.append(value)
                    if unit.isEmpty { unit = display.unit(item) }
                }
                return Self.score(item)
            }
            return BandCounts.Row(name: datapoint ?? kpi.name, scores: scores, values: values)
        }
        var chart = BandCounts(title: kpi.name, rowHeading: strings["datapoints"], rows: rows)
        chart.unit = unit
        return [
            figure(chart.render(id: "bands", format: format, words: words), page: URLs.indicator(kpi), file: "bands")
        ]
    }

    /// The programme page's map of one round (or of each city's latest): its categories by how
    /// many of the map's cities reach each band.
    func programmeBandCounts(_ map: ProgrammeHeatMaps.Map, title: String, id: String) -> Chart {
        let cards = zip(map.cities, map.rounds).map { city, round in
            round.flatMap { scorecards[city].round($0) } ?? scorecards[city]
        }
        let names = site.framework.dimensions.flatMap { dimension in
            zip(
                dimension.subdimensions.flatMap { sub in sub.categories.map { "\($0.name) (\(sub.name))" } },
                Contexts.categoryNames(dimension))
        }
        let rows = names.enumerated().map { c, names in
            BandCounts.Row(
                name: names.0, shortName: names.1,
                scores: cards.map { card in
                    let categories = card.dimensions.flatMap(\.categories)
                    return c < categories.count ? Self.score(categories[c].score) : .notScored
                })
        }
        return BandCounts(title: title, rowHeading: strings["category"], rows: rows)
            .render(id: id, format: format, words: words)
    }

    /// The programme report's overview: the overall score and each dimension's, by how many cities
    /// reach each band.
    func reportOverviewBandCounts(overall: String) -> ChartFigure {
        let rows =
            [BandCounts.Row(name: overall, scores: scorecards.map { Self.score($0.overall) })]
            + site.framework.dimensions.indices.map { d in
                BandCounts.Row(
                    name: site.framework.dimensions[d].name,
                    scores: scorecards.map { d < $0.dimensions.count ? Self.score($0.dimensions[d].score) : .notScored }
                )
            }
        let chart = BandCounts(title: site.config.title, rowHeading: strings["dimension"], rows: rows)
            .render(id: "report-heatmap", format: format, words: words)
        return figure(chart, page: "", file: nil)
    }
}
