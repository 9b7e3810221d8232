/// Ranks shown with care: ties share a rank ("=2"), unscored cities get no rank, and scores are
/// compared at the precision shown (one decimal), so no false precision decides a place.
enum Ranking {
    /// The rank of each score in `percents`, in their order; one sort, so thousands of cities cost
    /// no more than a few lookups each.
    static func ranks(_ percents: [Double?]) -> [String] {
        let rounded = percents.map { $0.map { ($0 * 10).rounded() / 10 } }
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
