import Foundation

/// Ranks shown with care: ties share a rank ("=2"), unscored cities get no rank, and scores are
/// compared at the precision shown (one decimal), so no false precision decides a place.
enum Ranking {
    static func ranks(_ percents: [Double?]) -> [String] {
        let rounded = percents.map { $0.map { ($0 * 10).rounded() / 10 } }
        return rounded.map { value in
            guard let value else { return "–" }
            let better = rounded.filter { ($0 ?? -1) > value }.count
            let tied = rounded.filter { $0 == value }.count
            return tied > 1 ? "=\(better + 1)" : "\(better + 1)"
        }
    }
}
