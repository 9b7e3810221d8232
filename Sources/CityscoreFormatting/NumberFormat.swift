import CityscoreModel

/// The one formatter every number shown on a page or chart goes through, so that a site can be
/// translated by changing its language's conventions in one place. Output never depends on the
/// machine's locale.
public struct NumberFormat: Sendable, Hashable {
    /// Decimal separator (`.` in English, `,` in Norwegian).
    public var decimalSeparator: String
    /// Thousands separator (`,` in English, a narrow no-break space in Norwegian).
    public var groupingSeparator: String
    /// Text between a number and `%` (a no-break space in most languages).
    public var percentSpacing: String

    /// Creates a format.
    public init(decimalSeparator: String = ".", groupingSeparator: String = ",", percentSpacing: String = "\u{00A0}") {
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.percentSpacing = percentSpacing
    }

    /// The conventions of a BCP 47 language tag; English for languages it does not know.
    public static func forLanguage(_ tag: String) -> NumberFormat {
        switch tag.lowercased().prefix(2) {
        case "nb", "nn", "no", "fr", "sv", "fi":
            return NumberFormat(decimalSeparator: ",", groupingSeparator: "\u{202F}")
        case "de", "es", "it", "da", "nl", "pt":
            return NumberFormat(decimalSeparator: ",", groupingSeparator: ".")
        default:
            return NumberFormat()
        }
    }

    /// A number with at most `maxFractionDigits` decimals, trailing zeros dropped, grouped by thousands.
    /// `-0` is shown as `0`. Non-finite numbers are shown as `–`.
    public func number(_ value: Double, maxFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        let digits = max(0, min(maxFractionDigits, 6))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1e18 else { return value < 0 ? "-" + Self.plain(abs(value)) : Self.plain(value) }
        let units = UInt64(scaled)
        let factor = UInt64(scale)
        let whole = units / factor
        var text = whole < 1000 ? String(whole) : group(String(whole))
        // The fraction without its trailing zeros, then padded with leading zeros to its places.
        var fraction = units % factor
        var places = digits
        while places > 0 && fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        if places > 0 {
            let written = String(fraction)
            text += decimalSeparator
            if written.utf8.count < places { text += String(repeating: "0", count: places - written.utf8.count) }
            text += written
        }
        let negative = value < 0 && units > 0
        return negative ? "−" + text : text
    }

    /// An achievement or score as a percentage with one decimal at most (`71.4 %`): the one
    /// formatter of every percentage shown. It never rounds into another band: a figure that would
    /// round up across a band threshold is cut instead (94.96 → `94.9 %` beside band 3, never
    /// `95 %`; with no decimals, `94 %`). `band` defaults to the band of `value`.
    public func percent(_ value: Double, band: Band? = nil, maxFractionDigits: Int = 1) -> String {
        bandNumber(value, band: band, maxFractionDigits: maxFractionDigits) + percentSpacing + "%"
    }

    /// The number of ``percent(_:band:maxFractionDigits:)`` without the `%`.
    public func bandNumber(_ value: Double, band: Band? = nil, maxFractionDigits: Int = 1) -> String {
        guard value.isFinite else { return number(value) }
        let rounded = Self.bandRounded(value, band: band, maxFractionDigits: maxFractionDigits)
        return number(rounded, maxFractionDigits: maxFractionDigits)
    }

    /// `value` rounded to `maxFractionDigits` decimals, toward its band: to nearest when that stays
    /// in the band, else cut toward the band (down when rounding went up, up when it went down).
    public static func bandRounded(_ value: Double, band: Band? = nil, maxFractionDigits: Int = 1) -> Double {
        guard value.isFinite else { return value }
        let band = band ?? Band(percent: value)
        var scale = 1.0
        for _ in 0..<max(0, min(maxFractionDigits, 6)) { scale *= 10 }
        let nearest = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        let nearestBand = Band(percent: nearest)
        if nearestBand == band { return nearest }
        let cut = ((value * scale).rounded(nearestBand > band ? .down : .up)) / scale
        return Band(percent: cut) == band ? cut : value
    }

    /// A published value as it was written, digit for digit (`0.001`, `3.90`, `97.00`), with this
    /// language's decimal separator and the whole part grouped by thousands (`95424` → `95,424`);
    /// nil when `text` is not a plain decimal (an exponent, say), so the caller formats the number.
    public func published(_ text: String) -> String? {
        // Read byte by byte: this runs for every value of every page.
        guard let parts = Self.publishedDigits(text) else { return nil }
        return publishedText(parts.negative, parts.whole, parts.fraction)
    }

    /// The sign, whole digits and fraction digits of a plain decimal's bytes (`-12.50`); nil when
    /// `text` is anything else, or has no digit at all.
    private static func publishedDigits(_ text: String) -> (negative: Bool, whole: Substring, fraction: Substring?)? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        var negative = false
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: "-") || utf8[i] == UInt8(ascii: "+") {
            negative = utf8[i] == UInt8(ascii: "-")
            i = utf8.index(after: i)
        }
        let wholeStart = i
        var dot: String.Index?
        var digits = 0
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: "."), dot == nil {
                dot = i
            } else {
                return nil
            }
            i = utf8.index(after: i)
        }
        guard digits > 0 else { return nil }
        guard let dot else { return (negative, text[wholeStart...], nil) }
        return (negative, text[wholeStart..<dot], text[utf8.index(after: dot)...])
    }

    private func publishedText(_ negative: Bool, _ whole: Substring, _ fraction: Substring?) -> String {
        let wholeText = whole.isEmpty ? "0" : String(whole)
        var out = wholeText.utf8.count > 3 ? group(wholeText) : wholeText
        if let fraction, !fraction.isEmpty { out += decimalSeparator + fraction }
        // "-0" and "-0.00" are zero, shown without a sign.
        let zero =
            wholeText.utf8.allSatisfy { $0 == UInt8(ascii: "0") }
            && (fraction?.utf8.allSatisfy { $0 == UInt8(ascii: "0") } ?? true)
        return negative && !zero ? "−" + out : out
    }

    /// An integer count, grouped.
    public func count(_ value: Int) -> String {
        (0..<1000).contains(value) ? String(value) : number(Double(value), maxFractionDigits: 0)
    }

    private func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += groupingSeparator }
            out.append(c)
        }
        return out
    }

    private static func plain(_ value: Double) -> String { String(format: value) }
}

extension String {
    fileprivate init(format value: Double) { self = "\(value)" }
}
