import CityscoreModel

extension Scorer {
    /// The scorecard of the latest round of `city`, with every earlier round in `earlier`. Each
    /// round is scored on its own rows: an item without a row in a round is missing there. An
    /// item's history runs across rounds up to the one scored, so its trend compares rounds.
    func roundedScorecard(
        for city: City, rows: ItemRows, targets: [Key: LocalTarget], rounds index: CityRoundIndex,
        index items: ItemIndex? = nil
    ) -> Scorecard {
        let rounds = index.rounds(of: city.slug)
        guard rounds.count > 1 else {
            var card = scorecard(for: city, targets: targets, index: items) {
                rows.history($0).sorted { $0.year < $1.year }
            }
            card.round = rounds.first
            return card
        }
        var cards = rounds.map { round in
            var card = scorecard(for: city, targets: targets, index: items) { key in
                let all = rows.history(key)
                guard all.contains(where: { index.round(of: $0) == round }) else { return [] }
                return all.filter { index.round(of: $0) <= round }
                    .sorted { (index.round(of: $0), $0.year) < (index.round(of: $1), $1.year) }
            }
            card.round = round
            return card
        }
        var latest = cards.removeLast()
        latest.earlier = cards
        return latest
    }
}

/// A score that moved up or down a band from one round to the next.
public struct BandMove: Sendable, Hashable {
    /// What moved: the city as a whole, a dimension, a category or one KPI (or data point).
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case overall, dimension, category, item
    }

    public var level: Level
    /// The dimension's, category's or item's name (the city's name for `overall`).
    public var name: String
    /// Slug of the dimension it is in (nil for `overall`).
    public var dimension: String?
    /// Sub-dimension name of a category or item (categories of one name live in two sub-dimensions).
    public var subdimension: String?
    /// KPI code of an item.
    public var kpi: String?
    /// Data point of an item.
    public var datapoint: String?
    /// Band in the earlier round.
    public var from: Band
    /// Band in the later round.
    public var to: Band

    /// Whether it moved up.
    public var isUp: Bool { to > from }
}

extension Scorecard {
    /// Every round of the city, oldest first, each scored on its own; the last is this scorecard
    /// (without its `earlier`). A city with one round has one.
    public var rounds: [Scorecard] {
        var latest = self
        latest.earlier = []
        return earlier + [latest]
    }

    /// The round before this one, if any.
    public var previous: Scorecard? { earlier.last }

    /// The scorecard of the round named `label`.
    public func round(_ label: Int) -> Scorecard? { rounds.first { $0.round == label } }

    /// What moved up or down a band between the previous round and this one, at the city,
    /// dimension and category levels, in framework order.
    public var bandMoves: [BandMove] { previous.map { bandMoves(since: $0) } ?? [] }

    /// What moved up or down a band between `earlier` and this scorecard at the given levels, in
    /// framework order. Only scores with a band in both rounds can move.
    public func bandMoves(since earlier: Scorecard, levels: Set<BandMove.Level> = [.overall, .dimension, .category])
        -> [BandMove]
    {
        var moves: [BandMove] = []
        func add(_ level: BandMove.Level, _ from: Band?, _ to: Band?, _ make: (Band, Band) -> BandMove) {
            guard levels.contains(level), let from, let to, from != to else { return }
            moves.append(make(from, to))
        }
        add(.overall, earlier.overall.band, overall.band) {
            BandMove(level: .overall, name: city.name, from: $0, to: $1)
        }
        for dimension in dimensions {
            guard let before = earlier.dimension(dimension.slug) else { continue }
            add(.dimension, before.score.band, dimension.score.band) {
                BandMove(level: .dimension, name: dimension.name, dimension: dimension.slug, from: $0, to: $1)
            }
            for sub in dimension.subdimensions {
                guard let subBefore = before.subdimensions.first(where: { $0.slug == sub.slug }) else { continue }
                for category in sub.categories {
                    guard let catBefore = subBefore.categories.first(where: { $0.slug == category.slug }) else {
                        continue
                    }
                    add(.category, catBefore.score.band, category.score.band) {
                        BandMove(
                            level: .category, name: category.name, dimension: dimension.slug, subdimension: sub.name,
                            from: $0, to: $1)
                    }
                    guard levels.contains(.item) else { continue }
                    for item in category.items {
                        let old = earlier.item(item.kpi.code, datapoint: item.datapoint)
                        add(.item, old?.band, item.band) {
                            BandMove(
                                level: .item, name: item.label, dimension: dimension.slug, subdimension: sub.name,
                                kpi: item.kpi.code, datapoint: item.datapoint, from: $0, to: $1)
                        }
                    }
                }
            }
        }
        return moves
    }
}
