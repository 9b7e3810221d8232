import CityscoreConcurrency
import CityscoreMarkdown
import CityscoreModel
import CityscoreRouting
import CityscoreScoring

extension Contexts {
    /// These contexts brought up to date after `change` (not `everything`, so the same cities, pages,
    /// site.yml, framework, theme and strings): the cards of the cities whose data or
    /// facts changed are made again, the other cities' kept; the programme view and the counts of
    /// reported values only when some city's scores or the actions changed. Nil when the cities
    /// are not those of these contexts, in the same order.
    func updated(
        site: Site, scorecards: [Scorecard], markdown: [String: RenderedMarkdown], change: SiteChange
    ) -> Contexts? {
        guard !change.everything, scorecards.count == self.scorecards.count,
            scorecards.indices.allSatisfy({ cityIndex[scorecards[$0].city.slug] == $0 })
        else { return nil }
        var next = self
        (next.site, next.scorecards, next.markdown) = (site, scorecards, markdown)
        let again = change.cityData.union(change.cityFacts).compactMap { cityIndex[$0] }.sorted()
        let builder = next
        let made = Parallel.map(again) { c in builder.makeCityCard(scorecards[c]).templateValue }
        for (c, card) in zip(again, made) { next.cards.values[c] = card }
        if change.touches(.everyCityData) {
            // The changed cities' rows counted out as they were and in as they are.
            let changed = change.cityData.union(change.cityFacts)
            for (kpi, count) in Self.reportedCounts(self.site.observations.rows(of: changed)) {
                next.reportedCounts[kpi, default: 0] -= count
            }
            for (kpi, count) in Self.reportedCounts(site.observations.rows(of: changed)) {
                next.reportedCounts[kpi, default: 0] += count
            }
            next.reportedCounts = next.reportedCounts.filter { $0.value != 0 }
        }
        if change.actions { next.actionIndex = ActionIndex(site.actions) }
        if change.touches(any: [.everyCityData, .everyCityFacts, .actions]) {
            next.programmeView = Programme(scorecards: scorecards, actions: next.actionIndex)
        }
        return next
    }
}
