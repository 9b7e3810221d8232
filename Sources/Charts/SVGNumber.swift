/// Numbers as SVG coordinates: at most two decimals, trailing zeros dropped, never `-0`,
/// never an exponent, never `NaN` or `inf`.
public enum SVGNumber {
    /// Coordinates beyond this magnitude are clamped (no chart is a billion units wide).
    public static let limit = 1e9

    /// `value` with at most two decimals (`12.5`, `0.07`, `-3`); non-finite values give `0`.
    public static func format(_ value: Double) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    /// Appends ``format(_:)`` of `value` to `text`, without making a string of it first.
    static func append(_ value: Double, to text: inout String) {
        guard value.isFinite else {
            text += "0"
            return
        }
        let clamped = min(max(value, -limit), limit)
        let hundredths = Int64(Arithmetic.round(clamped * 100))
        guard hundredths != 0 else {
            text += "0"
            return
        }
        if hundredths < 0 { text += "-" }
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        text += whole < smallWholes.count ? smallWholes[Int(whole)] : String(whole)
        text += fractions[Int(magnitude % 100)]
    }

    /// `0` … `999`, the whole parts most coordinates have.
    private static let smallWholes: [String] = (0..<1000).map { String($0) }

    /// The decimals of each count of hundredths: `""`, `.01` … `.09`, `.1`, `.11` … `.99`.
    private static let fractions: [String] = (0..<100).map { fraction in
        if fraction == 0 { return "" }
        return fraction < 10 ? ".0\(fraction)" : fraction % 10 == 0 ? ".\(fraction / 10)" : ".\(fraction)"
    }
}
