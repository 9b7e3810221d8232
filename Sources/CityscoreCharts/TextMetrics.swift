/// Text width estimates and shortening. Charts cannot measure text at build time, so widths are
/// estimated from Arial advance widths, widened to cover DejaVu Sans (the default sans-serif on
/// Linux and one of the widest): measured in Chromium, that margin leaves Arial and Segoe UI
/// text 10–20 % shorter than estimated and DejaVu Sans text within 3 % of it.
enum TextMetrics {
    /// The ellipsis that marks shortened text.
    static let ellipsis = "…"

    /// Baseline that centres text of `size` vertically on `y` (cap height about 0.7 em).
    static func baseline(centredOn y: Double, size: Double) -> Double { y + size * 0.35 }

    /// Estimated width of `text` at `size` user units.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let ems = text.unicodeScalars.reduce(0.0) { $0 + advance($1) }
        return ems * size * (bold ? 1.25 : 1.12)
    }

    /// `text` as it is when it fits `maxWidth`, else cut at a character and ended with "…";
    /// empty when not even one character and "…" fit.
    static func fit(_ text: String, width maxWidth: Double, size: Double, bold: Bool = false) -> String {
        if width(text, size: size, bold: bold) <= maxWidth { return text }
        let characters = Array(text)
        // The advance widths of the first k characters, summed in the order ``width(_:size:bold:)``
        // sums them, so that each shorter candidate is measured without making it (the same sums).
        var prefix = [0.0]
        prefix.reserveCapacity(characters.count + 1)
        var ems = 0.0
        for character in characters {
            for scalar in character.unicodeScalars { ems += advance(scalar) }
            prefix.append(ems)
        }
        let ellipsisEms = ellipsis.unicodeScalars.reduce(0.0) { $0 + advance($1) }
        var count = characters.count
        while count > 0 {
            count -= 1
            while count > 0, characters[count - 1].isWhitespace || characters[count - 1].isPunctuation { count -= 1 }
            if count > 0 && (prefix[count] + ellipsisEms) * size * (bold ? 1.25 : 1.12) <= maxWidth {
                return String(characters[..<count]) + ellipsis
            }
        }
        return ""
    }

    /// `text` broken at spaces into at most `maxLines` lines of `maxWidth`; the last line is
    /// shortened with "…" when the text does not fit.
    static func wrap(_ text: String, width maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int)
        -> [String]
    {
        var lines: [String] = []
        var current = ""
        // The advance widths of `current`, summed in the order ``width(_:size:bold:)`` sums them, so
        // that each candidate line is measured by adding its next word only (the same sums, exactly).
        var currentEms = 0.0
        for word in text.split(separator: " ") {
            guard !current.isEmpty else {
                current = String(word)
                currentEms = word.unicodeScalars.reduce(0.0) { $0 + advance($1) }
                continue
            }
            var candidateEms = currentEms + advance(" ")
            for scalar in word.unicodeScalars { candidateEms += advance(scalar) }
            if candidateEms * size * (bold ? 1.25 : 1.12) <= maxWidth {
                current += " "
                current += word
                currentEms = candidateEms
            } else {
                lines.append(current)
                current = String(word)
                currentEms = word.unicodeScalars.reduce(0.0) { $0 + advance($1) }
            }
        }
        if !current.isEmpty { lines.append(current) }
        let limit = max(1, maxLines)
        if lines.count > limit {
            lines = Array(lines.prefix(limit - 1)) + [lines.dropFirst(limit - 1).joined(separator: " ")]
        }
        return lines.map { fit($0, width: maxWidth, size: size, bold: bold) }.filter { !$0.isEmpty }
    }

    /// Advance width of one character in em (Arial metrics, 1/1000 em).
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return Double(asciiWidths[Int(value - 0x20)]) / 1000 }
        switch value {
        case 0xA0, 0x2009, 0x202F: return 0.25  // no-break and thin spaces
        case 0x2026, 0x2014, 0x2030, 0x2190...0x21FF: return 1.0  // … — ‰ arrows
        case 0x2013, 0x2212: return 0.584  // – −
        case 0x300...0x36F, 0x200B...0x200D: return 0  // combining marks, zero-width characters
        case 0xC6, 0xE6, 0x152, 0x153: return 0.944  // Æ æ Œ œ
        case 0x2E80...0xFFEF, 0x1F000...: return 1.0  // CJK, emoji
        default: return value < 0x250 && (scalar.properties.isUppercase) ? 0.722 : 0.6
        }
    }

    /// Arial advance widths of U+0020…U+007E.
    private static let asciiWidths: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,  // 0 … 9
        278, 278, 584, 584, 584, 556, 1015,  // : ; < = > ? @
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,  // A … M
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,  // N … Z
        278, 278, 278, 469, 556, 333,  // [ \ ] ^ _ `
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,  // a … m
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,  // n … z
        334, 260, 334, 584,  // { | } ~
    ]
}
