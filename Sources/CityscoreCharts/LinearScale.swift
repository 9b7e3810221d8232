/// A linear map from data values to drawing coordinates, with "nice" tick values.
struct LinearScale {
    /// Data values beyond this magnitude are clamped before any arithmetic (no overflow to inf).
    static let valueLimit = 1e300

    let lower: Double
    let upper: Double
    let start: Double
    let end: Double

    /// A scale from `lower...upper` onto `start...end`; an empty or invalid domain is widened.
    init(domain lower: Double, _ upper: Double, range start: Double, _ end: Double) {
        var lo = Self.clamp(min(lower, upper))
        var hi = Self.clamp(max(lower, upper))
        if !(hi - lo > hi.magnitude * 1e-12) || hi - lo == 0 {
            let pad = max(lo.magnitude, hi.magnitude) * 0.1
            lo -= pad > 0 ? pad : 1
            hi += pad > 0 ? pad : 1
        }
        self.lower = lo
        self.upper = hi
        self.start = start
        self.end = end
    }

    /// The coordinate of `value` (clamped to ±``valueLimit``; never NaN).
    func callAsFunction(_ value: Double) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return start }
        let t = (Self.clamp(value) - lower) / span
        return start + (end - start) * (t.isFinite ? t : 0)
    }

    /// `value` made finite and within ±``valueLimit``.
    static func clamp(_ value: Double) -> Double {
        guard !value.isNaN else { return 0 }
        return min(max(value, -valueLimit), valueLimit)
    }

    /// A finite value within ±``valueLimit``, or `nil` for none or a non-finite one.
    static func usable(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return clamp(value)
    }

    /// A step of 1, 2, 2.5 or 5 × 10ⁿ giving about `count` intervals over `span`.
    static func niceStep(span: Double, count: Int) -> Double {
        let raw = span / Double(max(1, count))
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw && power < 1e300 { power *= 10 }
        while power > raw && power > 1e-300 { power /= 10 }
        let mantissa = raw / power
        let factor = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 2.5 ? 2.5 : mantissa <= 5 ? 5 : 10
        return factor * power
    }

    /// `lower...upper` widened to whole steps of about `count` intervals.
    static func niceDomain(_ lower: Double, _ upper: Double, count: Int = 5) -> (lower: Double, upper: Double) {
        let scale = LinearScale(domain: lower, upper, range: 0, 1)
        let step = niceStep(span: scale.upper - scale.lower, count: count)
        let lo = Arithmetic.floor(scale.lower / step) * step
        let hi = Arithmetic.ceil(scale.upper / step) * step
        return lo.isFinite && hi.isFinite && hi > lo ? (lo, hi) : (scale.lower, scale.upper)
    }

    /// Tick values: whole multiples of a nice step within the domain, at most about `count` + 1.
    func ticks(count: Int) -> [Double] {
        let step = Self.niceStep(span: upper - lower, count: count)
        let first = Arithmetic.ceil(lower / step - 1e-9)
        let last = Arithmetic.floor(upper / step + 1e-9)
        guard first.isFinite, last.isFinite, last >= first, last - first <= 50 else { return [lower, upper] }
        return stride(from: first, through: last, by: 1).map { $0 * step == 0 ? 0 : $0 * step }
    }

    /// Decimals needed to tell ticks `step` apart (0 for whole steps, at most 6).
    static func decimals(step: Double) -> Int {
        var scaled = step.magnitude
        for digits in 0...6 {
            if (scaled - Arithmetic.round(scaled)).magnitude < 1e-6 * max(1, scaled) { return digits }
            scaled *= 10
        }
        return 6
    }
}
