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
        let (negative, whole, hundredths) = parts(value)
        if negative { text += "-" }
        text += whole < smallWholes.count ? smallWholes[Int(whole)] : String(whole)
        text += fractions[hundredths]
    }

    /// Appends the UTF-8 of ``format(_:)`` of `value` to `bytes`.
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        let (negative, whole, hundredths) = parts(value)
        if negative { bytes.append(UInt8(ascii: "-")) }
        var power: UInt64 = 1
        while power <= whole / 10 { power *= 10 }
        while power > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(whole / power % 10))
            power /= 10
        }
        if hundredths != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(hundredths / 10))
            if hundredths % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(hundredths % 10)) }
        }
    }

    /// Sign, whole part and hundredths of `value` rounded to hundredths (all zero for `0`, `-0`
    /// and non-finite values).
    private static func parts(_ value: Double) -> (negative: Bool, whole: UInt64, hundredths: Int) {
        guard value.isFinite else { return (false, 0, 0) }
        let clamped = min(max(value, -limit), limit)
        let hundredths = Int64(Arithmetic.round(clamped * 100))
        let magnitude = hundredths.magnitude
        return (hundredths < 0, magnitude / 100, Int(magnitude % 100))
    }

    /// `0` … `999`, the whole parts most coordinates have.
    private static let smallWholes: [String] = (0..<1000).map { String($0) }

    /// The decimals of each count of hundredths: `""`, `.01` … `.09`, `.1`, `.11` … `.99`.
    private static let fractions: [String] = (0..<100).map { fraction in
        if fraction == 0 { return "" }
        return fraction < 10 ? ".0\(fraction)" : fraction % 10 == 0 ? ".\(fraction / 10)" : ".\(fraction)"
    }
}
