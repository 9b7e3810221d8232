import CityscoreFormatting
import CityscoreModel
import CityscoreScoring

/// Ranks shown with care: ties share a rank ("=2"), unscored cities get no rank, and scores are
/// compared at the precision shown (one decimal), so no false precision decides a place.
enum Ranking {
    /// Whether cities can be ranked on these items (one list per city): every city with a score
    /// was scored on the same KPIs and data points, against targets of the same origin.
    static func comparable(_ items: [[ItemScore]]) -> Bool {
        let signatures = items.map { list in
            list.filter { $0.points != nil }.map {
                "\($0.kpi.code)|\($0.datapoint ?? "")|\($0.targetOrigin?.kind.rawValue ?? "")"
            }
        }.filter { !$0.isEmpty }
        guard let first = signatures.first else { return true }
        return signatures.allSatisfy { $0 == first }
    }

    /// The rank of each score in `percents`, in their order; one sort, so thousands of cities cost
    /// no more than a few lookups each.
    static func ranks(_ percents: [Double?]) -> [String] {
        let rounded = percents.map { $0.map { NumberFormat.bandRounded($0) } }
        // A score's rank is one more than the number of better scores.
        var better: [Double: Int] = [:]
        var tied: [Double: Int] = [:]
        for (position, value) in rounded.compactMap({ $0 }).sorted(by: >).enumerated() {
            if better[value] == nil { better[value] = position }
            tied[value, default: 0] += 1
        }
        return rounded.map { value in
            guard let value, let ahead = better[value] else { return "–" }
            return tied[value, default: 0] > 1 ? "=\(ahead + 1)" : "\(ahead + 1)"
        }
    }
}
