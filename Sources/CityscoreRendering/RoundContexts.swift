import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// The evaluation rounds on a city's page and the page of each earlier round
/// (`cities/<slug>/<round>/`).
extension Contexts {
    /// The rounds of a city for its page: every round with its link, and what moved up or down a
    /// band since the previous one. Nil for a city with one round.
    func rounds(_ card: Scorecard) -> TemplateValue? {
        guard let previous = card.previous, let latest = card.round, let before = previous.round else { return nil }
        let moves = card.bandMoves
        return [
            "list": roundList(card, current: latest),
            "intro": .string(
                strings.format(
                    "rounds_intro", ["count": display.format.count(card.earlier.count + 1), "round": String(latest)])),
            "up": .list(moves.filter(\.isUp).map(move)),
            "down": .list(moves.filter { !$0.isUp }.map(move)),
            "hasUp": .bool(moves.contains(where: \.isUp)),
            "hasDown": .bool(moves.contains { !$0.isUp }),
            "upHeading": .string(strings.format("rounds_moved_up", ["round": String(before)])),
            "downHeading": .string(strings.format("rounds_moved_down", ["round": String(before)])),
            "noMoves": .string(strings.format("rounds_no_moves", ["round": String(before)])),
            "hasMoves": .bool(!moves.isEmpty),
        ]
    }

    /// Every round of the city, oldest first: the latest links to the city's page.
    func roundList(_ card: Scorecard, current: Int) -> TemplateValue {
        .list(
            card.rounds.compactMap { round in
                guard let label = round.round else { return nil }
                var entry = display.score(round.overall)
                entry["label"] = .string(String(label))
                entry["url"] = .string(
                    urls.link(label == card.round ? URLs.city(card.city.slug) : URLs.cityRound(card.city.slug, label)))
                entry["current"] = .bool(label == current)
                return .object(entry)
            })
    }

    /// A band move for templates: what moved, from which band to which.
    func move(_ move: BandMove) -> TemplateValue {
        var name = move.name
        if move.level == .overall { name = strings["rounds_overall"] }
        if move.level == .category, let sub = move.subdimension { name += " (\(sub))" }
        var out: Fields = ["name": .string(name), "level": .string(strings["rounds_level_\(move.level.rawValue)"])]
        out["from"] = .object(display.band(move.from))
        out["to"] = .object(display.band(move.to))
        return .object(out)
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
        var city = display.score(card.overall)
        city["name"] = .string(card.city.name)
        city["round"] = .string(label)
        city["latestURL"] = .string(urls.link(URLs.city(card.city.slug)))
        city["notice"] = .string(
            strings.format("round_notice", ["round": label, "latest": latest.round.map(String.init) ?? ""]))
        context["city"] = .object(city)
        context["rounds"] = roundList(latest, current: card.round ?? 0)
        context["dimensionScores"] = .list(
            card.dimensions.map { dim in
                var d = display.score(dim.score)
                d["name"] = .string(dim.name)
                d["categories"] = .list(
                    zip(dim.categories, Self.categoryNames(dim)).map { cat, name in
                        var c = display.score(cat.score)
                        c["name"] = .string(name)
                        c["items"] = .list(
                            cat.items.map { .object(display.item($0, latestYear: card.coverage.latestYear)) })
                        return .object(c)
                    })
                return .object(d)
            })
        return context
    }
}
