/// Numbers as SVG coordinates: at most two decimals, trailing zeros dropped, never `-0`,
/// never an exponent, never `NaN` or `inf`.
public enum SVGNumber {
    /// Coordinates beyond this magnitude are clamped (no chart is a billion units wide).
    public static let limit = 1e9

    /// `value` with at most two decimals (`12.5`, `0.07`, `-3`); non-finite values give `0`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -limit), limit)
        let hundredths = Int64(Arithmetic.round(clamped * 100))
        guard hundredths != 0 else { return "0" }
        let magnitude = hundredths.magnitude
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction < 10 ? ".0\(fraction)" : fraction % 10 == 0 ? ".\(fraction / 10)" : ".\(fraction)"
        }
        return hundredths < 0 ? "-" + text : text
    }
}
