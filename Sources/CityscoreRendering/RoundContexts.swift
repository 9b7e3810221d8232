import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// The evaluation rounds on a city's page and the page of each earlier round
/// (`cities/<slug>/<round>/`).
extension Contexts {
    /// The rounds of a city for its page: every round with its link, and what moved up or down a
    /// band since the previous one. Nil for a city with one round.
    func rounds(_ card: Scorecard) -> RoundsPart? {
        guard let previous = card.previous, let latest = card.round, let before = previous.round else { return nil }
        let moves = card.bandMoves
        return RoundsPart(
            list: roundList(card, current: latest),
            intro: strings.format(
                "rounds_intro", ["count": display.format.count(card.earlier.count + 1), "round": String(latest)]),
            up: moves.filter(\.isUp).map(move), down: moves.filter { !$0.isUp }.map(move),
            hasUp: moves.contains(where: \.isUp), hasDown: moves.contains { !$0.isUp },
            upHeading: strings.format("rounds_moved_up", ["round": String(before)]),
            downHeading: strings.format("rounds_moved_down", ["round": String(before)]),
            noMoves: strings.format("rounds_no_moves", ["round": String(before)]), hasMoves: !moves.isEmpty)
    }

    /// Every round of the city, oldest first: the latest links to the city's page.
    func roundList(_ card: Scorecard, current: Int) -> [RoundEntry] {
        card.rounds.compactMap { round in
            guard let label = round.round else { return nil }
            return RoundEntry(
                score: display.scoreFields(round.overall), label: String(label),
                url: urls.link(label == card.round ? URLs.city(card.city.slug) : URLs.cityRound(card.city.slug, label)),
                current: label == current)
        }
    }

    /// A band move for templates: what moved, from which band to which.
    func move(_ move: BandMove) -> BandMovePart {
        var name = move.name
        if move.level == .overall { name = strings["rounds_overall"] }
        if move.level == .category, let sub = move.subdimension { name += " (\(sub))" }
        return BandMovePart(
            name: name, level: strings["rounds_level_\(move.level.rawValue)"], from: display.bandFields(move.from),
            to: display.bandFields(move.to))
    }

    /// The page of an earlier round (the route's `round`): its scores by dimension and category,
    /// with a link to the latest. `latest` is the city's scorecard.
    func cityRound(_ latest: Scorecard, _ route: Route) -> Fields {
        let card = route.place.round.flatMap { latest.round($0) } ?? latest
        let label = card.round.map(String.init) ?? ""
        let title = strings.format("round_title", ["city": card.city.name, "round": label])
        var context = base(
            path: route.path, title: title,
            description: strings.format("round_description", ["city": card.city.name, "round": label]),
            breadcrumbs: [
                (strings["nav_cities"], URLs.cities), (card.city.name, URLs.city(card.city.slug)), (label, nil),
            ],
            section: route.section)
        CityRoundPage(
            city: RoundCity(
                score: display.scoreFields(card.overall), name: card.city.name, round: label,
                latestURL: urls.link(URLs.city(card.city.slug)),
                notice: strings.format("round_notice", ["round": label, "latest": latest.round.map(String.init) ?? ""])),
            rounds: roundList(latest, current: card.round ?? 0),
            dimensionScores: card.dimensions.map { dim in
                RoundDimension(
                    score: display.scoreFields(dim.score), name: dim.name,
                    categories: zip(dim.categories, Self.categoryNames(dim)).map { cat, name in
                        RoundCategory(
                            score: display.scoreFields(cat.score), name: name,
                            items: cat.items.map { row($0, of: card) })
                    })
            }
        ).write(into: &context)
        return context
    }
}
