import Model

/// Achievement of a value against a target by SPEC section 3, for drawing band regions and
/// wording descriptions (the scores themselves come from the caller).
enum Achievement {
    /// Percent of target and band; the percent is `nil` where the spec gives none (a `lower`
    /// value of 0 is "100 % or more"), both are `nil` where the value cannot be scored.
    static func of(_ value: Double, target: Double?, direction: Direction) -> (percent: Double?, band: Band)? {
        guard value.isFinite else { return nil }
        if direction == .yesNo { return value != 0 ? (100, .four) : (0, .one) }
        guard let target, target.isFinite else { return nil }
        switch direction {
        case .higher:
            guard target > 0 else { return nil }
            let percent = value / target * 100
            return percent.isFinite ? (percent, Band(percent: percent)) : nil
        case .lower:
            guard target >= 0 else { return nil }
            if value == 0 { return (nil, .four) }
            let percent = target / value * 100
            return percent.isFinite ? (percent, Band(percent: percent)) : nil
        case .yesNo: return nil
        }
    }

    /// Value ranges of the bands on the value axis, clipped to `lower...upper`, in axis order.
    static func regions(target: Double?, direction: Direction, lower: Double, upper: Double) -> [(
        from: Double, to: Double, band: Band
    )] {
        guard let t = target, t.isFinite else { return [] }
        var edges: [(Double, Double, Band)]
        switch direction {
        case .higher:
            guard t > 0 else { return [] }
            edges = [
                (lower, 0.33 * t, .one), (0.33 * t, 0.66 * t, .two), (0.66 * t, 0.95 * t, .three),
                (0.95 * t, upper, .four),
            ]
        case .lower:
            guard t >= 0 else { return [] }
            edges = [
                (lower, 0, .one), (0, t / 0.95, .four), (t / 0.95, t / 0.66, .three), (t / 0.66, t / 0.33, .two),
                (t / 0.33, upper, .one),
            ]
        case .yesNo: return []
        }
        return edges.compactMap { from, to, band in
            let a = max(from, lower)
            let b = min(to, upper)
            return b > a ? (a, b, band) : nil
        }
    }
}
