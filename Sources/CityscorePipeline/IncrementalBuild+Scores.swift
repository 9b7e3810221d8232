import CityscoreDiagnostics
import CityscoreModel
import CityscoreScoring

extension IncrementalBuild {
    /// Whether two scorecards of one city differ in more than the sources, notes and places in the
    /// files of their values: what the pages of every city show (scores, bands, coverage, rounds)
    /// is made from the rest, so that correcting a source changes only the pages that show it (the
    /// city's own, the indicator pages, the data files).
    static func scoresDiffer(_ old: Scorecard, _ new: Scorecard) -> Bool {
        scoresOnly(old) != scoresOnly(new)
    }

    /// The dimensions (by position) whose scores differ between two scorecards of one city, sources,
    /// notes and places left out; nil (any) when their dimensions are not the same list.
    static func changedDimensions(_ old: Scorecard, _ new: Scorecard) -> Set<Int>? {
        let (before, after) = (scoresOnly(old).dimensions, scoresOnly(new).dimensions)
        guard before.map(\.slug) == after.map(\.slug) else { return nil }
        return Set(before.indices.filter { before[$0] != after[$0] })
    }

    /// The scorecard with every value's source, note and place in its file left out.
    static func scoresOnly(_ card: Scorecard) -> Scorecard {
        let nowhere = SourceLocation(path: "", line: 0, column: 0)
        func bare(_ item: ItemScore) -> ItemScore {
            var item = item
            item.history = item.history.map { row in
                var row = row
                if !row.source.isEmpty { row.source = "" }
                if !row.note.isEmpty { row.note = "" }
                row.location = nowhere
                return row
            }
            return item
        }
        let dimensions = card.dimensions.map { dimension in
            var dimension = dimension
            dimension.subdimensions = dimension.subdimensions.map { sub in
                var sub = sub
                sub.categories = sub.categories.map { category in
                    var category = category
                    category.items = category.items.map(bare)
                    return category
                }
                return sub
            }
            return dimension
        }
        var bare = Scorecard(city: card.city, overall: card.overall, dimensions: dimensions, coverage: card.coverage)
        bare.round = card.round
        bare.earlier = card.earlier.map(scoresOnly)
        return bare
    }
}
