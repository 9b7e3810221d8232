import CityscoreCharts
import CityscoreScoring

extension ChartBuilder {
    /// The scores of each dimension and category per round, for a city with more than one round.
    func roundFigures(_ card: Scorecard, page: String) -> [ChartFigure] {
        let rounds = card.rounds
        guard rounds.count > 1 else { return [] }
        let series = card.dimensions.enumerated().map { d, dimension in
            RoundTrend.Series(
                name: dimension.name,
                scores: rounds.map { round in round.dimension(dimension.slug).map { Self.score($0.score) } ?? .notScored
                },
                children: zip(dimension.categories.indices, Contexts.categoryNames(dimension)).map { c, name in
                    RoundTrend.Series(
                        name: name,
                        scores: rounds.map { round in
                            let categories = round.dimensions.indices.contains(d) ? round.dimensions[d].categories : []
                            return categories.indices.contains(c) ? Self.score(categories[c].score) : .notScored
                        })
                })
        }
        let chart = RoundTrend(
            city: card.city.name, rounds: rounds.compactMap(\.round), series: series,
            levelNames: Array(levelNames.prefix(2))
        ).render(id: "rounds", format: format, words: words)
        return [figure(chart, page: page, file: "rounds")]
    }
}
