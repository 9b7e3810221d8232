import CityscoreCharts
import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// The programme page's city × category heat maps, one per evaluation round (issue 16).
struct ProgrammeHeatMaps: Sendable {
    /// One heat map: the cities it shows, each by the scorecard of the round shown.
    struct Map: Sendable, Equatable {
        /// The round shown; nil for the map of each city's latest round.
        var round: Int?
        /// Indices into the scorecards, in city order.
        var cities: [Int]
        /// The scorecard shown for each city, by its round (nil: the latest).
        var rounds: [Int?]
    }

    var maps: [Map]

    /// The maps for these scorecards, newest first. Every round that cities were evaluated in gets a
    /// map of those cities. When the cities' latest rounds differ, a first map shows each city's
    /// latest round, and a round of a single city gets no map of its own (its city is in the first).
    /// Without any round (no results), one map of every city.
    init(scorecards: [Scorecard]) {
        let latest = scorecards.map(\.round)
        let labels = Set(scorecards.flatMap { $0.rounds.compactMap(\.round) }).sorted(by: >)
        let all = Array(scorecards.indices)
        guard !labels.isEmpty else {
            maps = [Map(round: nil, cities: all, rounds: all.map { _ in nil })]
            return
        }
        var maps: [Map] = []
        let sameLatest = Set(latest).count == 1 && latest.first.map { $0 != nil } == true
        if !sameLatest { maps.append(Map(round: nil, cities: all, rounds: all.map { _ in nil })) }
        for label in labels {
            let cities = scorecards.indices.filter { scorecards[$0].round(label) != nil }
            guard sameLatest || cities.count > 1 else { continue }
            maps.append(Map(round: label, cities: cities, rounds: cities.map { _ in label }))
        }
        self.maps = maps
    }
}

extension ChartBuilder {
    /// The programme page's heat maps: the first (newest) is shown open, earlier rounds folded.
    func programmeHeatMaps() -> [ChartFigure] {
        let page = URLs.programme
        guard let first = scorecards.first else { return [] }
        let columns = first.dimensions.flatMap { dimension in
            zip(dimension.categories, Contexts.categoryNames(dimension)).map { category, label in
                let sub = dimension.subdimensions.first { $0.categories.contains(category) }?.name ?? ""
                return HeatMap.Column(name: "\(category.name) (\(sub))", shortName: label)
            }
        }
        return ProgrammeHeatMaps(scorecards: scorecards).maps.enumerated().map { index, map in
            let rows = zip(map.cities, map.rounds).map { city, round in
                let card = round.flatMap { scorecards[city].round($0) } ?? scorecards[city]
                return HeatMap.Row(
                    name: card.city.name, cells: card.dimensions.flatMap(\.categories).map { Self.score($0.score) })
            }
            let heading =
                map.round.map { strings.format("programme_heatmap_round", ["round": String($0)]) }
                ?? strings["programme_heatmap_latest"]
            let suffix = index == 0 ? "" : "-" + (map.round.map(String.init) ?? "latest")
            if paging.isPaginated {
                var figure = figure(
                    programmeBandCounts(map, title: heading, id: "programme-bands" + suffix), page: page,
                    file: "bands" + suffix)
                figure.heading = heading
                figure.folded = index > 0
                return figure
            }
            var map = HeatMap(title: heading, columns: columns, rows: rows)
            map.transposed = true
            let chart = draw(map, id: "programme-heatmap" + suffix)
            var figure = figure(chart, page: page, file: "heatmap" + suffix)
            figure.heading = heading
            figure.folded = index > 0
            return figure
        }
    }
}
