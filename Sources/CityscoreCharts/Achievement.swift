import CityscoreModel
import CityscoreScoring

/// Achievement as the charts use it: the score itself always comes from ``Scorer`` (the one
/// place it is computed); this only places the bands on a value axis.
enum Achievement {
    /// Percent of target and band of a value, by ``Scorer/achievement(of:target:direction:)``.
    static func of(_ value: ObservedValue, target: Double?, direction: Direction) -> (percent: Double, band: Band)? {
        guard let percent = Scorer.achievement(of: value, target: target, direction: direction), percent.isFinite
        else { return nil }
        return (percent, Band(percent: percent))
    }

    /// Value ranges of the bands on the value axis, clipped to `lower...upper`, in axis order; the
    /// edges are the band thresholds of ``Band/lowerBound`` as fractions of the target.
    static func regions(target: Double?, direction: Direction, lower: Double, upper: Double) -> [(
        from: Double, to: Double, band: Band
    )] {
        guard let t = target, t.isFinite else { return [] }
        let bands = Band.allCases
        var edges: [(Double, Double, Band)] = []
        switch direction {
        case .higher:
            guard t > 0 else { return [] }
            for (i, band) in bands.enumerated() {
                let from = i == 0 ? lower : band.lowerBound / 100 * t
                let to = i + 1 < bands.count ? bands[i + 1].lowerBound / 100 * t : upper
                edges.append((from, to, band))
            }
        case .lower:
            guard t >= 0 else { return [] }
            // Below zero scores as zero does (100 %); from zero up, the bands in reverse order.
            edges.append((lower, 0, .four))
            for (i, band) in bands.reversed().enumerated() {
                let from = i == 0 ? 0 : t / (bands[bands.count - i].lowerBound / 100)
                let to = band == .one ? upper : t / (band.lowerBound / 100)
                edges.append((from, to, band))
            }
        case .yesNo: return []
        }
        return edges.compactMap { from, to, band in
            let a = max(from, lower)
            let b = min(to, upper)
            return b > a ? (a, b, band) : nil
        }
    }
}
